/// Decides which incidents of a document are accidents (annotation rules 4: accidents are no attacks).
///
/// "3 حوادث سير" says so itself (a countable phrase of the category rules). But a road-safety report
/// goes on with bare counts: "أصيب 10 أشخاص في ثلاث حوادث متفرقة", "الحوادث الثلاث". In a document
/// that names an accident of the `accident KEY` rules, a KEY (`attacks`) figure from that paragraph block on whose counted
/// noun is a bare `incident` word counts accidents: no category.
struct AccidentReader {
    let grammar: Grammar
    var trace: DecisionTrace?

    /// `accidentBefore`: an earlier section of the document named an accident (see `InfectionReader`).
    func read(_ drafts: inout [FigureDraft], tokens: [Token], scalars: [UInt32], seen: UInt32, accidentBefore: inout Bool) {
        let tables = grammar.tables
        guard let attacks = tables.accidentKey else { return }
        var from = accidentBefore ? 0 : tokens.count
        if !accidentBefore, let block = TopicScope.start(of: tables.accidents, in: tokens, scalars: scalars, grammar: grammar, seen: seen) {
            from = block
            accidentBefore = true
        }
        guard from < tokens.count else { return }
        for index in drafts.indices where drafts[index].figure.category == attacks && drafts[index].mention.tokens.lowerBound >= from {
            guard let noun = drafts[index].nounStart, let end = drafts[index].nounEnd,
                  grammar.longest(tables.incidents, in: tokens, from: noun)?.end == end else { continue }
            drafts[index].figure.category = nil
            drafts[index].explicitNull = true
            trace?.note(drafts[index].mention.tokens.lowerBound, .category,
                        "in an accident report, a bare incident counts accidents", value: "null")
        }
    }
}
