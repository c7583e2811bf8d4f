/// Turns number mentions into figures: drops the numbers that are not counts (decoys, years,
/// ordinals, identifiers, clock times, vague plurals), and reads each figure's qualifier,
/// counted noun, category and breakdown cues from the tokens around it.
struct FigureAssembler {
    let grammar: Grammar
    private let qualifiers: QualifierReader
    /// The readers of one figure, in the order `read` asks them.
    private let cueReader: FigureCueReader
    private let nounReader: CountedNounReader
    private let categoryReader: CategoryReader
    /// Where the decisions go when a researcher asks why (`hasila eval --explain`); nil in a normal run.
    let trace: DecisionTrace?
    /// How many words back from a figure its clause is read for acts and evidence.
    static let reach = 40

    init(grammar: Grammar, trace: DecisionTrace? = nil) {
        self.grammar = grammar
        let categories = CategoryResolver(grammar: grammar)
        let qualifiers = QualifierReader(grammar: grammar)
        self.qualifiers = qualifiers
        self.cueReader = FigureCueReader(grammar: grammar, qualifiers: qualifiers, categories: categories, trace: trace)
        self.nounReader = CountedNounReader(grammar: grammar, categories: categories)
        self.categoryReader = CategoryReader(grammar: grammar, categories: categories, acts: ActReader(grammar: grammar), trace: trace)
        self.trace = trace
    }

    /// The figures of one document (or section) in text order, each read by `read`, with the list items
    /// that leave their noun out given their head's category and a range's first end its second's noun.
    func assemble(mentions: [NumberMention], tokens: [Token], text: NormalizedText, paragraphs: [Int]) -> [FigureDraft] {
        let context = FigureContext(tokens: tokens, text: text, mentions: mentions, paragraphs: paragraphs)
        var drafts: [FigureDraft] = []
        // Per mention (plain arrays: three hash look-ups a figure showed in profiles).
        var ranges = RangeEnds(mentionCount: mentions.count)
        var decoyed = [Bool](repeating: false, count: mentions.count + 1)
        var previousEnd = 0
        for (mentionIndex, mention) in mentions.enumerated() {
            defer { previousEnd = mention.tokens.upperBound }
            guard !mention.vague, let value = mention.value, !mention.identifierShape, !decoyed[mentionIndex] else { continue }
            if isDecoy(mention, tokens: tokens) || isClockTime(mention, context) || isListNumber(mention, context)
                || isDigitGroup(mentionIndex, context) || isModelNumber(mention, context) { continue }
            // "بين 16 و25 عاما": the first of a pair shares the second's decoy.
            if mentionIndex + 1 < mentions.count, joined(mention, mentions[mentionIndex + 1], context),
               isDecoy(mentions[mentionIndex + 1], tokens: tokens) {
                decoyed[mentionIndex + 1] = true
                continue
            }
            // The previous figure's extent, read in place (a draft is large; copying it per figure showed in profiles).
            var clauseStart = previousEnd
            var previous = PreviousFigure()
            if !drafts.isEmpty {
                let last = drafts.count - 1
                if drafts[last].sentence == tokens[mention.tokens.lowerBound].sentence {
                    clauseStart = max(drafts[last].phraseEnd, previousEnd)
                    previous.actFloor = drafts[last].actFloor
                }
                // Its counted noun, not the whole phrase read after it: "3 مصابين من الجنسية المصرية تم تنويم حالتين"
                // leaves تنويم to the second figure.
                let nounEnd = drafts[last].nounEnd ?? drafts[last].mention.tokens.upperBound
                previous.phrase = drafts[last].mention.tokens.upperBound..<max(drafts[last].mention.tokens.upperBound, min(nounEnd, drafts[last].phraseEnd))
            }
            // The draft is read into the list and settled there: a draft is large, and handing it back and
            // appending it copied it twice per figure.
            guard read(mention, index: mentionIndex, value: value, context: context, previousEnd: min(clauseStart, mention.tokens.lowerBound),
                       ranges: &ranges, previous: previous, into: &drafts) else { continue }
            let new = drafts.count - 1
            // "أحد المنازل" picks one out of a total only where one was counted: no earlier figure of its
            // paragraph counts that kind, no figure (rules 1).
            if drafts[new].mention.partitive == .noun {
                // The total counts the same kind of thing: its noun names the same category with the same role.
                let counted = drafts.withUnsafeBufferPointer { drafts in
                    drafts[..<new].contains { $0.paragraph == drafts[new].paragraph && drafts[new].isPart(of: $0) }
                }
                if !counted {
                    drafts.removeLast()
                    continue
                }
            }
            if new > 0, drafts.withUnsafeBufferPointer({ isElidedItem(new, in: $0, context) }) {
                // "قتل 40 مدنيا: 25 في حمص و9 في حماة": an item that leaves its noun out counts what its head counts.
                drafts[new].figure.category = drafts[new - 1].figure.category
                drafts[new].explicitNull = drafts[new - 1].explicitNull
                drafts[new].needsEvidence = drafts[new - 1].needsEvidence
                drafts[new].elided = true
                trace?.note(drafts[new].mention.tokens.lowerBound, .category, "item of a list that leaves out the noun of its head",
                            value: drafts[new].figure.category ?? "null")
            }
            // The first of a range shares the second's noun when it has none of its own.
            if let firstIndex = ranges.first[mentionIndex], firstIndex < new, !drafts[firstIndex].categoryFromPhrase {
                drafts[firstIndex].figure.category = drafts[new].figure.category
                drafts[firstIndex].figure.noun = drafts[new].figure.noun
                drafts[firstIndex].explicitNull = drafts[new].explicitNull
                drafts[firstIndex].needsEvidence = drafts[new].needsEvidence
            }
        }
        return drafts
    }

