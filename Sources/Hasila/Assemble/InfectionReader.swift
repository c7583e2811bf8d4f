/// Decides which injuries of a document are infections (annotation rules 4: infections with a
/// disease are no injuries, category null).
///
/// "إصابة بالكوليرا" says so itself (an act of the category rules). But an outbreak report goes on
/// with bare counts: "ليصبح الإجمالي 22 إصابة", "ارتفع عدد حالات الإصابة إلى 1063 حالة". In a
/// document that names a disease of the `outbreak KEY` rules, a KEY (`injured`) figure from that paragraph block on whose sentence names
/// no harm done by an event (the `harm` rules: wounds, burns, a crash) counts infections.
struct InfectionReader {
    let grammar: Grammar
    var trace: DecisionTrace?

    /// `outbreakBefore`: an earlier part of the document named a disease (a long document is read in
    /// sections; the flag passes from one to the next, so sections give the records of a whole read).
    func read(_ drafts: inout [FigureDraft], tokens: [Token], scalars: [UInt32], seen: UInt32, outbreakBefore: inout Bool) {
        let tables = grammar.tables
        guard let injured = tables.outbreakKey else { return }
        // From the paragraph block where a disease is first named: the report has said what it is about.
        var from = outbreakBefore ? 0 : tokens.count
        if !outbreakBefore, let block = TopicScope.start(of: tables.outbreaks, in: tokens, scalars: scalars, grammar: grammar, seen: seen) {
            from = block
            outbreakBefore = true
        }
        guard from < tokens.count, drafts.contains(where: { $0.figure.category == injured }) else { return }
        var harmed = Set<Int32>()
        for index in tokens.indices where tokens[index].kind == .word && grammar.longest(tables.harms, in: tokens, from: index) != nil {
            harmed.insert(tokens[index].sentence)
        }
        for index in drafts.indices where drafts[index].figure.category == injured && drafts[index].mention.tokens.lowerBound >= from
            && !harmed.contains(drafts[index].sentence) {
            drafts[index].figure.category = nil
            drafts[index].explicitNull = true
            trace?.note(drafts[index].mention.tokens.lowerBound, .category,
                        "in an outbreak report, an injury whose sentence names no harm counts an infection", value: "null")
        }
    }
}
