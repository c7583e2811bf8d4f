/// Reads the cues around a figure that are not about its noun: the qualifier and breakdown or total cue
/// before it (`FigureCues`), and a breakdown cue after its phrase ("خمسون واقعة منها").
struct FigureCueReader {
    let grammar: Grammar
    let qualifiers: QualifierReader
    let categories: CategoryResolver
    /// Where the decisions go when a researcher asks why; nil in a normal run.
    let trace: DecisionTrace?

    /// The cues before the figure of `mention`: a qualifier (unless a conjunction joins the figure to what
    /// precedes it), then a breakdown or total cue.
    func before(_ mention: NumberMention, context: FigureContext) -> FigureCues {
        let tokens = context.tokens
        let scalars = context.scalars
        let first = mention.tokens.lowerBound
        let sentence = tokens[first].sentence
        let floor = context.sentenceStart[Int(sentence)]
        // A postposed number word stands after its noun ("هجوما واحدا"), or alone after a breakdown cue ("بينهم اثنان").
        // The word before must be a counted noun ("قتيل واحد"), not an act ("بإعدام واحد من الثلاثة").
        let postposedNoun = mention.postposed && first > 0 && !grammar.startsWithConjunction(tokens[first])
            && grammar.longest(grammar.tables.categories, in: tokens, from: first - 1, limit: first).map {
                $0.end == first && grammar.tables.categoryPayloads[$0.payloads[0]].role != .event
            } ?? false
        let leadIndex = postposedNoun ? first - 1 : first
        // A cue may stand across a line break that ends no sentence ("ما لا يقل\nعن 40").
        var cueFloor = floor
        if floor > 0, tokens[floor].lineBreakBefore, !(tokens[floor - 1].kind == .punctuation
            && Tokenizer.endsSentence(scalars[Int(tokens[floor - 1].start)])) {
            cueFloor = context.sentenceStart[Int(tokens[floor - 1].sentence)]
        }
        let lead = qualifiers.lead(at: leadIndex, floor: floor, cueFloor: cueFloor, tokens: tokens, scalars: scalars)
        if let rule = lead.rule {
            trace?.note(first, .qualifier, "cue before the figure", rule: grammar.tables.ruleSources[rule], words: lead.cueWords,
                        value: lead.isRange ? "range" : lead.qualifier.rawValue)
        }
        var breakdownBefore = false, totalBefore = false
        var cueRule = -1
        var p = lead.cueStart - 1
        while p >= floor, grammar.isSkippable(tokens[p], scalars: scalars) || grammar.isComma(tokens[p], scalars: scalars) { p -= 1 }
        if p >= floor {
            if let cue = grammar.longestBackward(grammar.tables.breakdownsBefore, in: tokens, from: p, floor: floor) {
                breakdownBefore = true
                cueRule = cue.payloads[0]
            }
            if let cue = grammar.longestBackward(grammar.tables.totalsBefore, in: tokens, from: p, floor: floor) {
                totalBefore = true
                cueRule = cue.payloads[0]
            }
        }
        return FigureCues(leadIndex: leadIndex, postposedNoun: postposedNoun, lead: lead, breakdownBefore: breakdownBefore,
                          totalBefore: totalBefore, cueRule: cueRule)
    }

    /// A breakdown cue after the figure's phrase, not followed by another figure ("خمسون واقعة منها").
    struct After {
        /// The cue's rule and the token after it.
        let cueRule: Int
        let end: Int
        /// "41 منهم مخفيين قسرا": with no noun of its own, the word right after the cue may name the outcome.
        let outcome: CategoryResolver.Phrase?
    }

    func after(_ phrase: CategoryResolver.Phrase, sentence: Int32, context: FigureContext) -> After? {
        let tokens = context.tokens
        guard phrase.end < tokens.count, tokens[phrase.end].sentence == sentence,
              let cue = grammar.longest(grammar.tables.breakdownsAfter, in: tokens, from: phrase.end) else { return nil }
        var q = cue.end
        while q < tokens.count, grammar.isSkippable(tokens[q], scalars: context.scalars) || grammar.isComma(tokens[q], scalars: context.scalars) { q += 1 }
        let followedByFigure = q < tokens.count && (context.isMentionStart[q] || startsQualifier(at: q, context))
        if followedByFigure { return nil }
        var outcome: CategoryResolver.Phrase?
        if !phrase.hasNoun, q < tokens.count, tokens[q].sentence == sentence {
            outcome = categories.phrase(from: cue.end, tokens: tokens, scalars: context.scalars,
                                                                 isMentionStart: context.isMentionStart, sentence: sentence, maxTokens: 1)
        }
        return After(cueRule: cue.payloads[0], end: cue.end, outcome: outcome)
    }

    /// A qualifier cue begins at `index` and runs into a figure within a few words ("منها أكثر من 20").
    private func startsQualifier(at index: Int, _ context: FigureContext) -> Bool {
        var end = index
        while end < min(context.tokens.count, index + 6) {
            if context.isMentionStart[end] {
                return end > index && (grammar.longestBackward(grammar.tables.qualifiersBefore, in: context.tokens, from: end - 1, floor: index) != nil)
            }
            end += 1
        }
        return false
    }
}
