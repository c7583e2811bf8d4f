import CICU

/// What the linkers read of one document (or section), prepared once: the gazetteer's names and the
/// link cues as token ranges, and where each sentence's tokens begin and end.
///
/// The linkers decide per figure by looking at the names and cues of its sentence; this keeps every
/// look-up a walk over a few tokens, so linking costs little beside the rest of the extraction.
struct LinkScene {
    struct Name {
        let mention: NameMention
        /// The tokens the name spans.
        let tokens: Range<Int>
        /// The key with any `*` filled with a country ("*.state" beside "السوري" → "sy.state"), nil when none is known.
        var key: String?
        var isActor: Bool { mention.kind == .actor }
        var isPlace: Bool { mention.kind == .place || mention.kind == .town }
    }

    /// Plain values only (the rule's location as an interned id), so that the linkers' many walks over cues copy
    /// them without reference counting.
    struct Cue {
        let kind: LinkCue.Kind
        let tokens: Range<Int>
        private let ruleID: Int32
        /// file:line of the rule, or what a linker says made the cue.
        var rule: String { LinkRuleNames.name(ruleID) }

        init(kind: LinkCue.Kind, tokens: Range<Int>, rule: String) {
            self.init(kind: kind, tokens: tokens, ruleID: LinkRuleNames.id(rule))
        }

        init(kind: LinkCue.Kind, tokens: Range<Int>, ruleID: Int32) {
            self.kind = kind
            self.tokens = tokens
            self.ruleID = ruleID
        }
    }

    let tokens: [Token]
    let text: NormalizedText
    private(set) var names: [Name]
    private(set) var cues: [Cue]
    /// Where each name and each cue begins (its first token), side by side with `names` and `cues`: the lists are
    /// searched by position some fifty times a figure, and these small arrays are searched without a branch.
    private var nameStarts: [Int32]
    private var cueStarts: [Int32]
    /// The tokens that open a new clause (`clause-boundary` rules: فيما، بينما، أن), in order.
    private(set) var boundaries: [Int]
    /// The sentences read, by number (an empty range for one not read): those that hold a figure, and those read
    /// from the section's start until a place and an attribution that names a body were met.
    private var sentences: [Range<Int>]
    /// The country (upper case) of the document's first place: handed over by an earlier section, else this
    /// section's first, nil when neither has one.
    private(set) var country: String?
    /// The country handed over by an earlier section.
    private let countryBefore: String?
    /// The index in `names` of the section's first place.
    private var firstPlace: Int?

    private let grammar: Grammar
    /// The link cues' and clause boundaries' tries, copied out of the grammar once per scene (not per word).
    private let cueTrie: PhraseTrie
    private let clauseTrie: PhraseTrie
    /// What each link cue is (the cue trie's payloads), also taken out once: read through the grammar, a class, the
    /// array was retained and released at every cue.
    private let cuePayloads: [LinkCue]
    /// Which stems may begin an attribution cue, and the lexicon's readings, for `mayAttribute`.
    private let attributionStarts: [Bool]
    private let readings: [Lexicon.Analysis]
    private let findNames: (Range<Int>) -> [NameMention]
    /// The first token after the sentences read from the section's start.
    private(set) var prefixEnd = 0
    /// The token after the document's headline, 0 when the section opens no document or has none: a first line of
    /// one sentence, not closed by a full stop, "!" or "؟", with no attribution verb, and more lines after it. A
    /// headline sums up the item below it: its figures take the document's first place and first named source
    /// wherever they stand.
    private(set) var headlineEnd = 0
    /// How many names wait for a country to fill their `*`.
    private var unresolved = 0

