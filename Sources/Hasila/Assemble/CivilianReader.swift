/// Decides which dead counted by a generic word are civilians (annotation rules 4: "generic words give
/// killed, unless the figure belongs to a total that the same passage calls civilian").
///
/// A figure whose counted noun is one of the `generic` words (شخص، قتيل، ضحية …) and whose category is
/// the rule's first key (`killed`) takes its second (`killed.civilians`) when its sentence names that group by a `passage-group` word
/// outside any figure's own noun: "بلغ 18 قتيلا و70 جريحا جميعهم مدنيون", "حصيلة من القتلى والمصابين المدنيين". Soldiers and
/// fighters are no generic word, so they stay `killed` (rules 4).
struct CivilianReader {
    let grammar: Grammar
    var trace: DecisionTrace?

    /// `seen`: the start masks of the section's words OR-ed together; no passage word, nothing to do.
    func read(_ drafts: inout [FigureDraft], tokens: [Token], seen: UInt32) {
        let tables = grammar.tables
        let passage = tables.passageGroups
        guard let (generic, civilian) = tables.genericRefinement, passage.id >= 0, seen & (1 << UInt32(passage.id)) != 0,
              drafts.contains(where: { $0.figure.category == generic }) else { return }
        // Sentences holding a passage word that is no figure's own noun; passage words are rare, so the
        // figures' nouns are looked at only when one is found.
        var civilianSentences: [Int32] = []
        for index in tokens.indices where tokens[index].kind == .word && grammar.canStart(passage, tokens[index]) {
            guard grammar.longest(passage, in: tokens, from: index) != nil,
                  !drafts.contains(where: { $0.nounStart == index }) else { continue }
            if civilianSentences.last != tokens[index].sentence { civilianSentences.append(tokens[index].sentence) }
        }
        guard !civilianSentences.isEmpty else { return }
        for index in drafts.indices where drafts[index].figure.category == generic && civilianSentences.contains(drafts[index].sentence) {
            guard let start = drafts[index].nounStart, grammar.longest(tables.genericPeople, in: tokens, from: start) != nil else { continue }
            drafts[index].figure.category = civilian
            trace?.note(drafts[index].mention.tokens.lowerBound, .category, "a generic noun in a sentence that calls people civilians",
                        value: civilian)
        }
    }
}
