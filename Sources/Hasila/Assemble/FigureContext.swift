/// The token positions of one document that every figure's reading needs, built once per document
/// by `FigureAssembler` and read by each of its readers.
struct FigureContext {
    let tokens: [Token]
    let text: NormalizedText
    let mentions: [NumberMention]
    /// Per token: a number mention (or a postposed number's noun) begins there.
    let isMentionStart: [Bool]
    /// First token and token after the last, per sentence id.
    let sentenceStart: [Int]
    let sentenceEnd: [Int]
    /// Paragraph number per token.
    let paragraphs: [Int]
    var scalars: [UInt32] { text.scalars }
}
