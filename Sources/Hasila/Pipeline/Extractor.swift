/// Runs the stages on one document's text: normalise (with the offset map), tokenise,
/// recognise dates and numbers, assemble figures, link breakdowns and periods.
///
/// Built once per run with a compiled grammar; safe to share between threads.
public struct Extractor: Sendable {
    public let grammar: Grammar
    private let normalizer = Normalizer(options: .matching)

    public init(grammar: Grammar) { self.grammar = grammar }

    /// Extracts from a document given as code points (the unit of every offset in the result).
    /// `date` is the document's own date, against which relative dates are resolved; without it
    /// a dateline at the top of the document ("بيروت - 12 آب 2019") serves, if there is one.
    public func extract(scalars: [UInt32], document: String, date: DateValue? = nil) -> DocumentExtraction {
        let text = normalizer.normalize(scalars: scalars)
        let tokens = Tokenizer(lexicon: grammar.tables.lexicon).tokenize(text)
        var dates = DateRecognizer(grammar: grammar).recognize(tokens: tokens, scalars: text.scalars)
        var claimed = [Bool](repeating: false, count: tokens.count)
        for date in dates { for i in date.tokens { claimed[i] = true } }
        let mentions = NumberRecognizer(grammar: grammar).recognize(tokens: tokens, scalars: text.scalars, claimed: claimed)
        var paragraphs = [Int](repeating: 0, count: tokens.count)
        var paragraph = 0
        for (i, token) in tokens.enumerated() {
            if token.lineBreakBefore && i > 0 { paragraph += 1 }
            paragraphs[i] = paragraph
        }
        var drafts = FigureAssembler(grammar: grammar).assemble(mentions: mentions, tokens: tokens, text: text, paragraphs: paragraphs)
        BreakdownLinker(grammar: grammar).link(&drafts, tokens: tokens) { position in
            let token = tokens[position]
            if token.kind == .punctuation {
                let code = text.scalars[Int(token.start)]
                return code == 0x060C || code == 0x2C
            }
            return grammar.isConjunction(token)
        }
        let linker = PeriodLinker(grammar: grammar)
        let periods = linker.periods(dates: &dates, tokens: tokens, scalars: text.scalars)
        linker.apply(periods, to: &drafts, tokens: tokens)
        if let reference = date ?? dateline(dates, tokens: tokens, scalars: text.scalars) {
            RelativeDateResolver(reference: reference).resolve(&dates)
        }
        for index in dates.indices {
            let first = tokens[dates[index].tokens.lowerBound], last = tokens[dates[index].tokens.upperBound - 1]
            let clitic = first.kind == .word ? grammar.prefixLength(first, beginning: grammar.tables.dateWords) : 0
            let range = text.originalRange((Int(first.start) + clitic)..<Int(last.end))
            dates[index].range = range
            dates[index].text = text.originalText(range)
        }
        return DocumentExtraction(document: document, figures: drafts.map(\.figure), dates: dates)
    }

    /// Extracts from a String (convenience for tests and small inputs).
    public func extract(_ text: String, document: String = "text", date: DateValue? = nil) -> DocumentExtraction {
        extract(scalars: text.unicodeScalars.map(\.value), document: document, date: date)
    }

    /// The dateline of a wire story: a full date opening the document, or after a place and a dash
    /// in its first words ("بيروت - 12 آب 2019").
    private func dateline(_ dates: [DateMention], tokens: [Token], scalars: [UInt32]) -> DateValue? {
        guard let first = dates.first, first.isAbsolute, first.value?.day != nil, first.tokens.lowerBound < 8,
              tokens[0..<first.tokens.upperBound].allSatisfy({ !$0.lineBreakBefore || $0.start == tokens[0].start }) else { return nil }
        let start = first.tokens.lowerBound
        if start == 0 { return first.value }
        let before = tokens[start - 1]
        guard before.kind == .punctuation, [0x2D, 0x2013, 0x2014, 0x3A].contains(scalars[Int(before.start)]) else { return nil }
        return first.value
    }
}
