/// Marks the figures that are running totals since a start date rather than one event, so that a
/// sum over events does not add a total to the events it already counts.
///
/// A figure is cumulative when its clause carries a `cumulative` cue (Grammars/cues/cumulative.grammar:
/// "منذ بدء الحرب", "ارتفعت الحصيلة إلى", "إجمالي", "حتى الآن"), when its period is open at its end
/// from a start date ("منذ آذار 2011"), when it is joined by "و" to a cumulative figure of its
/// sentence ("إلى 300 قتيل و50 جريحا"), or when it breaks down a cumulative total.
///
/// The clause read before the figure runs back to the figure before it in its sentence, a
/// `clause-boundary` word or the sentence's start; the one read after it runs to the next figure,
/// a punctuation mark, a clause boundary or the sentence's end ("قتل 500 شخص حتى الآن").
struct CumulativeReader {
    let grammar: Grammar

    func read(_ drafts: inout [FigureDraft], tokens: [Token]) {
        let cues = grammar.tables.cumulativeCues
        let boundaries = grammar.tables.clauseBoundaries
        func isBoundary(_ index: Int) -> Bool {
            tokens[index].kind == .word && grammar.canStart(boundaries, tokens[index])
                && grammar.longest(boundaries, in: tokens, from: index) != nil
        }
        /// A cue begins in `range` and ends by `limit` (default: the range's end).
        func cue(in range: Range<Int>, limit: Int? = nil) -> Bool {
            guard !cues.isEmpty else { return false }
            for index in range where tokens[index].kind == .word && grammar.canStart(cues, tokens[index]) {
                if grammar.longest(cues, in: tokens, from: index, limit: limit ?? range.upperBound) != nil { return true }
            }
            return false
        }
        for index in drafts.indices {
            let draft = drafts[index]
            let sentence = draft.sentence
            if let period = draft.figure.period, period.start != nil, period.end == nil {
                drafts[index].figure.cumulative = true
                continue
            }
            let previous = index > 0 && drafts[index - 1].sentence == sentence ? drafts[index - 1] : nil
            if draft.conjoined, let previous, previous.figure.cumulative {
                drafts[index].figure.cumulative = true
                continue
            }
            // Back to the figure before, a clause boundary or the sentence's start.
            var begin = draft.leadStart
            let floor = previous.map { max($0.phraseEnd, $0.mention.tokens.upperBound) } ?? 0
            while begin > floor, tokens[begin - 1].sentence == sentence, !isBoundary(begin - 1) { begin -= 1 }
            if cue(in: begin..<draft.leadStart) {
                drafts[index].figure.cumulative = true
                continue
            }
            // Forward to the next figure, a punctuation mark, a clause boundary or the sentence's end.
            let next = index + 1 < drafts.count && drafts[index + 1].sentence == sentence ? drafts[index + 1].leadStart : tokens.count
            // A cue is looked for before the boundary test: "الآن" of "حتى الآن" reads as a clause's "أن" too.
            var end = draft.mention.tokens.upperBound
            while end < next, tokens[end].sentence == sentence, tokens[end].kind != .punctuation, tokens[end].kind != .number {
                if cue(in: end..<(end + 1), limit: next) {
                    drafts[index].figure.cumulative = true
                    break
                }
                if isBoundary(end) { break }
                end += 1
            }
        }
        // A breakdown of a running total is one too, whichever of them comes first ("من أصل 32").
        for index in drafts.indices {
            if let parent = drafts[index].figure.parent, drafts[parent].figure.cumulative { drafts[index].figure.cumulative = true }
        }
    }
}