    /// Reads the names and cues of the sentences the linkers need, not of the whole section: the sentences of
    /// `figureTokens` and, from the section's start, those up to the document's first place (unless
    /// `countryBefore` already says it); `readNextSentence` reads on (for the document's first source).
    /// `findNames` finds the gazetteer's names in a range of tokens.
    /// `opensDocument`: the section is the document's first, so its first line may be a headline.
    init(grammar: Grammar, text: NormalizedText, tokens: [Token], figureTokens: [Int], countryBefore: String?, opensDocument: Bool = false,
         findNames: @escaping (Range<Int>) -> [NameMention]) {
        self.tokens = tokens
        self.text = text
        self.grammar = grammar
        cueTrie = grammar.tables.linkCues
        clauseTrie = grammar.tables.clauseBoundaries
        cuePayloads = grammar.tables.linkCuePayloads
        attributionStarts = grammar.tables.attributionStarts
        readings = grammar.tables.lexicon.analyses
        self.findNames = findNames
        self.countryBefore = countryBefore
        sentences = [Range<Int>](repeating: 0..<0, count: tokens.last.map { Int($0.sentence) + 1 } ?? 0)
        // Room for a news item's names and cues at once, so the lists seldom grow.
        names = []
        names.reserveCapacity(32)
        cues = []
        cues.reserveCapacity(32)
        nameStarts = []
        nameStarts.reserveCapacity(32)
        cueStarts = []
        cueStarts.reserveCapacity(32)
        boundaries = []
        boundaries.reserveCapacity(16)
        country = countryBefore
        readOpening(figureTokens: figureTokens, opensDocument: opensDocument)
    }

    /// What the initialiser reads (see there). A method of its own: methods of the scene called from the initialiser
    /// itself worked on copies of it (every list retained and released).
    private mutating func readOpening(figureTokens: [Int], opensDocument: Bool) {
        // From the start: sentences until the document's first place is met.
        // A dateline ("بيروت – 15 تشرين الثاني") says where it was written, not where it happened: read on (a few
        // sentences) for a locative place, which then is the document's.
        var needPlace = countryBefore == nil
        var afterDateline = 0
        while needPlace, let range = readNextSentence() {
            // The sentence's places, looked at in place (no list of them made).
            var foundAny = false, foundLocative = false
            // By index from the sentence's first name: a name copied out costs a retain and release of its keys.
            for index in LinkScene.firstAtOrAfter(nameStarts, range.lowerBound)..<names.count where names[index].isPlace {
                foundAny = true
                if !LinkScene.isDash(names[index].tokens.upperBound, in: tokens, scalars: text.scalars) { foundLocative = true; break }
            }
            if foundLocative { needPlace = false }
            else if foundAny || afterDateline > 0 {
                afterDateline += 1
                if afterDateline > LinkScene.datelineReach { needPlace = false }
            }
        }
        // The sentences of the figures.
        for token in figureTokens where token < tokens.count && !isRead(tokens[token].sentence) {
            read(sentence(around: token))
        }
        if opensDocument { headlineEnd = headline() }
    }

    private mutating func headline() -> Int {
        guard !tokens.isEmpty else { return 0 }
        let end = paragraphEnd(of: 0)
        guard end < tokens.count, tokens[0].sentence == tokens[end - 1].sentence else { return 0 }
        if !isRead(tokens[0].sentence) { read(0..<end) }
        guard !cues(in: 0..<end).contains(where: { $0.kind == .attribution }) else { return 0 }
        let last = tokens[end - 1]
        if last.kind == .punctuation, Int(last.start) < text.scalars.count,
           Tokenizer.endsSentence(text.scalars[Int(last.start)]) { return 0 }
        return end
    }

    private func sentence(around token: Int) -> Range<Int> {
        let number = tokens[token].sentence
        var first = token, last = token + 1
        while first > 0, tokens[first - 1].sentence == number { first -= 1 }
        while last < tokens.count, tokens[last].sentence == number { last += 1 }
        return first..<last
    }

    /// Reads the first sentence after those read from the section's start (skipping any read already), and
    /// returns it; nil at the section's end.
    /// With `onlyAttributed`, a sentence's names are read only when it holds an attribution (the search for
    /// the document's first source needs no other), and one none of whose words can begin an attribution is passed
    /// over unread (returned all the same: it holds no cue).
    @discardableResult
    mutating func readNextSentence(onlyAttributed: Bool = false) -> Range<Int>? {
        while prefixEnd < tokens.count {
            let range = sentence(around: prefixEnd)
            prefixEnd = range.upperBound
            if !isRead(tokens[range.lowerBound].sentence) {
                if onlyAttributed, !mayAttribute(range) { return range }
                read(range, onlyAttributed: onlyAttributed)
                return range
            }
        }
        return nil
    }

    /// Whether a word of `range` can begin an attribution cue: a look at each word's readings, where reading the
    /// sentence would walk the cue trie from every word that begins any cue and test every clause boundary.
    private func mayAttribute(_ range: Range<Int>) -> Bool {
        let cueBit: UInt32 = cueTrie.id >= 0 ? 1 << UInt32(cueTrie.id) : ~0
        for index in range {
            let token = tokens[index]
            guard token.kind == .word, token.starts & cueBit != 0 else { continue }
            for reading in token.analyses {
                let stem = Int(readings[Int(reading)].stem)
                if stem >= 0, stem < attributionStarts.count, attributionStarts[stem] { return true }
            }
        }
        return false
    }

