/// Decides which injuries of a document are infections (annotation rules 4: infections with a
/// disease are no injuries, category null).
///
/// "إصابة بالكوليرا" says so itself (an act of the category rules). But an outbreak report goes on
/// with bare counts: "ليصبح الإجمالي 22 إصابة", "ارتفع عدد حالات الإصابة إلى 1063 حالة". In a
/// document that names a disease of the `outbreak` rules, an `injured` figure whose sentence names
/// no harm done by an event (the `harm` rules: wounds, burns, a crash) counts infections.
struct InfectionReader {
    let grammar: Grammar

    func read(_ drafts: inout [FigureDraft], tokens: [Token]) {
        let tables = grammar.tables
        guard !tables.outbreaks.isEmpty, drafts.contains(where: { $0.figure.category == "injured" }),
              tokens.indices.contains(where: { tokens[$0].kind == .word && grammar.longest(tables.outbreaks, in: tokens, from: $0) != nil })
        else { return }
        var harmed = Set<Int32>()
        for index in tokens.indices where tokens[index].kind == .word && grammar.longest(tables.harms, in: tokens, from: index) != nil {
            harmed.insert(tokens[index].sentence)
        }
        for index in drafts.indices where drafts[index].figure.category == "injured" && !harmed.contains(drafts[index].sentence) {
            drafts[index].figure.category = nil
            drafts[index].explicitNull = true
        }
    }
}
