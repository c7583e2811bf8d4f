/// An example attached to a grammar rule: text the rule must match (`+`) or must not (`-`),
/// with the records it should (or should not) produce. Every example runs as a test.
public struct GrammarExample: Sendable {
    public let mustMatch: Bool
    public let text: String
    /// Expectations such as "5233", "at_least", "killed.civilians", "2015-09-30", "relative", "null".
    public let expectations: [String]
    public let file: String
    public let line: Int
}
