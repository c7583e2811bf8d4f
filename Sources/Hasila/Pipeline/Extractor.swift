/// Runs the stages on one document's text: normalise (with the offset map), tokenise,
/// recognise dates and numbers, assemble figures, link breakdowns, periods, and the actors, place,
/// country and source of each figure.
///
/// Built once per run with a compiled grammar; safe to share between threads.
public struct Extractor: Sendable {
    public let grammar: Grammar
    private let normalizer = Normalizer(options: .matching)
    /// Finds the gazetteer's names (places, actors, sources) in a section's normalised text and tokens.
    /// The grammar's own (`NameFinder`) unless a test puts a small gazetteer of its own in its place.
    var findNames: (@Sendable (NormalizedText, [Token], Range<Int>) -> [NameMention])?

    /// Documents longer than this many code points are read a section at a time (see `extract`).
    let sectionLength: Int
    /// A section with no blank line after a full stop this far past its start is cut at a sentence
    /// end (or a space) instead, so a text of one endless line is read in bounded memory too.
    let longestSection: Int

    public init(grammar: Grammar) { self.init(grammar: grammar, sectionLength: 1 << 20) }

    /// Sections of `sectionLength` code points instead of a million: for tests and the fuzzer, which
    /// check that cutting a text into sections changes nothing. `longestSection` (default: twice the
    /// section, and at least 2 Mi code points) is where a section without a blank line is cut anyway.
    public init(grammar: Grammar, sectionLength: Int, longestSection: Int? = nil) {
        self.grammar = grammar
        let names = NameFinder(grammar: grammar)
        findNames = { names.find(text: $0, tokens: $1, in: $2) }
        self.sectionLength = max(1, sectionLength)
        let longest = longestSection ?? max(2 << 20, sectionLength.multipliedReportingOverflow(by: 2).overflow ? Int.max : sectionLength * 2)
        self.longestSection = max(self.sectionLength, longest)
    }

    /// What one section of a document hands to the next: the reference date, the last period,
    /// and how many figures, dates and code points came before (the bases of ids and offsets).
    public struct Continuation: Sendable {
        /// The document's date, against which relative dates are resolved and `when` falls back: its own
        /// (a JSON line's `date`, a manifest's), else the first section's dateline, else `fallback`.
        var reference: DateValue?
        /// The run's date for documents with none of their own and no dateline (`--date`).
        var fallback: DateValue?
        /// The first figure (document-wide index) of each value, category and period so far (`RepeatLinker`).
        var firstFigures: [RepeatLinker.Key: Int] = [:]
        /// The last period stated so far, for a later sentence that points back to it.
        var lastPeriod: Period?
        var isFirst = true
        /// A disease was named earlier in the document (InfectionReader).
        var outbreak = false
        /// An accident was named earlier in the document (AccidentReader).
        var accident = false
        /// The document's country (its first place), once a section has named one.
        var country: String?
        /// The document's first attribution that names a body, in offsets of the whole document.
        var source: LinkedName?
        /// The parties named so far in sentences with a figure, by the head noun of each word of their names, for
        /// a back-reference in a later section ("التنظيم" after "تنظيم الدولة"; `ActorLinker`).
        var parties = PartyMemory()
        /// The attributions and the parties of its sentences with a figure so far, for a later back-reference
        /// ("وأضاف أن", "وقالت الوزارة"), in offsets of the whole document (`SourceLinker`).
        var speakers: [PriorBody] = []
        var reportingParties: [PriorBody] = []
        /// More parts of the document follow this call's (a reader's section that is not its last): what a section
        /// hands on is then needed even after this call's last section.
        public var partsFollow = false
        /// Another section follows the one being read, so what the linking remembers must be handed on.
        var handsOn = false
        var figures = 0
        var dates = 0
        var offset = 0

        /// A document's start; `date` is its own date, if it has one; `fallback` the run's date, which a
        /// dateline overrides.
        public init(date: DateValue?, fallback: DateValue? = nil) {
            reference = date
            self.fallback = fallback
        }
    }

    /// Extracts from a document given as code points (the unit of every offset in the result).
    /// `date` is the document's own date, against which relative dates are resolved; without it
    /// a dateline at the top of the document ("بيروت - 12 آب 2019") serves, if there is one.
    ///
    /// A long document (a whole report, a book) is read in sections cut at blank lines after a full
    /// stop, so its working memory stays that of one section. Nothing the rules link crosses such a
    /// line (breakdowns stay in their paragraph, a figure's cues and period in its sentence); the
    /// reference date and the last period stated pass from one section to the next.
    /// `fallback` is a date for a document with neither its own nor a dateline (`--date`).
    public func extract(scalars: [UInt32], document: String, date: DateValue? = nil, fallback: DateValue? = nil) -> DocumentExtraction {
        var continuation = Continuation(date: date, fallback: fallback)
        return extract(section: scalars, document: document, continuation: &continuation)
    }

