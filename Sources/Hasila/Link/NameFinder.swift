/// Finds the gazetteer's names in a document's tokens: the longest name at each word, then on after it.
/// A clitic before the first word ("والجيش", "بحلب") stays outside the mention, as for every grammar word.
///
/// Where one stretch of words is a name of several kinds (the tanween form of an adjective, "سوريا", is
/// also the country), one mention is kept, by `priority`: a place before a town, an actor or a source,
/// and a nationality adjective last.
public struct NameFinder: Sendable {
    let grammar: Grammar
    /// The gazetteer's trie, its entries and the lexicon's readings, taken out of the grammar once: read through
    /// `grammar.tables` they were copied (their arrays retained and released) at every sentence.
    private let trie: PhraseTrie
    private let entries: [NameEntry]
    private let analyses: [Lexicon.Analysis]

    public init(grammar: Grammar) {
        self.grammar = grammar
        trie = grammar.tables.names
        entries = grammar.tables.namePayloads
        analyses = grammar.tables.lexicon.analyses
    }

    /// Lower comes first when one stretch of text is a name of several kinds.
    static func priority(_ kind: NameMention.Kind) -> Int {
        switch kind {
        case .place: return 0
        case .town: return 1
        case .actor: return 2
        case .source: return 3
        case .nationality: return 4
        }
    }

    public func find(text: NormalizedText, tokens: [Token]) -> [NameMention] {
        find(text: text, tokens: tokens, in: 0..<tokens.count)
    }

    /// The names that begin and end within `range` of the tokens (the linking stage reads only the sentences it needs).
    public func find(text: NormalizedText, tokens: [Token], in range: Range<Int>) -> [NameMention] {
        guard !trie.isEmpty else { return [] }
        var mentions: [NameMention] = []
        // Depth-first over the readings of the words from `index`, without recursion or closures: the finder
        // asks at every word that can begin a name (many can, in a large gazetteer), so this walk is a hot path.
        // The stack is empty again after every walk, so it is made once per call.
        var stack: [(node: Int32, at: Int)] = []
        let limit = min(range.upperBound, tokens.count)
        var index = max(0, range.lowerBound)
        while index < limit {
            guard tokens[index].kind == .word, grammar.canStart(trie, tokens[index]) else { index += 1; continue }
            if stack.capacity == 0 { stack.reserveCapacity(16) }
            stack.append((PhraseTrie.root, index))
            // The longest end reached and, of the names that reach it, the first of the best kind in the order the
            // walk meets them (what collecting every end and choosing among those at the longest would give).
            var longest = -1
            var best = -1
            while let (node, at) = stack.popLast() {
                guard at < limit, trie.hasChildren(node) else { continue }
                for reading in tokens[at].nameAnalyses {
                    guard let child = trie.child(node, analyses[Int(reading)].stem) else { continue }
                    // An `actor back-reference` entry's words are no name: only the back-reference reads them.
                    trie.forEachPayload(at: child) { payload in
                        guard !entries[payload].backReferenceOnly else { return }
                        if at + 1 > longest { longest = at + 1; best = -1 }
                        if at + 1 == longest, best < 0 || NameFinder.priority(entries[payload].kind) < NameFinder.priority(entries[best].kind) {
                            best = payload
                        }
                    }
                    stack.append((child, at + 1))
                }
            }
            guard longest > index, best >= 0 else { index += 1; continue }
            let start = Int(tokens[index].start) + grammar.prefixLength(tokens[index], beginning: trie, names: true)
            if mentions.capacity == 0 { mentions.reserveCapacity(8) }
            var mention = NameMention(kind: entries[best].kind, key: entries[best].key, start: start, end: Int(tokens[longest - 1].end),
                                      datelineOnly: entries[best].datelineOnly, hasStar: entries[best].hasStar)
            mention.entry = Int32(best)
            mentions.append(mention)
            index = longest
        }
        return mentions
    }
}
