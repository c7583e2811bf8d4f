/// The taxonomy as the loaded rules define it, for documentation and its tests: which keys exist,
/// and which keys the category rules give a word or phrase. Read once, never on a hot path.
extension Grammar {
    /// Every key declared by a `key` rule (categories/taxonomy.grammar), sorted.
    public var taxonomyKeys: [String] { tables.taxonomy.sorted() }

    /// The keys that `category` rules give `phrase` when it is read whole, as the extractor reads a
    /// noun phrase (normalised, folded, clitics allowed): the word for civilians gives killed.civilians. A
    /// `countable` rule or `category null` gives nil; a phrase no rule names gives an empty set.
    public func categoryKeys(naming phrase: String) -> Set<String?> {
        let text = Normalizer(options: .matching).normalize(phrase)
        let tokens = Tokenizer(lexicon: tables.lexicon).tokenize(text)
        guard !tokens.isEmpty else { return [] }
        var keys = Set<String?>()
        for match in matches(tables.categories, in: tokens, from: 0) where match.end == tokens.count {
            for payload in match.payloads { keys.insert(tables.categoryPayloads[payload].key) }
        }
        return keys
    }
}