    /// Extracts from the next part of a document that comes in parts (`DocumentSection`): offsets
    /// count from the document's start, parents and record numbers run on from the parts before.
    public func extract(section scalars: [UInt32], document: String, continuation: inout Continuation) -> DocumentExtraction {
        var result = DocumentExtraction(document: document, figures: [], dates: [])
        result.firstFigure = continuation.figures
        result.firstDate = continuation.dates
        let sectionStart = continuation.offset
        var start = 0
        repeat {
            let end = scalars.count - start > sectionLength ? sectionEnd(scalars, from: start) : scalars.count
            let base = sectionStart + start
            continuation.handsOn = end < scalars.count || continuation.partsFollow
            var part = extractSection(start == 0 && end == scalars.count ? scalars : Array(scalars[start..<end]),
                                      document: document, carry: &continuation, base: base)
            let figureBase = continuation.figures
            // Shifted in place and handed over whole: a figure copied out and back costs a retain and a release of
            // each of its strings, and a document's first section (most documents' only one) needs no shift at all.
            if base > 0 || figureBase > 0 {
                for index in part.figures.indices {
                    if base > 0 {
                        let range = part.figures[index].range, sentence = part.figures[index].sentence
                        part.figures[index].range = (range.lowerBound + base)..<(range.upperBound + base)
                        part.figures[index].sentence = (sentence.lowerBound + base)..<(sentence.upperBound + base)
                        part.figures[index].shiftLinkedNames(by: base)
                    }
                    if let parent = part.figures[index].parent { part.figures[index].parent = parent + figureBase }
                    if let earlier = part.figures[index].repeats { part.figures[index].repeats = earlier + figureBase }
                }
            }
            if base > 0 {
                for index in part.dates.indices {
                    let range = part.dates[index].range
                    part.dates[index].range = (range.lowerBound + base)..<(range.upperBound + base)
                }
            }
            continuation.figures += part.figures.count
            continuation.dates += part.dates.count
            if result.figures.isEmpty { result.figures = part.figures } else { result.figures += part.figures }
            if result.dates.isEmpty { result.dates = part.dates } else { result.dates += part.dates }
            start = end
        } while start < scalars.count
        continuation.offset = sectionStart + scalars.count
        result.documentDate = continuation.reference
        return result
    }

    /// Where the section that begins at `start` ends: after the first blank line at least
    /// `sectionLength` code points on whose paragraph ends with a full stop, or the document's end.
    private func sectionEnd(_ scalars: [UInt32], from start: Int) -> Int {
        var index = start + sectionLength
        let limit = scalars.count - start > longestSection ? start + longestSection : scalars.count
        while index < limit {
            // A line break, then only spaces, then another line break: a blank line.
            if scalars[index] == 0x0A {
                var next = index + 1
                while next < scalars.count, scalars[next] == 0x20 || scalars[next] == 0x09 || scalars[next] == 0x0D { next += 1 }
                if next < scalars.count, scalars[next] == 0x0A, endsSentence(scalars, before: index) { return next + 1 }
                index = next
                continue
            }
            index += 1
        }
        guard limit < scalars.count else { return scalars.count }
        // No blank line within reach (one endless line): after a sentence end, else after a space, else anywhere.
        var lastSpace: Int?
        for index in (start + sectionLength)..<limit {
            let code = scalars[index]
            guard code == 0x20 || code == 0x0A || code == 0x09 || code == 0x0D else { continue }
            if Tokenizer.endsSentence(scalars[index - 1]) { return index + 1 }
            lastSpace = index + 1
        }
        return lastSpace ?? limit
    }

    /// The last visible code point before `end` is a full stop, question or exclamation mark.
    private func endsSentence(_ scalars: [UInt32], before end: Int) -> Bool {
        var index = end - 1
        while index >= 0, scalars[index] == 0x20 || scalars[index] == 0x09 || scalars[index] == 0x0D { index -= 1 }
        guard index >= 0 else { return false }
        return Tokenizer.endsSentence(scalars[index])
    }