    /// Reads one figure, a reader per decision in this order: the cues before it, the counted noun, the
    /// qualifier, a breakdown cue after it, the category; appends its draft to `drafts`, or returns false when the
    /// number counts nothing here.
    private func read(_ mention: NumberMention, index mentionIndex: Int, value: Int, context: FigureContext,
                      previousEnd: Int, ranges: inout RangeEnds, previous: PreviousFigure, into drafts: inout [FigureDraft]) -> Bool {
        let draftCount = drafts.count
        let tokens = context.tokens
        let first = mention.tokens.lowerBound, last = mention.tokens.upperBound
        let sentence = tokens[first].sentence
        let floor = context.sentenceStart[Int(sentence)]
        let cues = cueReader.before(mention, context: context)
        guard let counted = nounReader.read(mentionIndex, cues: cues, context: context)
        else { return false }
        var phrase = counted.phrase

        // Numbers that count nothing here: a year or an ordinal after the article, unless a counted noun follows at once.
        let nounFollows = phrase.noun.map { $0.lowerBound <= last + 1 } ?? false
        if mention.yearShape && !nounFollows && cues.lead.qualifier == .exact && !cues.lead.isRange && !cues.breakdownBefore { return false }
        if cues.leadIndex > 0, mention.form == .digits, grammar.isArticle(tokens[cues.leadIndex - 1]), !nounFollows, !phrase.hasNoun { return false }

        var qualifier = qualifiers.settle(cues.lead, after: phrase, figure: first, floor: max(floor, previousEnd, cues.cueStart - FigureAssembler.reach),
                                          forced: ranges.forced[mentionIndex], tokens: tokens, trace: trace)
        if cues.lead.isRange, mentionIndex + 1 < context.mentions.count, joined(mention, context.mentions[mentionIndex + 1], context) {
            qualifier = .atLeast
            ranges.forced[mentionIndex + 1] = .atMost
            ranges.first[mentionIndex + 1] = draftCount
        }

        var cueRule = cues.cueRule
        var phraseEnd = max(phrase.end, last)
        let after = cueReader.after(phrase, sentence: sentence, context: context)
        if let after {
            cueRule = after.cueRule
            phraseEnd = after.end
            if let outcome = after.outcome {
                if outcome.hasNoun { phrase = outcome; phraseEnd = outcome.end }
                if qualifier == .exact, let cue = outcome.qualifier { qualifier = Qualifier(rawValue: cue) ?? .exact }
            }
        }

        let category = categoryReader.read(mention, cues: cues, phrase: &phrase, breakdownAfter: after != nil, previousEnd: previousEnd, previous: previous, context: context)
        // Made in the list and finished there: a draft is large, and appending a finished one copied it.
        drafts.append(FigureDraft(figure: figure(mention, value: value, qualifier: qualifier, category: category, phrase: phrase, context: context),
                                mention: mention, leadStart: cues.cueStart, phraseEnd: phraseEnd,
                                sentence: sentence, paragraph: context.paragraphs[first], conjoined: cues.conjoined,
                                breakdownBefore: cues.breakdownBefore, breakdownAfter: after != nil, totalBefore: cues.totalBefore,
                                partitive: counted.partitive, categoryFromPhrase: category.fromPhrase, explicitNull: category.explicitNull,
                                needsEvidence: category.needsEvidence, categoryRole: category.role))
        let new = drafts.count - 1
        drafts[new].nounStart = phrase.noun?.lowerBound
        drafts[new].nounEnd = phrase.noun?.upperBound
        drafts[new].actFloor = category.actFloor
        drafts[new].cueRule = cueRule
        if let noun = phrase.noun, let match = grammar.longest(grammar.tables.categories, in: tokens, from: noun.lowerBound) {
            let entry = grammar.tables.categoryPayloads[match.payloads[0]]
            drafts[new].countsUnits = entry.role == .unit
            drafts[new].nounKey = entry.key
            drafts[new].nounRole = entry.role
        }
        return true
    }

