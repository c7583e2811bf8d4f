/// One token of normalised text: a word, a run of digits (with its inner separators), or a
/// single punctuation mark. Offsets are normalised code-point offsets (see `OffsetMap`).
public struct Token: Sendable {
    public enum Kind: UInt8, Sendable {
        case word
        case number
        case punctuation
    }

    public let kind: Kind
    /// White space (or a line break) separates this token from the previous one.
    public let spaceBefore: Bool
    /// A line break separates this token from the previous one.
    public let lineBreakBefore: Bool
    public let start: Int32
    public let end: Int32
    /// Bit i set when one of its readings begins a phrase of the trie whose id is i (`Grammar.canStart`).
    let starts: UInt32
    /// The readings the grammars know for this token (indices into `Lexicon.analyses`).
    let analyses: Range<Int32>
    /// The sentence this token belongs to (0-based): sentences end at . ! ? ؟ and line breaks.
    public let sentence: Int32
    /// The end of its readings with those of the gazetteer's names (which follow `analyses`): only the name
    /// finder reads them, so a word that is only a name is an unknown word to every other rule.
    let namesEnd: Int32

    // Fields ordered so that a token stays small: the tokens of a long text are a large array.
    init(kind: Kind, start: Int32, end: Int32, analyses: Range<Int32>, starts: UInt32, spaceBefore: Bool, sentence: Int32,
         lineBreakBefore: Bool, namesEnd: Int32? = nil) {
        self.namesEnd = max(namesEnd ?? analyses.upperBound, analyses.upperBound)
        self.kind = kind
        self.spaceBefore = spaceBefore
        self.lineBreakBefore = lineBreakBefore
        self.start = start
        self.end = end
        self.starts = starts
        self.analyses = analyses
        self.sentence = sentence
    }

    /// This token with the readings the lexicon gives its word: the tokenizer cuts a whole text before it looks its words up.
    func withReadings(_ analyses: Range<Int32>, starts: UInt32, namesEnd: Int32) -> Token {
        Token(kind: kind, start: start, end: end, analyses: analyses, starts: starts, spaceBefore: spaceBefore, sentence: sentence,
              lineBreakBefore: lineBreakBefore, namesEnd: namesEnd)
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
    var isKnown: Bool { !analyses.isEmpty }
    /// Its readings, the gazetteer's names' included.
    var nameAnalyses: Range<Int32> { analyses.lowerBound..<namesEnd }
}