    /// Extracts a whole document (no sections) and says, for each figure, what decided its qualifier,
    /// category, parent and period: the reader, the grammar rule and the words (`hasila eval --explain`).
    public func explain(scalars: [UInt32], document: String, date: DateValue? = nil, fallback: DateValue? = nil) -> (DocumentExtraction, [[DecisionTrace.Decision]]) {
        var carry = Continuation(date: date, fallback: fallback)
        let trace = DecisionTrace()
        var text: NormalizedText?
        var mentions: [Int] = []
        let result = extractSection(scalars, document: document, carry: &carry, trace: trace) { normalized, drafts in
            text = normalized
            mentions = drafts.map(\.mention.tokens.lowerBound)
        }
        guard let text else { return (result, []) }
        let tokens = Tokenizer(lexicon: grammar.tables.lexicon).tokenize(text)
        var decisions = [[DecisionTrace.Decision]](repeating: [], count: mentions.count)
        let figureOf = Dictionary(mentions.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for note in trace.notes {
            guard let index = figureOf[note.mention] else { continue }
            let range = note.words.flatMap { words -> Range<Int>? in
                guard !words.isEmpty, words.upperBound <= tokens.count else { return nil }
                return text.originalRange(Int(tokens[words.lowerBound].start)..<Int(tokens[words.upperBound - 1].end))
            }
            decisions[index].append(.init(field: note.field, reader: note.reader, rule: note.rule,
                                          words: range.map { text.originalText($0) }, range: range, value: note.value))
        }
        return (result, decisions)
    }

    private func extractSection(_ scalars: [UInt32], document: String, carry: inout Continuation, base: Int = 0, trace: DecisionTrace? = nil,
                                inspect: ((NormalizedText, [FigureDraft]) -> Void)? = nil) -> DocumentExtraction {
        let text = normalizer.normalize(scalars: scalars)
        let tokens = Tokenizer(lexicon: grammar.tables.lexicon).tokenize(text)
        var dates = DateRecognizer(grammar: grammar).recognize(tokens: tokens, scalars: text.scalars)
        var claimed = [Bool](repeating: false, count: tokens.count)
        for date in dates { for i in date.tokens { claimed[i] = true } }
        let mentions = NumberRecognizer(grammar: grammar).recognize(tokens: tokens, scalars: text.scalars, claimed: claimed)
        var paragraphs = [Int](repeating: 0, count: tokens.count)
        var paragraph = 0
        var seen: UInt32 = 0   // every trie some word of the section can begin: the document readers ask it first
        for (i, token) in tokens.enumerated() {
            if token.lineBreakBefore && i > 0 { paragraph += 1 }
            paragraphs[i] = paragraph
            seen |= token.starts
        }
        var drafts = FigureAssembler(grammar: grammar, trace: trace).assemble(mentions: mentions, tokens: tokens, text: text, paragraphs: paragraphs)
        InfectionReader(grammar: grammar, trace: trace).read(&drafts, tokens: tokens, scalars: text.scalars, seen: seen, outbreakBefore: &carry.outbreak)
        CivilianReader(grammar: grammar, trace: trace).read(&drafts, tokens: tokens, seen: seen)
        AccidentReader(grammar: grammar, trace: trace).read(&drafts, tokens: tokens, scalars: text.scalars, seen: seen, accidentBefore: &carry.accident)
        BreakdownLinker(grammar: grammar, trace: trace).link(&drafts, tokens: tokens) { position in
            let token = tokens[position]
            if token.kind == .punctuation {
                let code = text.scalars[Int(token.start)]
                return code == 0x060C || code == 0x2C
            }
            return grammar.isConjunction(token)
        }
        linkNames(&drafts, text: text, tokens: tokens, carry: &carry, base: base, trace: trace)
        let linker = PeriodLinker(grammar: grammar, trace: trace)
        let periods = linker.periods(dates: &dates, tokens: tokens, scalars: text.scalars)
        linker.apply(periods, to: &drafts, tokens: tokens, lastPeriod: &carry.lastPeriod)
        // The document's date: its own, else its dateline, else the run's (`--date`).
        let dateline = carry.isFirst ? datelineIndex(dates, tokens: tokens, scalars: text.scalars) : nil
        if carry.isFirst, carry.reference == nil { carry.reference = dateline.flatMap { dates[$0].value } ?? carry.fallback }
        carry.isFirst = false
        if let reference = carry.reference {
            RelativeDateResolver(reference: reference).resolve(&dates)
        }
        CumulativeReader(grammar: grammar, trace: trace).read(&drafts, tokens: tokens)
        EventTimeLinker(trace: trace).link(&drafts, dates: dates, tokens: tokens, documentDate: carry.reference, dateline: dateline.map { dates[$0] })
        RepeatLinker().link(&drafts, base: carry.figures, first: &carry.firstFigures)
        for index in dates.indices {
            let first = tokens[dates[index].tokens.lowerBound], last = tokens[dates[index].tokens.upperBound - 1]
            let clitic = first.kind == .word ? grammar.prefixLength(first, beginning: grammar.tables.dateWords) : 0
            let range = text.originalRange((Int(first.start) + clitic)..<Int(last.end))
            dates[index].range = range
            dates[index].text = text.originalText(range)
        }
        inspect?(text, drafts)
        // Each draft's figure is moved out, not copied: the drafts end here.
        var figures: [Figure] = []
        figures.reserveCapacity(drafts.count)
        for index in drafts.indices { figures.append(drafts[index].takeFigure()) }
        var extraction = DocumentExtraction(document: document, figures: figures, dates: dates)
        extraction.documentDate = carry.reference
        return extraction
    }

    /// The actors, place, country and source of each figure (Link/): after breakdowns, which they follow.
    /// `base` is the section's offset in its document: the document's first source is kept in whole-document offsets.
    private func linkNames(_ drafts: inout [FigureDraft], text: NormalizedText, tokens: [Token], carry: inout Continuation, base: Int,
                           trace: DecisionTrace?) {
        // A section with no figure links only for the sections after it (the document's country and first source).
        guard let findNames, !drafts.isEmpty || (carry.handsOn && (carry.country == nil || carry.source == nil)) else { return }
        var scene = LinkScene(grammar: grammar, text: text, tokens: tokens, figureTokens: drafts.map(\.mention.tokens.lowerBound),
                              countryBefore: carry.country, opensDocument: base == 0) { findNames(text, tokens, $0) }
        carry.country = scene.country
        let actors = ActorLinker(grammar: grammar, trace: trace)
        let linkedActors = actors.link(&drafts, scene: scene, parties: &carry.parties, handsOn: carry.handsOn)
        let targets = drafts.map(\.linkTarget)
        let heads = drafts.indices.map { actors.inheritedFrom($0, targets) }
        PlaceLinker(grammar: grammar, trace: trace).link(&drafts, scene: scene, heads: heads, actorNames: linkedActors.placesTaken)
        ActorLinker.refillStates(&drafts, linkedActors, scene: scene)
        var source = carry.source.map { LinkedName(key: $0.key, text: $0.text, range: ($0.range.lowerBound - base)..<($0.range.upperBound - base)) }
        var speakers = carry.speakers.map { $0.shifted(by: -base) }, parties = carry.reportingParties.map { $0.shifted(by: -base) }
        SourceLinker(grammar: grammar, trace: trace).link(&drafts, scene: &scene, documentSource: &source, opensDocument: base == 0,
                                                          speakers: &speakers, parties: &parties, handsOn: carry.handsOn)
        carry.speakers = speakers.map { $0.shifted(by: base) }
        carry.reportingParties = parties.map { $0.shifted(by: base) }
        carry.country = scene.country
        carry.source = source.map { LinkedName(key: $0.key, text: $0.text, range: ($0.range.lowerBound + base)..<($0.range.upperBound + base)) }
    }

    /// Extracts from a String (convenience for tests and small inputs).
    public func extract(_ text: String, document: String = "text", date: DateValue? = nil, fallback: DateValue? = nil) -> DocumentExtraction {
        extract(scalars: text.unicodeScalars.map(\.value), document: document, date: date, fallback: fallback)
    }

    /// The dateline of a wire story (the index of its date mention): a full date opening the document,
    /// after a place and a dash in its first words ("بيروت - 12 آب 2019"), or after a place and
    /// before a dash, a colon or the line's end ("الرياض 5/8/2015 -").
    private func datelineIndex(_ dates: [DateMention], tokens: [Token], scalars: [UInt32]) -> Int? {
        guard let first = dates.first, first.isAbsolute, first.value?.day != nil, first.tokens.lowerBound < 8,
              tokens[0..<first.tokens.upperBound].allSatisfy({ !$0.lineBreakBefore || $0.start == tokens[0].start }) else { return nil }
        let start = first.tokens.lowerBound
        if start == 0 { return 0 }
        func isDash(_ token: Token) -> Bool {
            token.kind == .punctuation && [0x2D, 0x2013, 0x2014, 0x3A].contains(scalars[Int(token.start)])
        }
        if isDash(tokens[start - 1]) { return 0 }
        // A place of a few words, then the date, then a dash, a colon or a line break.
        let end = first.tokens.upperBound
        guard start <= 3, tokens[0..<start].allSatisfy({ $0.kind == .word }) else { return nil }
        if end == tokens.count || tokens[end].lineBreakBefore || isDash(tokens[end]) { return 0 }
        return nil
    }
}
