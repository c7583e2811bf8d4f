/// Links breakdowns to their totals (rules 5) and lets a breakdown take what its total says of
/// the counted group when it says less itself.
///
/// A parent comes only from an explicit cue: a breakdown cue before the figure (and every item
/// of the list it opens, joined by و), a breakdown cue after it, a total cue ("من أصل") before
/// the total, or a partitive ("N من الحوادث") that names an already counted kind.
struct BreakdownLinker {
    let grammar: Grammar
    var trace: DecisionTrace?

    private func note(_ draft: FigureDraft, _ reader: String, parent: FigureDraft, rule: Bool = true) {
        trace?.note(draft.mention.tokens.lowerBound, .parent, reader,
                    rule: rule && draft.cueRule >= 0 ? grammar.tables.ruleSources[draft.cueRule] : nil,
                    value: parent.figure.text)
    }

    func link(_ drafts: inout [FigureDraft], tokens: [Token], isGap: (Int) -> Bool) {
        var listParent: [Int?] = Array(repeating: nil, count: drafts.count)
        for index in drafts.indices {
            // The draft is read in place (`drafts[index]`), not copied out: a draft is large, and only `figure.parent` changes here.
            let previous = index > 0 ? index - 1 : nil
            let sameParagraph = previous.map { drafts[$0].paragraph == drafts[index].paragraph } ?? false
            if drafts[index].breakdownBefore, let previous, sameParagraph {
                drafts[index].figure.parent = previous
                listParent[index] = previous
                note(drafts[index], "breakdown cue before it", parent: drafts[previous])
            } else if drafts[index].conjoined, let previous, drafts[previous].sentence == drafts[index].sentence,
                      let parent = listParent[previous], isChained(from: drafts[previous], to: drafts[index], tokens: tokens, isGap: isGap) {
                drafts[index].figure.parent = parent
                listParent[index] = parent
                note(drafts[index], "item of the list a breakdown cue opened", parent: drafts[parent], rule: false)
            } else if let previous, let parent = listParent[previous], drafts[previous].sentence == drafts[index].sentence,
                      drafts[index].countsUnits, drafts[parent].countsUnits, continuesList(from: drafts[previous], to: drafts[index], tokens: tokens) {
                // "تماثلت منها 583 حالة للشفاء، فيما تخضع 9 حالات للعلاج": cases keep counting parts of the same total
                // across فيما and a clause joined by و (rules 5).
                drafts[index].figure.parent = parent
                listParent[index] = parent
                note(drafts[index], "cases that go on counting parts of the same total", parent: drafts[parent], rule: false)
            } else if drafts[index].breakdownAfter, let previous, sameParagraph {
                drafts[index].figure.parent = previous
                note(drafts[index], "breakdown cue after it", parent: drafts[previous])
            } else if drafts[index].partitive, sameParagraph {
                // "97 من الحوادث": the nearest earlier total of the same kind in the paragraph.
                let key = drafts[index].figure.category
                // Drafts come in document order, so the walk back stops at the paragraph's start.
                var total = index - 1
                while total >= 0, drafts[total].paragraph == drafts[index].paragraph {
                    // "أحدهما" names no kind: the figure just before it is its total.
                    let sameKind = drafts[index].mention.partitive == .noun ? drafts[index].isPart(of: drafts[total]) : compatible(drafts[total].figure.category, key)
                    if sameKind || (drafts[index].mention.partitive == .pronoun && total == index - 1) {
                        drafts[index].figure.parent = total
                        note(drafts[index], "partitive: a part of the nearest total of its kind", parent: drafts[total])
                        break
                    }
                    total -= 1
                }
            }
            if drafts[index].totalBefore, let previous, drafts[previous].sentence == drafts[index].sentence, drafts[previous].figure.parent == nil {
                drafts[previous].figure.parent = index
                trace?.note(drafts[previous].mention.tokens.lowerBound, .parent, "total cue before the total",
                            rule: drafts[index].cueRule >= 0 ? grammar.tables.ruleSources[drafts[index].cueRule] : nil, value: drafts[index].figure.text)
            }
        }
        // A group or target with no evidence keeps its key only as the breakdown of a total that is evidence
        // ("منها 109 على مساجد"); under any other total it takes that total's category.
        for index in drafts.indices {
            guard let role = drafts[index].needsEvidence else { continue }
            if let parent = drafts[index].figure.parent, let parentKey = drafts[parent].figure.category,
               grammar.tables.evidence[role]?.contains(parentKey) ?? true {
                continue
            }
            drafts[index].figure.category = nil
            trace?.note(drafts[index].mention.tokens.lowerBound, .category,
                        "no act befell this \(role.rawValue) and no total that says so: no category", value: "null")
        }
        // A total named only by its breakdown ("18 صاروخا من أصل 23") takes the breakdown's category.
        for index in drafts.indices {
            guard let parent = drafts[index].figure.parent, parent > index, drafts[parent].figure.category == nil,
                  !drafts[parent].explicitNull else { continue }
            drafts[parent].figure.category = drafts[index].figure.category
        }
        // What the total says of the group flows down to breakdowns that say less, in document order,
        // so two-level breakdowns see their total's final category.
        for index in drafts.indices {
            guard let parent = drafts[index].figure.parent else { continue }
            inherit(child: index, parent: parent, drafts: &drafts)
        }
    }

