/// Finds the gazetteer's names in a document's tokens: the longest name at each word, then on after it.
/// A clitic before the first word ("والجيش", "بحلب") stays outside the mention, as for every grammar word.
public struct NameFinder: Sendable {
    let grammar: Grammar

    public init(grammar: Grammar) { self.grammar = grammar }

    public func find(text: NormalizedText, tokens: [Token]) -> [NameMention] {
        let trie = grammar.tables.names
        guard !trie.isEmpty else { return [] }
        var mentions: [NameMention] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .word, grammar.canStart(trie, tokens[index]),
                  let match = grammar.longest(trie, in: tokens, from: index), let payload = match.payloads.first else {
                index += 1
                continue
            }
            let entry = grammar.tables.namePayloads[payload]
            let start = Int(tokens[index].start) + grammar.prefixLength(tokens[index], beginning: trie)
            mentions.append(NameMention(kind: entry.kind, key: entry.key, start: start, end: Int(tokens[match.end - 1].end)))
            index = match.end
        }
        return mentions
    }
}
