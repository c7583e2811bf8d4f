/// The extraction rules, compiled: the lexicon of every word form the rules name, and for each
/// dimension (numbers, cues, categories, dates) the tries the recognisers walk.
///
/// Built once per run from the Grammars/ folder by `GrammarLoader`; immutable and shared by
/// every document and thread afterwards.
public final class Grammar: @unchecked Sendable {
    public let lexicon = Lexicon()
    /// Where the rules came from (the folder).
    public let source: String
    /// The taxonomy's keys, as declared by `key` rules.
    var taxonomy: Set<String> = []

    var numberWords = PhraseTrie()
    var numberWordPayloads: [NumberWord] = []
    var duals = PhraseTrie()
    var decimalMarks = PhraseTrie()

    /// Qualifier cues before the figure, stored reversed (walked backwards from the figure).
    var qualifiersBefore = PhraseTrie()
    var qualifiersAfter = PhraseTrie()
    var qualifierPayloads: [String] = []

    var breakdownsBefore = PhraseTrie()
    var breakdownsAfter = PhraseTrie()
    var totalsBefore = PhraseTrie()
    /// The same cues read forwards, where a noun phrase must stop at them.
    var breakdownsBeforeForward = PhraseTrie()
    var totalsForward = PhraseTrie()
    var partitives = PhraseTrie()

    /// Decoys: the part after the slot in a trie; the part before it, reversed, per payload.
    var decoysAfter = PhraseTrie()
    var decoyBefore: [[Int32]] = []
    var decoyNames: [String] = []

    var categories = PhraseTrie()
    var categoryPayloads: [CategoryEntry] = []
    /// key → the keys that may replace it when met later in a noun phrase (exact keys after expansion).
    var refinements: [String: Set<String>] = [:]
    /// key → the outcome keys that replace a people group (injured, detained …).
    var overrides: [String: Set<String>] = [:]
    /// key → the keys that the clause before a figure may refine it to ("ذخائر حارقة في 57 هجوما").
    var contextRefinements: [String: Set<String>] = [:]
    /// role → the keys whose presence in the phrase or clause lets an entry of that role keep its key.
    var evidence: [CategoryEntry.Role: Set<String>] = [:]
    /// Prepositions a noun phrase may begin with before its head ("109 على مساجد").
    var transparentWords = PhraseTrie()
    /// Words that end a noun phrase ("أغلبهم", "معظمهم").
    var phraseStops = PhraseTrie()
    /// Qualifier cues that hold for the next figure of their clause ("في تقديراتها الدنيا"), reversed.
    var clauseQualifiers = PhraseTrie()
    /// Words a qualifier cue may stand before, with the counted noun, ahead of the figure ("تجاوز عدد الجرحى 29 ألفا").
    var cueGaps = PhraseTrie()

    var dateWords = PhraseTrie()
    var dateWordPayloads: [DateWord] = []
    var periodReferences = PhraseTrie()
    var notDates = PhraseTrie()

    /// Stems that are clitic particles standing alone ("و" before "868", "ل" in "لـ 19").
    var particleStems: Set<Int32> = []
    var conjunctionStems: Set<Int32> = []
    var articleStems: Set<Int32> = []
    /// Bit of the conjunction clitic class in `Lexicon.Analysis.prefixClasses`.
    var conjunctionBit: UInt8 = 0
    var articleBit: UInt8 = 0

    /// Every example of every rule, to be run as tests (`hasila grammar check`, the test suite).
    public internal(set) var examples: [GrammarExample] = []
    public internal(set) var ruleCount = 0

    init(source: String) { self.source = source }

    // MARK: Token helpers shared by the recognisers

    @inline(__always)
    func has(_ token: Token, stem: Int32) -> Bool {
        for index in token.analyses where lexicon.analyses[Int(index)].stem == stem { return true }
        return false
    }

    func isParticle(_ token: Token) -> Bool {
        token.kind == .word && token.analyses.contains { particleStems.contains(lexicon.analyses[Int($0)].stem) }
    }

    func isConjunction(_ token: Token) -> Bool {
        token.kind == .word && token.analyses.contains { conjunctionStems.contains(lexicon.analyses[Int($0)].stem) }
    }

    /// The token carries a conjunction clitic in its most plausible reading ("وهجوماً", "و868"'s "و").
    func startsWithConjunction(_ token: Token) -> Bool {
        if isConjunction(token) { return true }
        guard token.kind == .word, let first = token.analyses.first else { return false }
        return lexicon.analyses[Int(first)].prefixClasses & conjunctionBit != 0
    }

    func hasArticle(_ token: Token) -> Bool {
        guard token.kind == .word else { return false }
        return token.analyses.contains { lexicon.analyses[Int($0)].prefixClasses & articleBit != 0 }
    }

    /// Walks a trie forward from `start`, returning every (end index, payloads) reached, longest last.
    func matches(_ trie: PhraseTrie, in tokens: [Token], from start: Int, limit: Int? = nil) -> [(end: Int, payloads: [Int])] {
        var results: [(Int, [Int])] = []
        var frontier: [Int32] = [PhraseTrie.root]
        var index = start
        let stop = min(tokens.count, limit ?? tokens.count)
        while index < stop && !frontier.isEmpty {
            var next: [Int32] = []
            let token = tokens[index]
            for node in frontier {
                for a in token.analyses {
                    if let child = trie.child(node, lexicon.analyses[Int(a)].stem), !next.contains(child) { next.append(child) }
                }
            }
            index += 1
            for node in next where !trie.payloads(at: node).isEmpty { results.append((index, trie.payloads(at: node))) }
            frontier = next
        }
        return results
    }

    /// Walks a reversed trie backwards from `start` (inclusive), returning (first index, payloads), longest last.
    func matchesBackward(_ trie: PhraseTrie, in tokens: [Token], from start: Int, floor: Int = 0) -> [(begin: Int, payloads: [Int])] {
        var results: [(Int, [Int])] = []
        var frontier: [Int32] = [PhraseTrie.root]
        var index = start
        while index >= floor && !frontier.isEmpty {
            var next: [Int32] = []
            let token = tokens[index]
            for node in frontier {
                for a in token.analyses {
                    if let child = trie.child(node, lexicon.analyses[Int(a)].stem), !next.contains(child) { next.append(child) }
                }
            }
            for node in next where !trie.payloads(at: node).isEmpty { results.append((index, trie.payloads(at: node))) }
            frontier = next
            index -= 1
        }
        return results
    }

    /// True when `key` may be replaced by `candidate` later in a noun phrase.
    func refines(_ key: String, by candidate: String) -> Bool {
        refinements[key]?.contains(candidate) ?? false
    }

    /// True when the outcome `candidate` replaces `key` or one of its ancestors ("killed.children" by "injured").
    func overrides(_ key: String, by candidate: String) -> Bool {
        var current = Substring(key)
        while true {
            if overrides[String(current)]?.contains(candidate) ?? false { return true }
            guard let dot = current.lastIndex(of: ".") else { return false }
            current = current[..<dot]
        }
    }
}
