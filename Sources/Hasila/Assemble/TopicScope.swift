/// Where a document turns to a topic (an outbreak, an accident) for the readers that reinterpret
/// bare counts after it: the start of the paragraph block (text between blank lines) in which a word
/// of the topic first appears. A headline may count before the body names its topic, so a whole block
/// counts, never less; and since long documents are cut into sections only at blank lines, a section
/// reads exactly what the whole document would.
enum TopicScope {
    /// The token where the topic's block begins, or nil when no word of `trie` appears.
    /// `seen`: the start masks of all the section's words OR-ed together (one pass the extractor makes
    /// anyway): most sections name no such topic, and then no word is looked at.
    static func start(of trie: PhraseTrie, in tokens: [Token], scalars: [UInt32], grammar: Grammar, seen: UInt32) -> Int? {
        guard !trie.isEmpty, trie.id >= 0, seen & (1 << UInt32(trie.id)) != 0 else { return nil }
        var found: Int?
        for index in tokens.indices where tokens[index].kind == .word && grammar.canStart(trie, tokens[index]) {
            if grammar.longest(trie, in: tokens, from: index) != nil { found = index; break }
        }
        guard let first = found else { return nil }
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
