/// The extraction rules, compiled: the lexicon of every word form the rules name, and for each
/// dimension (numbers, cues, categories, dates) the tries the recognisers walk.
///
/// Built once per run from the Grammars/ folder by `GrammarLoader`; immutable and shared by
/// every document and thread afterwards.
public final class Grammar: @unchecked Sendable {
    /// The compiled rules, read-only: reading a `let` needs no exclusivity check in the hot loops.
    let tables: GrammarTables
    /// Where the rules came from (the folder).
    public let source: String

    init(tables: GrammarTables, source: String) {
        var tables = tables
        tables.inheritOverrides()
        self.tables = tables
        self.source = source
    }

    /// Every example of every rule, to be run as tests (`hasila grammar check`, the test suite).
    public var examples: [GrammarExample] { tables.examples }
    public var ruleCount: Int { tables.ruleCount }
    public var lexicon: Lexicon { tables.lexicon }

    /// The clitic prefix of a token read as the first word of a phrase of `trie` ("و" of "والأسبوع"),
    /// which stays outside a mention's surface (rules 2 and 7). Zero when no reading begins one.
    /// `names`: read the gazetteer's readings too (the name finder's).
    func prefixLength(_ token: Token, beginning trie: PhraseTrie, names: Bool = false) -> Int {
        let bit: UInt64 = trie.id >= 0 ? 1 << UInt64(trie.id) : 0
        var shortest: Int?
        for index in names ? token.nameAnalyses : token.analyses {
            let analysis = tables.lexicon.analyses[Int(index)]
            guard bit == 0 || tables.startMasks[Int(analysis.stem)] & bit != 0 else { continue }
            shortest = min(shortest ?? Int.max, Int(analysis.prefixLength))
        }
        return shortest ?? 0
    }

    /// Whether the token can begin a phrase of `trie` (one table look-up per reading, no hashing).
    @inline(__always)
    func canStart(_ trie: PhraseTrie, _ token: Token) -> Bool {
        guard trie.id >= 0 else { return true }
        return token.starts & (1 << UInt32(trie.id)) != 0
    }

    // MARK: Token helpers shared by the recognisers

    @inline(__always)
    func has(_ token: Token, stem: Int32) -> Bool {
        for index in token.analyses where tables.lexicon.analyses[Int(index)].stem == stem { return true }
        return false
    }

    func isParticle(_ token: Token) -> Bool {
        token.kind == .word && has(GrammarTables.particleFlag, token)
    }

    func isConjunction(_ token: Token) -> Bool {
        token.kind == .word && has(GrammarTables.conjunctionFlag, token)
    }

    /// Whether a reading of the token has a stem with this flag of `GrammarTables.stemFlags`.
    private func has(_ flag: UInt8, _ token: Token) -> Bool {
        for analysis in token.analyses {
            let stem = Int(tables.lexicon.analyses[Int(analysis)].stem)
            if stem >= 0, stem < tables.stemFlags.count, tables.stemFlags[stem] & flag != 0 { return true }
        }
        return false
    }

    /// The token carries a conjunction clitic in its most plausible reading ("وهجوماً", "و868"'s "و").
    func startsWithConjunction(_ token: Token) -> Bool {
        if isConjunction(token) { return true }
        guard token.kind == .word, let first = token.analyses.first else { return false }
        return tables.lexicon.analyses[Int(first)].prefixClasses & tables.conjunctionBit != 0
    }

    /// A word that begins a clause joined by a conjunction: a known word with the conjunction clitic, or an
    /// unknown word of four letters or more that opens with a conjunction letter ("ودمرت").
    func opensWithConjunction(_ token: Token, scalars: [UInt32]) -> Bool {
        guard token.kind == .word, !isConjunction(token) else { return false }
        if token.isKnown { return startsWithConjunction(token) }
        return token.end - token.start >= 4 && tables.conjunctionLetters.contains(scalars[Int(token.start)])
    }

    /// Punctuation that may stand between a cue and its figure ("بينهم -على الأقل- ثلاثون", "(82)"), and clitic particles.
    func isSkippable(_ token: Token, scalars: [UInt32]) -> Bool {
        if token.kind == .punctuation {
            switch scalars[Int(token.start)] {
            case 0x2D, 0x28, 0x29, 0xAB, 0xBB, 0x22, 0x3A, 0x2013, 0x2014, 0x201C, 0x201D, 0x5B, 0x5D: return true
            default: return false
            }
        }
        return isParticle(token) && !isConjunction(token)
    }

    /// An Arabic or Latin comma.
    func isComma(_ token: Token, scalars: [UInt32]) -> Bool {
        guard token.kind == .punctuation else { return false }
        let code = scalars[Int(token.start)]
        return code == 0x060C || code == 0x2C
    }

    /// Every reading of the word carries a preposition clitic ("بالقذائف").
    func hasPreposition(_ token: Token) -> Bool {
        guard token.kind == .word, !token.analyses.isEmpty else { return false }
        return token.analyses.allSatisfy { tables.lexicon.analyses[Int($0)].prefixClasses & tables.prepositionBit != 0 }
    }

    func hasArticle(_ token: Token) -> Bool {
        guard token.kind == .word else { return false }
        return token.analyses.contains { tables.lexicon.analyses[Int($0)].prefixClasses & tables.articleBit != 0 }
    }