    /// The figure's record fields, with its span and noun in the original text. Clitics stay outside the
    /// surface: "لتسعة" gives "تسعة", "وسيدتين" gives "سيدتين".
    private func figure(_ mention: NumberMention, value: Int, qualifier: Qualifier, category: CategoryDecision,
                        phrase: CategoryResolver.Phrase, context: FigureContext) -> Figure {
        let tokens = context.tokens
        let text = context.text
        let first = mention.tokens.lowerBound, last = mention.tokens.upperBound
        let sentence = Int(tokens[first].sentence)
        let clitic: Int
        switch mention.form {
        case .words: clitic = grammar.prefixLength(tokens[first], beginning: grammar.tables.numberWords)
        case .dual: clitic = grammar.prefixLength(tokens[first], beginning: grammar.tables.duals)
        case .digits: clitic = 0
        }
        let range = text.originalRange((Int(tokens[first].start) + clitic)..<Int(tokens[last - 1].end))
        let sentenceRange = text.originalRange(Int(tokens[context.sentenceStart[sentence]].start)..<Int(tokens[context.sentenceEnd[sentence] - 1].end))
        let noun = phrase.noun.map {
            text.originalText(text.originalRange(Int(tokens[$0.lowerBound].start)..<Int(tokens[$0.upperBound - 1].end)))
        }
        return Figure(value: value, range: range, text: text.originalText(range), qualifier: qualifier,
                      category: category.explicitNull ? nil : category.key, noun: noun, parent: nil, period: nil, sentence: sentenceRange)
    }

    /// An item of a list right after the figure before it (joined by و, or after a colon or comma alone), in
    /// the same sentence, with no noun and no breakdown cue of its own.
    private func isElidedItem(_ index: Int, in drafts: UnsafeBufferPointer<FigureDraft>, _ context: FigureContext) -> Bool {
        // The two drafts are read through pointers, a field at a time: a draft is large, and passing one copied it.
        let draft = drafts.baseAddress! + index, previous = drafts.baseAddress! + (index - 1)
        // "77 حالة وفاة في إقليم … و32 حالة في إقليم …": the same unit again, what befell it left out.
        if draft.pointee.countsUnits, previous.pointee.countsUnits, draft.pointee.conjoined, draft.pointee.figure.category == nil, previous.pointee.figure.category != nil,
           draft.pointee.sentence == previous.pointee.sentence, previous.pointee.phraseEnd <= draft.pointee.leadStart, draft.pointee.leadStart - previous.pointee.phraseEnd <= 8,
           !(previous.pointee.phraseEnd..<draft.pointee.leadStart).contains(where: {
               grammar.opensWithConjunction(context.tokens[$0], scalars: context.scalars)
                   || grammar.longest(grammar.tables.categories, in: context.tokens, from: $0) != nil
           }) {
            return true
        }
        // The head counts a thing by its noun (not by an act of its own phrase: "14 تحت التعذيب").
        guard previous.pointee.elided || (previous.pointee.figure.noun != nil && previous.pointee.categoryRole != .event),
              draft.pointee.figure.noun == nil, !draft.pointee.breakdownBefore, !draft.pointee.breakdownAfter, !draft.pointee.partitive,
              draft.pointee.sentence == previous.pointee.sentence, previous.pointee.phraseEnd <= draft.pointee.leadStart,
              draft.pointee.leadStart - previous.pointee.phraseEnd <= 2 else { return false }
        let gap = previous.pointee.phraseEnd..<draft.pointee.leadStart
        return (draft.pointee.conjoined || !gap.isEmpty)
            && gap.allSatisfy { context.tokens[$0].kind == .punctuation || grammar.isConjunction(context.tokens[$0]) }
    }

    /// The second number follows the first joined by و (or a span word such as إلى): "بين 400 و450".
    private func joined(_ a: NumberMention, _ b: NumberMention, _ context: FigureContext) -> Bool {
        let gap = a.tokens.upperBound..<b.tokens.lowerBound
        let tokens = context.tokens
        if gap.isEmpty { return grammar.startsWithConjunction(tokens[b.tokens.lowerBound]) }
        guard gap.count == 1 else { return false }
        let between = tokens[gap.lowerBound]
        if grammar.isConjunction(between) { return true }
        return grammar.matches(grammar.tables.dateWords, in: tokens, from: gap.lowerBound, limit: gap.upperBound)
            .contains { $0.payloads.contains { grammar.tables.dateWordPayloads[$0] == .rangeEnd } }
    }

