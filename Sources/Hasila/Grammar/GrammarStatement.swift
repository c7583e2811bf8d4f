/// One rule of a grammar file, as parsed: its kind (the first word), the rest of its head, its
/// pattern and the examples written under it.
struct GrammarStatement: Sendable {
    let kind: String
    let arguments: [String]
    let pattern: PatternNode?
    /// The right-hand side as written, for rules whose right side is a list of keys.
    let rawRight: String
    var examples: [GrammarExample]
    let file: String
    let line: Int
    let sourceLine: String
    /// The file's folder under Grammars/ (numbers, cues, categories, dates): the dimension its examples test.
    let dimension: String
    /// The clitic classes the words of this rule may carry (from the file's `@clitics` directive).
    let clitics: [String]?
}