    /// The article written as a word of its own before a number ("الـ28", "ال 28"): no clitic, an article stem.
    func isArticle(_ token: Token) -> Bool {
        guard token.kind == .word else { return false }
        return token.analyses.contains {
            let analysis = tables.lexicon.analyses[Int($0)]
            return analysis.prefixClasses == 0 && tables.articleStems.contains(analysis.stem)
        }
    }

    /// Walks a trie forward from `start`, returning every (end index, payloads) reached, longest last.
    func matches(_ trie: PhraseTrie, in tokens: [Token], from start: Int, limit: Int? = nil) -> [(end: Int, payloads: [Int])] {
        let stop = min(tokens.count, limit ?? tokens.count)
        guard start >= 0, start < stop, canStart(trie, tokens[start]) else { return [] }
        // The closure keeps ends and nodes only: one that read the trie would copy it (its arrays retained) per phrase.
        var reached: [(end: Int, node: Int32)] = []
        walk(trie, tokens, node: PhraseTrie.root, index: start, step: 1, stop: stop) { end, node in
            reached.append((end, node))
        }
        return reached.map { (end: $0.end, payloads: trie.payloads(at: $0.node)) }.sorted { $0.end < $1.end }
    }

    /// The longest phrase of `trie` starting at `start`, if any: (index after it, its payloads).
    @inline(__always)
    func longest(_ trie: PhraseTrie, in tokens: [Token], from start: Int, limit: Int? = nil) -> (end: Int, payloads: [Int])? {
        longestEnd(trie, in: tokens, from: start, limit: limit).map { ($0.end, trie.payloads(at: $0.node)) }
    }

    /// `longest` without the payload list (which a caller takes is a copy of an array, retained and released): the
    /// index after the longest phrase and the trie node where it ends, for `PhraseTrie.firstPayload(at:)`.
    @inline(__always)
    func longestEnd(_ trie: PhraseTrie, in tokens: [Token], from start: Int, limit: Int? = nil) -> (end: Int, node: Int32)? {
        let stop = min(tokens.count, limit ?? tokens.count)
        guard start >= 0, start < stop, canStart(trie, tokens[start]) else { return nil }
        var bestEnd = -1
        var bestNode: Int32 = 0
        walk(trie, tokens, node: PhraseTrie.root, index: start, step: 1, stop: stop) { end, node in
            if end > bestEnd { bestEnd = end; bestNode = node }
        }
        return bestEnd < 0 ? nil : (bestEnd, bestNode)
    }

    /// The longest phrase of `trie` at `start` with a payload that satisfies `accept`: the index after it.
    @inline(__always)
    func longest(_ trie: PhraseTrie, in tokens: [Token], from start: Int, where accept: (Int) -> Bool) -> Int? {
        guard start >= 0, start < tokens.count, canStart(trie, tokens[start]) else { return nil }
        // The phrases reached, then their payloads tested: a closure that read the trie would copy it per phrase.
        var reached: [(end: Int, node: Int32)] = []
        walk(trie, tokens, node: PhraseTrie.root, index: start, step: 1, stop: tokens.count) { end, node in
            reached.append((end, node))
        }
        var bestEnd = -1
        for (end, node) in reached where end > bestEnd && trie.payloads(at: node).contains(where: accept) { bestEnd = end }
        return bestEnd < 0 ? nil : bestEnd
    }

    /// The longest phrase of a reversed trie ending at `start` (inclusive): (its first index, its payloads).
    @inline(__always)
    func longestBackward(_ trie: PhraseTrie, in tokens: [Token], from start: Int, floor: Int = 0) -> (begin: Int, payloads: [Int])? {
        guard start >= floor, start >= 0, start < tokens.count, canStart(trie, tokens[start]) else { return nil }
        var best = Int.max
        var bestNode: Int32 = 0
        walk(trie, tokens, node: PhraseTrie.root, index: start, step: -1, stop: floor - 1) { end, node in
            if end + 1 < best { best = end + 1; bestNode = node }
        }
        return best == Int.max ? nil : (best, trie.payloads(at: bestNode))
    }

    /// Depth-first walk over every reading of every token, calling `found` with the position after
    /// (or, backwards, before) each complete phrase and its node. No allocation.
    private func walk(_ trie: borrowing PhraseTrie, _ tokens: [Token], node: Int32, index: Int, step: Int, stop: Int,
                      _ found: (Int, Int32) -> Void) {
        guard index != stop, trie.hasChildren(node) else { return }
        let token = tokens[index]
        for a in token.analyses {
            guard let child = trie.child(node, tables.lexicon.analyses[Int(a)].stem) else { continue }
            if trie.hasPayload(child) { found(index + step, child) }
            walk(trie, tokens, node: child, index: index + step, step: step, stop: stop, found)
        }
    }

    /// True when `key` may be replaced by `candidate` later in a noun phrase.
    func refines(_ key: String, by candidate: String) -> Bool {
        tables.refinements[key]?.contains(candidate) ?? false
    }

    /// True when the outcome `candidate` replaces `key` or one of its ancestors ("killed.children" by "injured").
    func overrides(_ key: String, by candidate: String) -> Bool {
        if let inherited = tables.inheritedOverrides[key] { return inherited.contains(candidate) }
        // A key outside the taxonomy (a rule names it without declaring it): walk its ancestors.
        var current = Substring(key)
        while true {
            if tables.overrideTable[String(current)]?.contains(candidate) ?? false { return true }
            guard let dot = current.lastIndex(of: ".") else { return false }
            current = current[..<dot]
        }
    }
}
