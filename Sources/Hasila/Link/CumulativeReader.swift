/// Marks the figures that are running totals since a start date rather than one event, so that a
/// sum over events does not add a total to the events it already counts.
///
/// A figure is cumulative when its clause carries a `cumulative` cue (Grammars/cues/cumulative.grammar:
/// "منذ بدء الحرب", "ارتفعت الحصيلة إلى", "إجمالي", "حتى الآن") on a side where the cue may stand
/// (`cumulative before`: a toll rising to the figure after it), when its period is open at its end
/// from a start date ("منذ آذار 2011"), when it is joined by "و" to a cumulative figure of its
/// sentence ("إلى 300 قتيل و50 جريحا"), or when it breaks down a cumulative total.
///
/// The clause read before the figure runs back to the figure before it in its sentence, a
/// `clause-boundary` word or the sentence's start; the one read after it runs to the next figure,
/// a punctuation mark, a clause boundary or the sentence's end ("قتل 500 شخص حتى الآن").
struct CumulativeReader {
    let grammar: Grammar
    var trace: DecisionTrace?

    func read(_ drafts: inout [FigureDraft], tokens: [Token]) {
        let cues = grammar.tables.cumulativeCues
        let boundaries = grammar.tables.clauseBoundaries
        func isBoundary(_ index: Int) -> Bool {
            tokens[index].kind == .word && grammar.canStart(boundaries, tokens[index])
                && grammar.longest(boundaries, in: tokens, from: index) != nil
        }
        /// A cue that may stand on `side` (1 before the figure, 2 after it) begins in `range` and ends by
        /// `limit` (default: the range's end): its words and its rule's index in `ruleSources`.
        func cue(in range: Range<Int>, limit: Int? = nil, side: Int) -> (words: Range<Int>, rule: Int)? {
            guard !cues.isEmpty else { return nil }
            for index in range where tokens[index].kind == .word && grammar.canStart(cues, tokens[index]) {
                for match in grammar.matches(cues, in: tokens, from: index, limit: limit ?? range.upperBound) {
                    if let payload = match.payloads.first(where: { $0 % 4 == 0 || $0 % 4 == side }) { return (index..<match.end, payload / 4) }
                }
            }
            return nil
        }
        func mark(_ index: Int, _ reader: String, cue: (words: Range<Int>, rule: Int)? = nil) {
            drafts[index].figure.cumulative = true
            trace?.note(drafts[index].mention.tokens.lowerBound, .cumulative, reader,
                        rule: cue.map { grammar.tables.ruleSources[$0.rule] }, words: cue?.words, value: "true")
        }
        for index in drafts.indices {
            // Fields read in place: a draft is large, and copying one per figure shows in profiles.
            let sentence = drafts[index].sentence
            let leadStart = drafts[index].leadStart
            if let period = drafts[index].figure.period, period.start != nil, period.end == nil {
                mark(index, "a period open at its end")
                continue
            }
            let hasPrevious = index > 0 && drafts[index - 1].sentence == sentence
            if drafts[index].conjoined, hasPrevious, drafts[index - 1].figure.cumulative {
                mark(index, "joined by a conjunction to a running total")
                continue
            }
            // Back to the figure before, a clause boundary or the sentence's start, at most `reach` words
            // (a long paragraph with no full stop is still read a clause at a time).
            var begin = leadStart
            let floor = max(hasPrevious ? drafts[index - 1].mention.tokens.upperBound : 0, leadStart - FigureAssembler.reach)
            while begin > floor, tokens[begin - 1].sentence == sentence, !isBoundary(begin - 1) { begin -= 1 }
            if let found = cue(in: begin..<leadStart, side: 1) {
                mark(index, "running-total cue in its clause before it", cue: found)
                continue
            }
            // Forward to the next figure, a punctuation mark, a clause boundary or the sentence's end.
            let next = index + 1 < drafts.count && drafts[index + 1].sentence == sentence ? drafts[index + 1].leadStart : tokens.count
            // A cue is looked for before the boundary test: "الآن" of "حتى الآن" reads as a clause's "أن" too.
            var end = drafts[index].mention.tokens.upperBound
            let reachEnd = end + FigureAssembler.reach
            while end < next, end < reachEnd, tokens[end].sentence == sentence, tokens[end].kind != .punctuation, tokens[end].kind != .number {
                if let found = cue(in: end..<(end + 1), limit: next, side: 2) {
                    mark(index, "running-total cue after it", cue: found)
                    break
                }
                if isBoundary(end) { break }
                end += 1
            }
        }
        // A breakdown of a running total is one too, whichever of them comes first ("من أصل 32").
        for index in drafts.indices {
            if let parent = drafts[index].figure.parent, drafts[parent].figure.cumulative, !drafts[index].figure.cumulative {
                mark(index, "its total is a running total")
            }
        }
    }
}
