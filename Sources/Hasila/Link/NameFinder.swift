/// Finds the gazetteer's names in a document's tokens: the longest name at each word, then on after it.
/// A clitic before the first word ("والجيش", "بحلب") stays outside the mention, as for every grammar word.
///
/// Where one stretch of words is a name of several kinds (the tanween form of an adjective, "سوريا", is
/// also the country), one mention is kept, by `priority`: a place before a town, an actor or a source,
/// and a nationality adjective last.
public struct NameFinder: Sendable {
    let grammar: Grammar

    public init(grammar: Grammar) { self.grammar = grammar }

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
        let trie = grammar.tables.names
        guard !trie.isEmpty else { return [] }
        let entries = grammar.tables.namePayloads
        var mentions: [NameMention] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .word, grammar.canStart(trie, tokens[index]) else { index += 1; continue }
            let found = grammar.matches(trie, in: tokens, from: index)
            guard let end = found.last?.end else { index += 1; continue }
            // Every reading that reaches the longest end: the best kind among them.
            var best: NameEntry?
            for match in found where match.end == end {
                for payload in match.payloads {
                    let entry = entries[payload]
                    if best.map({ NameFinder.priority(entry.kind) < NameFinder.priority($0.kind) }) ?? true { best = entry }
                }
            }
            guard let entry = best else { index += 1; continue }
            let start = Int(tokens[index].start) + grammar.prefixLength(tokens[index], beginning: trie)
            mentions.append(NameMention(kind: entry.kind, key: entry.key, start: start, end: Int(tokens[end - 1].end)))
            index = end
        }
        return mentions
    }
}