    /// Reads the names, cues and clause boundaries of one sentence, keeping each list in text order.
    /// Each is appended to its list in place, and moved among those of later sentences read before only when it
    /// was read after them: no list is made per sentence.
    private mutating func read(_ range: Range<Int>, onlyAttributed: Bool = false) {
        guard !range.isEmpty else { return }
        let number = Int(tokens[range.lowerBound].sentence)
        if number >= sentences.count { sentences += [Range<Int>](repeating: 0..<0, count: number + 1 - sentences.count) }
        sentences[number] = range
        // Whether the sentence comes after every name read so far (else the lists are put back in text order).
        let appended = names.last.map { $0.tokens.lowerBound < range.lowerBound } ?? true
        let oldNames = names.count, oldCues = cues.count, oldBoundaries = boundaries.count
        // Most words begin neither a cue nor a clause: one bit test turns them away.
        let cueBit: UInt32 = cueTrie.id >= 0 ? 1 << UInt32(cueTrie.id) : ~0
        let clauseBit: UInt32 = clauseTrie.id >= 0 ? 1 << UInt32(clauseTrie.id) : ~0
        var attributed = false
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            guard token.kind == .word, token.starts & (cueBit | clauseBit) != 0 else { index += 1; continue }
            if token.starts & clauseBit != 0, isBoundary(index) { boundaries.append(index) }
            if token.starts & cueBit != 0,
               let match = grammar.longestEnd(cueTrie, in: tokens, from: index, limit: range.upperBound), let payload = cueTrie.firstPayload(at: match.node) {
                let cue = cuePayloads[payload]
                cues.append(Cue(kind: cue.kind, tokens: index..<match.end, ruleID: cue.ruleID))
                cueStarts.append(Int32(truncatingIfNeeded: index))
                if cue.kind == .attribution { attributed = true }
                // A boundary inside a cue ("أن" of "بحسب ما أفاد … أن") is still one.
                for inner in (index + 1)..<match.end where isBoundary(inner) { boundaries.append(inner) }
                index = match.end
            } else { index += 1 }
        }
        var foundPlace = false, foundStarred = false
        if !onlyAttributed || attributed {
            // The names come in order inside the sentence: their tokens are found walking on through it.
            var cursor = range.lowerBound
            func token(containing offset: Int) -> Int? {
                guard range.lowerBound == 0 || Int(tokens[range.lowerBound - 1].end) <= offset,
                      offset < Int(tokens[range.upperBound - 1].end) else { return LinkScene.token(containing: offset, in: tokens) }
                if cursor > range.lowerBound, Int(tokens[cursor - 1].end) > offset { cursor = range.lowerBound }
                while Int(tokens[cursor].end) <= offset { cursor += 1 }
                return cursor
            }
            for mention in findNames(range) {
                // As token ranges: the token holding its first code point to the one holding its last.
                guard mention.end > mention.start, let first = token(containing: mention.start),
                      let last = token(containing: mention.end - 1) else { continue }
                if mention.datelineOnly, !standsAsDateline(first..<(last + 1)) { continue }
                let name = Name(mention: mention, tokens: first..<(last + 1), key: mention.key)
                if name.isPlace { foundPlace = true }
                if !foundStarred, mention.hasStar { foundStarred = true }
                names.append(name)
                nameStarts.append(Int32(truncatingIfNeeded: first))
            }
        }
        // Every position is of one token and no two items share one, so this is the order a sort gives. The names
        // follow every name read so far unless a later sentence was read first; the cues and boundaries may follow
        // those of a later sentence that holds no name, and are put in order at once: the linkers search them by
        // halves between the sentences they read (the search for the document's first source), which on a list
        // left out of order missed cues.
        if !appended {
            LinkScene.moveIntoPlace(&names, from: oldNames, before: range.lowerBound) { $0.tokens.lowerBound }
            LinkScene.moveIntoPlace(&nameStarts, from: oldNames, before: range.lowerBound) { Int($0) }
        }
        LinkScene.moveIntoPlace(&cues, from: oldCues, before: range.lowerBound) { $0.tokens.lowerBound }
        LinkScene.moveIntoPlace(&cueStarts, from: oldCues, before: range.lowerBound) { Int($0) }
        LinkScene.moveIntoPlace(&boundaries, from: oldBoundaries, before: range.lowerBound) { $0 }
        let placeBefore = firstPlace.map { names[$0].tokens.lowerBound }
        if foundPlace || firstPlace == nil || !appended {
            let tokens = self.tokens, scalars = text.scalars
            firstPlace = names.firstIndex { $0.isPlace && !LinkScene.isDash($0.tokens.upperBound, in: tokens, scalars: scalars) }
                ?? names.firstIndex { $0.isPlace }
            if countryBefore == nil { country = firstPlace.map { LinkScene.country(of: names[$0].mention.key) } }
        }
        let placeChanged = firstPlace.map { names[$0].tokens.lowerBound } != placeBefore
        guard foundStarred || (placeChanged && unresolved > 0) else { return }
        // "*" takes the country of a nationality adjective beside the name ("الجيش السوري"), else the document's.
        // Names read before with no country yet may have one now (a place later in their paragraph).
        unresolved = 0
        for index in names.indices where names[index].key == nil
            || (names[index].tokens.lowerBound >= range.lowerBound && names[index].tokens.upperBound <= range.upperBound
                && names[index].mention.hasStar) {
            let name = names[index]
            // Names are in text order and never overlap: only the names just before and just after can touch it.
            var beside: Name?
            if index > 0, names[index - 1].mention.kind == .nationality, names[index - 1].tokens.upperBound == name.tokens.lowerBound {
                beside = names[index - 1]
            } else if index + 1 < names.count, names[index + 1].mention.kind == .nationality,
                      names[index + 1].tokens.lowerBound == name.tokens.upperBound {
                beside = names[index + 1]
            }
            let adjective: String? = beside.map { LinkScene.country(of: $0.mention.key) } ?? locatedIn(after: name)
            let code: String? = adjective ?? documentCountry(at: name.tokens.lowerBound)
            names[index].key = code.flatMap { key(of: name.mention, in: $0) }
            if names[index].key == nil { unresolved += 1 }
        }
    }

    /// A starred name's key in a country's news: its `*` filled with the country ("*.state" → "sy.state"), or for a
    /// `by-country` name the key its rule gives that country, nil when it gives none.
    func key(of mention: NameMention, in country: String) -> String? {
        let entries = grammar.tables.namePayloads
        if mention.entry >= 0, Int(mention.entry) < entries.count, !entries[Int(mention.entry)].byCountry.isEmpty {
            return entries[Int(mention.entry)].byCountry[country.uppercased()]
        }
        return LinkScene.filling(mention.key, with: country)
    }

    /// A back-reference cue of one word as a name of the party `key`: the word without its clitics, as the
    /// record's span.
    func backReference(_ cue: Cue, key: String) -> Name {
        let token = tokens[cue.tokens.lowerBound]
        let start = headNoun(Int(token.start), Int(token.end)).start
        return Name(mention: NameMention(kind: .actor, key: key, start: start, end: Int(token.end)), tokens: cue.tokens, key: key)
    }

    /// The key an `actor back-reference` rule gives a back-reference cue's words in the document's country ("التحالف"
    /// with no coalition named before it), nil when no rule names them or none gives that country a key.
    func backReferenceKey(_ cue: Cue) -> String? {
        let trie = grammar.tables.names, entries = grammar.tables.namePayloads, analyses = grammar.tables.lexicon.analyses
        var nodes: [Int32] = [PhraseTrie.root]
        for index in cue.tokens {
            nodes = nodes.flatMap { node in tokens[index].nameAnalyses.compactMap { trie.child(node, analyses[Int($0)].stem) } }
            if nodes.isEmpty { return nil }
        }
        guard let country = documentCountry(at: cue.tokens.lowerBound) else { return nil }
        for node in nodes {
            for payload in trie.payloads(at: node) where entries[payload].backReferenceOnly {
                var mention = NameMention(kind: .actor, key: entries[payload].key, start: 0, end: 0)
                mention.entry = Int32(payload)
                return key(of: mention, in: country)
            }
        }
        return nil
    }

    /// Whether the token opens a new clause (`clause-boundary` rules).
    private func isBoundary(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .word && grammar.canStart(clauseTrie, token) && grammar.longestEnd(clauseTrie, in: tokens, from: index) != nil
    }

    /// Moves the items from `from` on (one sentence's, in order) before the first earlier item at or after `position`:
    /// the items before `from` are in order and none lies inside the sentence.
    private static func moveIntoPlace<T>(_ items: inout [T], from: Int, before position: Int, _ at: (T) -> Int) {
        guard from < items.count else { return }
        var low = 0, high = from
        while low < high {
            let mid = (low + high) / 2
            if at(items[mid]) < position { low = mid + 1 } else { high = mid }
        }
        guard low < from else { return }
        // The sentence's few items are taken off the end and put back in their place: the array moves the others
        // along in one block.
        let block = Array(items[from...])
        items.removeLast(items.count - from)
        items.insert(contentsOf: block, at: low)
    }

    /// A word's head noun (code points `start..<end` of the normalised text): its letters after an article of
    /// clitics.grammar that begins within its first clitic letters ("والوزارة", "للحركة" → "وزارة", "حركة"), with
    /// where the article begins; the whole word when it has none. Back-references compare nouns by it.
    func headNoun(_ start: Int, _ end: Int) -> (start: Int, letters: ArraySlice<UInt32>) {
        let scalars = text.scalars
        for at in start..<max(start, min(end - 2, start + LinkScene.cliticLetters + 1)) {
            for article in grammar.tables.articleForms where at + article.count < end
                && scalars[at..<(at + article.count)].elementsEqual(article) {
                return (at, scalars[(at + article.count)..<end])
            }
        }
        return (start, scalars[start..<end])
    }

    /// How many clitic letters (a conjunction, a preposition) may stand before a word's article.
    static let cliticLetters = 2

    /// The country of a place right after a name with only a preposition between ("السلطات في السعودية"): the
    /// `*` of a state's key names that country.
    private func locatedIn(after name: Name) -> String? {
        let next = name.tokens.upperBound
        // The word after the name is read from the cue trie itself (the sentence's cues are not in the list yet
        // while it is being read), the place by a search of the names: no walk over the section.
        guard next + 1 < tokens.count, tokens[next].kind == .word,
              let match = grammar.longestEnd(cueTrie, in: tokens, from: next, limit: sentence(tokens[next].sentence).upperBound), match.end == next + 1,
              cueTrie.firstPayload(at: match.node).map({ cuePayloads[$0].kind == .locative }) ?? false,
              let place = names(in: LinkScene.span(next + 1, tokens.count)).first, place.tokens.lowerBound == next + 1, place.isPlace else { return nil }
        return LinkScene.country(of: place.mention.key)
    }

    /// Adds names a linker resolved itself (a back-reference standing for a party named before it), keeping
    /// the names in text order. Each must lie outside every name already there.
    mutating func insert(_ extra: [Name]) {
        guard !extra.isEmpty else { return }
        let first = firstPlace.map { names[$0].tokens }
        names += extra
        names.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        nameStarts = names.map { Int32(truncatingIfNeeded: $0.tokens.lowerBound) }
        if let first { firstPlace = names.firstIndex { $0.isPlace && $0.tokens == first } }
    }

    /// How many sentences after a dateline are read for the document's first locative place.
    static let datelineReach = 3

    /// How many words into the first line a dateline's place may begin ("عمان – …", "وكالة – عمان").
    static let datelineWords = 4

    /// Whether a name of a `place KEY dateline` rule stands as a dateline: among the first words of the section's
    /// first line, with a dash just after it (or just before it, after an outlet's name).
    private func standsAsDateline(_ range: Range<Int>) -> Bool {
        guard range.lowerBound < LinkScene.datelineWords, range.upperBound <= tokens.count,
              !tokens[0..<range.upperBound].dropFirst().contains(where: { $0.lineBreakBefore }) else { return false }
        return isDash(range.upperBound) || (range.lowerBound > 0 && isDash(range.lowerBound - 1))
    }

    /// Whether the token at `index` is a dash (hyphen, en dash, em dash, figure dash).
    private func isDash(_ index: Int) -> Bool { LinkScene.isDash(index, in: tokens, scalars: text.scalars) }

    /// `isDash` for the initialiser and `read`, which change the scene: a method of the scene called there works on
    /// a copy of it (every list retained and released).
    private static func isDash(_ index: Int, in tokens: [Token], scalars: [UInt32]) -> Bool {
        guard index < tokens.count, tokens[index].kind == .punctuation else { return false }
        let start = Int(tokens[index].start)
        guard start < scalars.count else { return false }
        return [0x2D, 0x2013, 0x2014, 0x2012].contains(scalars[start])
    }

    /// The document's country as a figure at `token` knows it: the country of the document's first place before
    /// it, else of the first place later in its paragraph. Reading order, so a long document read in sections
    /// (cut between paragraphs) gives every figure the same country as reading it whole.
    func documentCountry(at token: Int) -> String? {
        if let countryBefore { return countryBefore }
        guard let firstPlace, firstPlace < names.count else { return nil }
        // `country` is the first place's, kept whenever `firstPlace` is set: no name copied, no key cut per figure.
        let first = names[firstPlace].tokens.lowerBound
        return first <= token || token < headlineEnd || first < paragraphEnd(of: token) ? country : nil
    }

    /// The token after the last of the paragraph (the line) that holds `token`.
    func paragraphEnd(of token: Int) -> Int {
        var index = token + 1
        while index < tokens.count, !tokens[index].lineBreakBefore { index += 1 }
        return index
    }

    /// The first token of the paragraph (the line) that holds `token`.
    func paragraphStart(of token: Int) -> Int {
        var index = min(token, tokens.count - 1)
        while index > 0, !tokens[index].lineBreakBefore { index -= 1 }
        return max(0, index)
    }

    /// The tokens from `start` up to `end`, none when `end` comes first. The linkers cut their windows between
    /// the words of different readings (a cue may run past the figure that follows it, a name past a window's
    /// end), and on odd text those can cross: a crossed window holds no word rather than stopping the run.
    static func span(_ start: Int, _ end: Int) -> Range<Int> { start..<max(start, end) }

    /// The first comma in `range`, if any. (A closure over the scene's tokens passed to a search works on a copy of
    /// the scene.)
    func firstComma(in range: Range<Int>) -> Int? {
        for index in range where grammar.isComma(tokens[index], scalars: text.scalars) { return index }
        return nil
    }

    /// The first token in `range` that opens a new clause, if any.
    func firstBoundary(in range: Range<Int>) -> Int? {
        let at = lowerBound(boundaries, range.lowerBound) { $0 }
        return at < boundaries.count && boundaries[at] < range.upperBound ? boundaries[at] : nil
    }

    /// The last token in `range` that opens a new clause, if any.
    func lastBoundary(in range: Range<Int>) -> Int? {
        let at = lowerBound(boundaries, range.upperBound) { $0 }
        return at > 0 && boundaries[at - 1] >= range.lowerBound ? boundaries[at - 1] : nil
    }

    /// The country code of a place key (upper case, as ISO writes them): "SY-ID" → "SY", "SY" → "SY".
    static func country(of key: String) -> String {
        var bytes = key
        return bytes.withUTF8 { bytes in
            guard let dash = bytes.firstIndex(of: 0x2D) else { return key }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<dash]), as: UTF8.self)
        }
    }

    /// Whether two place keys are of one country ("SY-ID" and "SY"), compared as bytes without making Strings.
    static func sameCountry(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let i = x.firstIndex(of: 0x2D) ?? x.count, j = y.firstIndex(of: 0x2D) ?? y.count
                guard i == j else { return false }
                for k in 0..<i where x[k] != y[k] { return false }
                return true
            }
        }
    }

    /// Whether a place key is a first-level division (ISO 3166-2, "SY-ID"), not a country.
    static func isDivision(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { $0.contains(0x2D) }
    }

    /// A key with its `*` replaced by the country, lower case: "gov.*.health" and "SY" → "gov.sy.health".
    /// Built as UTF-8 bytes (keys are ASCII): a String grown scalar by scalar costs more than the linking around it.
    static func filling(_ key: String, with country: String) -> String {
        var key = key, country = country
        return key.withUTF8 { key in
            country.withUTF8 { country in
                let stars = key.reduce(0) { $0 + ($1 == 0x2A ? 1 : 0) }
                // Written straight into the String's storage (inline when short, as keys are): no array in between.
                return String(unsafeUninitializedCapacity: key.count + stars * country.count) { out in
                    var count = 0
                    for byte in key {
                        if byte == 0x2A {
                            for letter in country {
                                out[count] = (0x41...0x5A).contains(letter) ? letter + 0x20 : letter
                                count += 1
                            }
                        } else {
                            out[count] = byte
                            count += 1
                        }
                    }
                    return count
                }
            }
        }
    }

    /// The index of the token whose span holds `offset` (or the first after it), by binary search.
    static func token(containing offset: Int, in tokens: [Token]) -> Int? {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if Int(tokens[mid].end) <= offset { low = mid + 1 } else { high = mid }
        }
        return low < tokens.count ? low : nil
    }

    /// The tokens of sentence `sentence` (one the scene read; empty otherwise).
    func sentence(_ sentence: Int32) -> Range<Int> {
        let number = Int(sentence)
        return number >= 0 && number < sentences.count ? sentences[number] : 0..<0
    }

    private func isRead(_ sentence: Int32) -> Bool { !self.sentence(sentence).isEmpty }

    /// The names whose tokens lie inside `range`, in order.
    func names(in range: Range<Int>) -> ArraySlice<Name> {
        let first = LinkScene.firstAtOrAfter(nameStarts, range.lowerBound)
        var last = LinkScene.firstAtOrAfter(nameStarts, range.upperBound, from: first)
        // Names never overlap (the finder moves on after each), so only the last may run past the range.
        if last > first, names[last - 1].tokens.upperBound > range.upperBound { last -= 1 }
        return names[first..<last]
    }

    /// Whether `range` holds a place, a town or a nationality adjective, or a one-word country back-reference
    /// ("المملكة"): what `PlaceLinker` asks first of every range it reads, and most ranges hold none. Read by index,
    /// with no slice of the lists made (each retained and released their storage).
    func mayHoldPlace(in range: Range<Int>) -> Bool {
        let first = LinkScene.firstAtOrAfter(nameStarts, range.lowerBound)
        var index = first
        while index < names.count, Int(nameStarts[index]) < range.upperBound {
            let kind = names[index].mention.kind
            if kind == .place || kind == .town || kind == .nationality {
                // The last name may run past the range (as `names(in:)` leaves it out).
                if names[index].tokens.upperBound <= range.upperBound { return true }
            }
            index += 1
        }
        var cue = LinkScene.firstAtOrAfter(cueStarts, range.lowerBound)
        while cue < cues.count, Int(cueStarts[cue]) < range.upperBound {
            if cues[cue].kind == .countryBack, cues[cue].tokens.count == 1 { return true }
            cue += 1
        }
        return false
    }

    /// The index of the first cue that begins at or after `token`.
    func firstCue(from token: Int) -> Int { LinkScene.firstAtOrAfter(cueStarts, token) }

    /// The cues that begin inside `range`, in order.
    func cues(in range: Range<Int>) -> ArraySlice<Cue> {
        let first = LinkScene.firstAtOrAfter(cueStarts, range.lowerBound)
        return cues[first..<LinkScene.firstAtOrAfter(cueStarts, range.upperBound, from: first)]
    }

    /// The index of the first of `positions` from `start` on that is at or after `value` (they are in order): a
    /// binary search without a branch on its comparisons (see hasila_search.h: the branch of an ordinary one was
    /// mispredicted every other step, and the linkers ask this some fifty times a figure).
    @inline(__always)
    static func firstAtOrAfter(_ positions: [Int32], _ value: Int, from start: Int = 0) -> Int {
        positions.withUnsafeBufferPointer { positions in
            guard let base = positions.baseAddress else { return 0 }
            return hasila_first_at_or_after(base, positions.count, start, Int32(clamping: value))
        }
    }

    private func lowerBound<T>(_ items: [T], _ value: Int, _ position: (T) -> Int) -> Int {
        var low = 0, high = items.count
        while low < high {
            let mid = (low + high) / 2
            if position(items[mid]) < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The name as it goes on a record: its key and its words in the original text.
    func linked(_ name: Name) -> LinkedName? {
        guard let key = name.key else { return nil }
        let range = text.originalRange(name.mention.start..<name.mention.end)
        return LinkedName(key: key, text: text.originalText(range), range: range)
    }

    /// Only conjunctions, commas and clitic particles (and at most `filler` other words) stand between two token positions.
    func joins(_ from: Int, _ to: Int, grammar: Grammar, filler: Int = 1) -> Bool {
        guard from <= to else { return false }
        var others = 0
        for index in from..<to {
            let token = tokens[index]
            if grammar.isConjunction(token) || grammar.isComma(token, scalars: text.scalars) || grammar.isSkippable(token, scalars: text.scalars) { continue }
            others += 1
            if others > filler { return false }
        }
        return true
    }
}
