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

    struct Cue {
        let kind: LinkCue.Kind
        let tokens: Range<Int>
        let rule: String
    }

    let tokens: [Token]
    let text: NormalizedText
    private(set) var names: [Name]
    let cues: [Cue]
    /// The tokens that open a new clause (`clause-boundary` rules: فيما، بينما، أن), in order.
    let boundaries: [Int]
    /// First token and token after the last of each sentence, by sentence number (relative to `firstSentence`).
    private let sentenceStarts: [Int]
    private let sentenceEnds: [Int]
    private let firstSentence: Int32
    /// The country (upper case) of the document's first place: handed over by an earlier section, else this
    /// section's first, nil when neither has one.
    let country: String?
    /// The country handed over by an earlier section.
    private let countryBefore: String?
    /// The index in `names` of the section's first place.
    private var firstPlace: Int?
    /// Index of the first token of each paragraph (a line), in order.
    private let paragraphStarts: [Int]

    init(grammar: Grammar, text: NormalizedText, tokens: [Token], mentions: [NameMention], countryBefore: String?) {
        self.tokens = tokens
        self.text = text
        firstSentence = tokens.first?.sentence ?? 0
        let count = tokens.isEmpty ? 0 : Int(tokens[tokens.count - 1].sentence - firstSentence) + 1
        var starts = [Int](repeating: 0, count: count), ends = [Int](repeating: 0, count: count)
        for (index, token) in tokens.enumerated() {
            let s = Int(token.sentence - firstSentence)
            if index == 0 || tokens[index - 1].sentence != token.sentence { starts[s] = index }
            ends[s] = index + 1
        }
        sentenceStarts = starts
        sentenceEnds = ends
        paragraphStarts = tokens.indices.filter { $0 == 0 || tokens[$0].lineBreakBefore }
        self.countryBefore = countryBefore
        // Names, in text order, as token ranges: the token holding its first code point to the one holding its last.
        var found: [Name] = []
        for mention in mentions.sorted(by: { $0.start < $1.start }) {
            guard mention.end > mention.start, let first = LinkScene.token(containing: mention.start, in: tokens),
                  let last = LinkScene.token(containing: mention.end - 1, in: tokens) else { continue }
            found.append(Name(mention: mention, tokens: first..<(last + 1), key: mention.key))
        }
        firstPlace = found.firstIndex { $0.isPlace }
        country = countryBefore ?? firstPlace.map { LinkScene.country(of: found[$0].mention.key) }
        names = found
        var cues: [Cue] = []
        if !grammar.tables.linkCues.isEmpty {
            var index = 0
            while index < tokens.count {
                if tokens[index].kind == .word, grammar.canStart(grammar.tables.linkCues, tokens[index]),
                   let match = grammar.longest(grammar.tables.linkCues, in: tokens, from: index) {
                    for payload in match.payloads.prefix(1) {
                        let cue = grammar.tables.linkCuePayloads[payload]
                        cues.append(Cue(kind: cue.kind, tokens: index..<match.end, rule: cue.rule))
                    }
                    index = match.end
                } else { index += 1 }
            }
        }
        self.cues = cues
        var boundaries: [Int] = []
        let clauseTrie = grammar.tables.clauseBoundaries
        for index in tokens.indices where tokens[index].kind == .word && grammar.canStart(clauseTrie, tokens[index])
            && grammar.longest(clauseTrie, in: tokens, from: index) != nil {
            boundaries.append(index)
        }
        self.boundaries = boundaries
        // "*" takes the country of a nationality adjective beside the name ("الجيش السوري"), else the document's.
        for index in found.indices where found[index].mention.key.utf8.contains(0x2A) {
            let name = found[index]
            let beside: Name? = found.first { (other: Name) -> Bool in
                guard other.mention.kind == .nationality else { return false }
                return other.tokens.lowerBound == name.tokens.upperBound || other.tokens.upperBound == name.tokens.lowerBound
            }
            let adjective: String? = beside.map { LinkScene.country(of: $0.mention.key) }
            let code: String? = adjective ?? documentCountry(at: name.tokens.lowerBound)
            found[index].key = code.map { LinkScene.filling(name.mention.key, with: $0) }
        }
        names = found
    }

    /// The document's country as a figure at `token` knows it: the country of the document's first place before
    /// it, else of the first place later in its paragraph. Reading order, so a long document read in sections
    /// (cut between paragraphs) gives every figure the same country as reading it whole.
    func documentCountry(at token: Int) -> String? {
        if let countryBefore { return countryBefore }
        guard let firstPlace, firstPlace < names.count else { return nil }
        let first = names[firstPlace]
        if first.tokens.lowerBound <= token { return LinkScene.country(of: first.mention.key) }
        return first.tokens.lowerBound < paragraphEnd(of: token) ? LinkScene.country(of: first.mention.key) : nil
    }

    /// The token after the last of the paragraph that holds `token`.
    func paragraphEnd(of token: Int) -> Int {
        var low = 0, high = paragraphStarts.count
        while low < high {
            let mid = (low + high) / 2
            if paragraphStarts[mid] <= token { low = mid + 1 } else { high = mid }
        }
        return low < paragraphStarts.count ? paragraphStarts[low] : tokens.count
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
        guard let dash = key.utf8.firstIndex(of: 0x2D) else { return key }
        return String(key[..<dash])
    }

    /// A key with its `*` replaced by the country, lower case: "gov.*.health" and "SY" → "gov.sy.health".
    static func filling(_ key: String, with country: String) -> String {
        var out = ""
        out.reserveCapacity(key.utf8.count + 2)
        for scalar in key.unicodeScalars {
            if scalar == "*" {
                for letter in country.unicodeScalars {
                    out.unicodeScalars.append((0x41...0x5A).contains(letter.value) ? Unicode.Scalar(letter.value + 0x20)! : letter)
                }
            } else { out.unicodeScalars.append(scalar) }
        }
        return out
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

    /// The tokens of sentence `sentence`.
    func sentence(_ sentence: Int32) -> Range<Int> {
        let s = Int(sentence - firstSentence)
        guard s >= 0, s < sentenceStarts.count else { return 0..<0 }
        return sentenceStarts[s]..<sentenceEnds[s]
    }

    /// The names whose tokens lie inside `range`, in order.
    func names(in range: Range<Int>) -> ArraySlice<Name> {
        let first = lowerBound(names, range.lowerBound) { $0.tokens.lowerBound }
        var last = first
        while last < names.count, names[last].tokens.lowerBound < range.upperBound { last += 1 }
        // Names never overlap (the finder moves on after each), so only the last may run past the range.
        if last > first, names[last - 1].tokens.upperBound > range.upperBound { last -= 1 }
        return names[first..<last]
    }

    /// The cues that begin inside `range`, in order.
    func cues(in range: Range<Int>) -> ArraySlice<Cue> {
        let first = lowerBound(cues, range.lowerBound) { $0.tokens.lowerBound }
        var last = first
        while last < cues.count, cues[last].tokens.lowerBound < range.upperBound { last += 1 }
        return cues[first..<last]
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
