/// One element of a grammar pattern, as written in a rule.
///
/// Patterns are sequences of words with alternatives (`a | b`), groups (`( … )`), optional
/// elements (`x?`), references to named sub-patterns (`<name>`) and slots (`{n}`, where a
/// number stands). They have no repetition, so every pattern expands to a finite set of
/// word sequences, which is what the matcher compiles.
indirect enum PatternNode: Sendable {
    case word(String, column: Int)
    case reference(String, column: Int)
    case slot(String, column: Int)
    case sequence([PatternNode])
    case alternatives([PatternNode])
    case optional(PatternNode)
}

/// One element of an expanded pattern: a word (normalised for matching) or a slot.
enum PatternElement: Hashable, Sendable {
    case word(String)
    case slot(String)
}