    /// "7:30": digits glued to a colon and more digits.
    private func isClockTime(_ mention: NumberMention, _ context: FigureContext) -> Bool {
        let tokens = context.tokens
        let first = mention.tokens.lowerBound, last = mention.tokens.upperBound
        func colon(_ i: Int) -> Bool { tokens[i].kind == .punctuation && context.scalars[Int(tokens[i].start)] == 0x3A }
        if first >= 2, colon(first - 1), !tokens[first].spaceBefore, !tokens[first - 1].spaceBefore, tokens[first - 2].kind == .number { return true }
        if last + 1 < tokens.count, colon(last), !tokens[last].spaceBefore, !tokens[last + 1].spaceBefore, tokens[last + 1].kind == .number { return true }
        return false
    }

    /// "+966 50 123 4567": digits after a plus sign, or next to other digits with nothing but spaces or
    /// dashes between them, are a telephone number or an identifier, not counts.
    private func isDigitGroup(_ index: Int, _ context: FigureContext) -> Bool {
        let tokens = context.tokens, mentions = context.mentions
        let mention = mentions[index]
        guard mention.form == .digits else { return false }
        let first = mention.tokens.lowerBound
        if first > 0, tokens[first - 1].kind == .punctuation, context.scalars[Int(tokens[first - 1].start)] == 0x2B { return true }
        /// nil: not joined; false: joined by spaces alone; true: joined by a dash.
        func joint(_ a: NumberMention, _ b: NumberMention) -> Bool? {
            guard a.form == .digits, b.form == .digits,
                  tokens[b.tokens.lowerBound].sentence == tokens[a.tokens.lowerBound].sentence else { return nil }
            let gap = a.tokens.upperBound..<b.tokens.lowerBound
            guard gap.allSatisfy({ tokens[$0].kind == .punctuation && context.scalars[Int(tokens[$0].start)] == 0x2D }) else { return nil }
            return !gap.isEmpty
        }
        // The chain of digit groups this one belongs to: two groups side by side, or three joined by dashes
        // ("011-456-7890"; "10-20" alone may be a range of counts).
        var low = index, high = index, dashed = false
        while low > 0, let dash = joint(mentions[low - 1], mentions[low]) { dashed = dashed || dash; low -= 1 }
        while high + 1 < mentions.count, let dash = joint(mentions[high], mentions[high + 1]) { dashed = dashed || dash; high += 1 }
        let groups = high - low + 1
        return dashed ? groups >= 3 : groups >= 2
    }

    /// "طائرات اف-16", "كوفيد-19": digits glued by a dash to the word before them name a model or a
    /// variant, not a count.
    private func isModelNumber(_ mention: NumberMention, _ context: FigureContext) -> Bool {
        let tokens = context.tokens
        let first = mention.tokens.lowerBound
        guard mention.form == .digits, first >= 2, !tokens[first].spaceBefore, !tokens[first - 1].spaceBefore,
              tokens[first - 1].kind == .punctuation, tokens[first - 2].kind == .word else { return false }
        let dash = context.scalars[Int(tokens[first - 1].start)]
        return dash == 0x2D || dash == 0x2010 || dash == 0x2011
    }

    /// "أسماء الشهداء: 1. الجندي …": a number that numbers a list item.
    private func isListNumber(_ mention: NumberMention, _ context: FigureContext) -> Bool {
        let tokens = context.tokens
        let first = mention.tokens.lowerBound, last = mention.tokens.upperBound
        guard mention.form == .digits, last < tokens.count, tokens[last].kind == .punctuation, !tokens[last].spaceBefore else { return false }
        let after = context.scalars[Int(tokens[last].start)]
        guard after == 0x2E || after == 0x29 || after == 0x2D else { return false }
        if first == 0 || tokens[first].lineBreakBefore { return true }
        let before = tokens[first - 1]
        return before.kind == .punctuation && context.scalars[Int(before.start)] == 0x3A
    }

    /// A decoy rule matches around the number: the part after {n} from the number's end (then the
    /// part before it, backwards), or a part before {n} alone.
    func isDecoy(_ mention: NumberMention, tokens: [Token]) -> Bool {
        let first = mention.tokens.lowerBound, last = mention.tokens.upperBound
        if first > 0, grammar.longestBackward(grammar.tables.decoysBefore, in: tokens, from: first - 1) != nil { return true }
        for match in grammar.matches(grammar.tables.decoysAfter, in: tokens, from: last) {
            for payload in match.payloads {
                let before = grammar.tables.decoyBefore[payload]
                guard before.count <= first else { continue }
                if before.enumerated().allSatisfy({ grammar.has(tokens[first - 1 - $0.offset], stem: $0.element) }) { return true }
            }
        }
        return false
    }
}