    private func inherit(child index: Int, parent: Int, drafts: inout [FigureDraft]) {
        let parentKey = drafts[parent].figure.category ?? (drafts[parent].explicitNull ? CategoryResolver.null : nil)
        guard let parentKey else { return }
        let child = drafts[index]
        let replaced: Bool
        if parentKey == CategoryResolver.null && child.figure.category != nil && child.categoryRole != .group {
            replaced = false
        } else if let key = child.figure.category {
            // "وتوفي أحد المصابين": a child that an act made one of the dead stays dead (override killed group).
            let settled = child.categoryRole != .group && grammar.tables.groupOnlyOverrides.contains(String(key.prefix { $0 != "." }))
            replaced = CategoryResolver.isAncestor(key, of: parentKey) || (!settled && grammar.overrides(key, by: parentKey))
                || grammar.refines(key, by: parentKey)
        } else {
            replaced = !child.explicitNull
        }
        if replaced, drafts[index].figure.category != (parentKey == CategoryResolver.null ? nil : parentKey) {
            drafts[index].figure.category = parentKey == CategoryResolver.null ? nil : parentKey
            trace?.note(child.mention.tokens.lowerBound, .category, "what its total says of the group", value: parentKey)
        }
    }

    private func compatible(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        return CategoryResolver.isAncestor(a, of: b) || CategoryResolver.isAncestor(b, of: a)
            || grammar.refines(a, by: b) || grammar.refines(b, by: a)
    }

    /// A few words stand between the previous item and this one, and one of them opens a new clause of the
    /// same statement: a word joined by و ("وشفيت"), or a clause boundary ("فيما").
    private func continuesList(from previous: FigureDraft, to draft: FigureDraft, tokens: [Token]) -> Bool {
        guard previous.phraseEnd <= draft.leadStart, draft.leadStart - previous.phraseEnd <= 6 else { return false }
        return (previous.phraseEnd..<draft.leadStart).contains {
            tokens[$0].kind == .word && (grammar.startsWithConjunction(tokens[$0])
                || grammar.longest(grammar.tables.clauseBoundaries, in: tokens, from: $0) != nil)
        }
    }

    /// Little stands between the previous item's phrase and this one: commas, conjunctions, or the rest
    /// of a coordinated noun phrase ("على مستشفيات ومراكز صحية، و196 على مساجد").
    private func isChained(from previous: FigureDraft, to draft: FigureDraft, tokens: [Token], isGap: (Int) -> Bool) -> Bool {
        guard previous.phraseEnd <= draft.leadStart else { return false }
        let gap = previous.phraseEnd..<draft.leadStart
        if gap.allSatisfy(isGap) { return true }
        return gap.count <= 4 && gap.allSatisfy { isGap($0) || tokens[$0].kind == .word }
            && gap.contains { grammar.startsWithConjunction(tokens[$0]) }
    }
}
