/// Where a document turns to a topic (an outbreak, an accident) for the readers that reinterpret
/// bare counts after it: the start of the paragraph block (text between blank lines) in which a word
/// of the topic first appears. A headline may count before the body names its topic, so a whole block
/// counts, never less; and since long documents are cut into sections only at blank lines, a section
/// reads exactly what the whole document would.
enum TopicScope {
    /// The token where the topic's block begins, or nil when no word of `trie` appears.
    static func start(of trie: PhraseTrie, in tokens: [Token], scalars: [UInt32], grammar: Grammar) -> Int? {
        guard !trie.isEmpty, let first = tokens.indices.first(where: {
            tokens[$0].kind == .word && grammar.canStart(trie, tokens[$0]) && grammar.longest(trie, in: tokens, from: $0) != nil
        }) else { return nil }
        var start = first
        while start > 0 {
            var breaks = 0
            for i in Int(tokens[start - 1].end)..<Int(tokens[start].start) where scalars[i] == 0x0A { breaks += 1 }
            if breaks >= 2 { break }
            start -= 1
        }
        return start
    }
}
