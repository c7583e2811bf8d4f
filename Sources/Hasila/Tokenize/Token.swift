/// One token of normalised text: a word, a run of digits (with its inner separators), or a
/// single punctuation mark. Offsets are normalised code-point offsets (see `OffsetMap`).
public struct Token: Sendable {
    public enum Kind: UInt8, Sendable {
        case word
        case number
        case punctuation
    }

    public let kind: Kind
    public let start: Int32
    public let end: Int32
    /// The readings the grammars know for this token (indices into `Lexicon.analyses`).
    let analyses: Range<Int32>
    /// White space (or a line break) separates this token from the previous one.
    public let spaceBefore: Bool
    /// The sentence this token belongs to (0-based): sentences end at . ! ? ؟ and line breaks.
    public let sentence: Int32
    /// A line break separates this token from the previous one.
    public let lineBreakBefore: Bool

    public var range: Range<Int> { Int(start)..<Int(end) }
    var isKnown: Bool { !analyses.isEmpty }
}
