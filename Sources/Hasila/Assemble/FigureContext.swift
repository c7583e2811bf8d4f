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

    /// The view of one document's tokens and number mentions: where each mention (or a postposed
    /// number's noun) begins, and each sentence's first and last tokens.
    init(tokens: [Token], text: NormalizedText, mentions: [NumberMention], paragraphs: [Int]) {
        var isMentionStart = [Bool](repeating: false, count: tokens.count + 1)
        for mention in mentions {
            isMentionStart[mention.postposed && mention.tokens.lowerBound > 0 ? mention.tokens.lowerBound - 1 : mention.tokens.lowerBound] = true
        }
        let sentenceCount = Int(tokens.last?.sentence ?? 0) + 1
        var sentenceStart = [Int](repeating: -1, count: sentenceCount), sentenceEnd = [Int](repeating: 0, count: sentenceCount)
        for (i, token) in tokens.enumerated() {
            let s = Int(token.sentence)
            if sentenceStart[s] < 0 { sentenceStart[s] = i }
            sentenceEnd[s] = i + 1
        }
        self.tokens = tokens
        self.text = text
        self.mentions = mentions
        self.isMentionStart = isMentionStart
        self.sentenceStart = sentenceStart
        self.sentenceEnd = sentenceEnd
        self.paragraphs = paragraphs
    }
}
