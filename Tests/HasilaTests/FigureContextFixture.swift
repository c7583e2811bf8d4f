@testable import Hasila

/// One sentence made into the view the figure readers read (`FigureContext`), as `FigureAssembler`
/// builds it for a document, with the index of the number mention that holds `figure`.
struct FigureContextFixture {
    let context: FigureContext
    let mentionIndex: Int
    let grammar: Grammar

    init(_ sentence: String, figure: String, grammar: Grammar = TestGrammar.shared) {
        self.grammar = grammar
        let text = Normalizer(options: .matching).normalize(scalars: sentence.unicodeScalars.map(\.value))
        let tokens = Tokenizer(lexicon: grammar.tables.lexicon).tokenize(text)
        let mentions = NumberRecognizer(grammar: grammar).recognize(tokens: tokens, scalars: text.scalars,
                                                                    claimed: [Bool](repeating: false, count: tokens.count))
        context = FigureContext(tokens: tokens, text: text, mentions: mentions, paragraphs: [Int](repeating: 0, count: tokens.count))
        let target = Normalizer(options: .matching).normalize(scalars: figure.unicodeScalars.map(\.value)).scalars
        mentionIndex = mentions.firstIndex { mention in
            let range = Int(tokens[mention.tokens.lowerBound].start)..<Int(tokens[mention.tokens.upperBound - 1].end)
            return Array(text.scalars[range]).suffix(target.count) == target[...]
        } ?? -1
    }

    var mention: NumberMention { context.mentions[mentionIndex] }

    /// A word as the readers see it: normalised and folded for matching (ى is ي).
    static func normalised(_ word: String) -> String {
        let scalars = Normalizer(options: .matching).normalize(scalars: word.unicodeScalars.map(\.value)).scalars
        return String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }

    /// The normalised words of a token range.
    func words(_ range: Range<Int>?) -> String? {
        guard let range, !range.isEmpty else { return nil }
        let scalars = context.scalars[Int(context.tokens[range.lowerBound].start)..<Int(context.tokens[range.upperBound - 1].end)]
        return String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }
}
