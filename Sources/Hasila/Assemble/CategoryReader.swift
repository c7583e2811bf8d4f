/// Decides a figure's category, in this order: the counted noun phrase, the noun named after "عدد"
/// before the figure, a count of times taking its clause's categories, the clause making a key precise,
/// then the act that befell what is counted (read back to the figure's clause, or forward when the figure
/// is the subject of a verb after it), and last whether a group or target has evidence of an act at all.
struct CategoryReader {
    let grammar: Grammar
    let categories: CategoryResolver
    let acts: ActReader
    /// Where the decisions go when a researcher asks why; nil in a normal run.
    let trace: DecisionTrace?

    /// - Parameters:
    ///   - phrase: the counted noun phrase; a noun named after "عدد" is added to its entries.
    ///   - previousEnd: the token after the figure before in the same clause (its phrase included).
    ///   - breakdownAfter: a breakdown cue follows the figure's phrase ("خمسون واقعة منها").
    func read(_ mention: NumberMention, cues: FigureCues, phrase: inout CategoryResolver.Phrase, breakdownAfter: Bool,
              previousEnd: Int, previous: PreviousFigure, context: FigureContext) -> CategoryDecision {
        let tokens = context.tokens
        let scalars = context.scalars
        let first = mention.tokens.lowerBound, last = mention.tokens.upperBound
        let sentence = tokens[first].sentence
        let floor = context.sentenceStart[Int(sentence)]
        let cueStart = cues.cueStart
        var key = phrase.key
        var role = phrase.role
        let fromPhrase = key != nil
        if let key, phrase.rule >= 0 {
            trace?.note(first, .category, "counted noun phrase", rule: rule(phrase.rule), words: phrase.ruleWords, value: key)
        }
        let clauseFloor = max(floor, previousEnd, cues.leadIndex - FigureAssembler.reach)
        if key == nil || role == .group, let counted = countedNoun(before: cues.leadIndex, floor: clauseFloor, context: context) {
            key = counted.key
            role = counted.role
            phrase.entries.append((counted.key, counted.role))
            trace?.note(first, .category, "noun named after عدد before the figure", value: counted.key)
        }
        if phrase.times {
            key = categories.clauseCategory(cueStart, floor: clauseFloor, tokens: tokens)
            role = .noun
            trace?.note(first, .category, "a count of times takes its clause's categories", words: clauseFloor..<cueStart, value: key ?? "null")
        }
        if let current = key, let refinable = grammar.tables.contextRefinements[current],
           let clause = categories.clauseCategory(cueStart, floor: lastComma(before: cueStart, floor: clauseFloor, context), tokens: tokens),
           refinable.contains(clause) {
            key = clause
            trace?.note(first, .category, "the clause before makes it precise", words: clauseFloor..<cueStart, value: clause)
        }
        // The clause before the figure, at most `reach` words back: a long paragraph with no full stop is
        // still read a clause at a time, and each figure costs the same whatever the paragraph's length.
        let near = max(floor, cueStart - FigureAssembler.reach)
        // A clause joined by و between the figure before and this one closes what is read back for this one's act:
        // "أسفرت عن جرح 58 داعشيا، ودمرت 9 مستودعات" does not count wounded depots.
        // Only the words within reach matter: a clause opened before `near` is out of the act's reach anyway.
        let opensClause = !cues.conjoined && max(previousEnd, near) < cueStart && (max(previousEnd, near)..<cueStart).contains {
            grammar.opensWithConjunction(tokens[$0], scalars: scalars)
                // "53 مهاجرا ولاجئا": a noun joined to the previous figure's noun opens no clause.
                && !(grammar.longest(grammar.tables.categories, in: tokens, from: $0).map {
                    grammar.tables.categoryPayloads[$0.payloads[0]].role != .event } ?? false)
        }
        // An item joined to the figure before it reads its act no further back than that figure could.
        let actFloor = opensClause ? max(near, previousEnd) : cues.conjoined ? max(near, previous.actFloor) : near
        // A breakdown with no noun of its own ("من بينهم زهاء 360 ألف") takes its total's category, not the clause's.
        var around = key == nil && cues.breakdownBefore ? nil : acts.before(cueStart, floor: actFloor, tokens: tokens, skipping: previous.phrase)
        // The act after the figure, when it is the subject of a verb that follows ("أن 9 أشخاص لقوا حتفهم"):
        // it decides when nothing before does, or when it follows the figure's phrase at once.
        // (Not when an act right before already governs it: "مقتل 18 شخصا".)
        if key == nil || role == .group || role == .unit, !(breakdownAfter && !phrase.hasNoun),
           !(around.map { $0.role == .event && $0.adjacent } ?? false),
           let after = acts.after(phrase.noun?.upperBound ?? last, sentence: sentence, tokens: tokens, scalars: scalars),
           // Only what happens to people (killed, injured, detained …): "إصابة 6 مدنيين بقصف" names the cause, not the act.
           grammar.tables.evidence[.group]?.contains(after.key) ?? false,
           around == nil || after.adjacent {
            around = after
        }
        if let around {
            let reader = around.at >= cueStart ? "act after the figure" : "act before the figure"
            let before = key
            defer {
                if key != before {
                    trace?.note(first, .category, reader, rule: rule(around.rule), words: around.at..<around.end, value: key ?? "null")
                }
            }
            if key == nil {
                key = around.key
                role = around.role
            } else if let current = key, current != CategoryResolver.null,
                      // An outcome noun gives way only to the act that governs it at once ("وفاة 38 محتجزا"): in
                      // "قتلوا … ارتفع إلى 15 قتيلا و240 جريحا" the act is the dead's, not the wounded's.
                      role == .group || (role == .outcome && around.role == .event && around.adjacent && around.at >= previousEnd
                                         && !grammar.tables.groupOnlyOverrides.contains(String(current.prefix { $0 != "." }))),
                      grammar.overrides(current, by: around.key) {
                key = around.key
                role = around.role
            } else if role == .countable, around.role == .event, grammar.tables.evidence[.target]?.contains(around.key) ?? false {
                // "قصفت الطائرات 4 بلدات": a thing with no key of its own counted as struck counts the attack (rules 4).
                key = around.key
                role = .event
            } else if role == .unit, around.role == .event, grammar.tables.evidence[.group]?.contains(around.key) ?? false {
                // "إصابة 133 حالة", "نزوح 300 عائلة": what happened to people counts the cases or families.
                key = around.key
                role = .event
            }
        }
        var needsEvidence: CategoryEntry.Role?
        if let role, role == .group || role == .target, key != CategoryResolver.null {
            let evidenced = (role == .group && around.map { grammar.tables.evidence[.group]?.contains($0.key) ?? true } ?? false)
                || categories.hasEvidence(for: role, in: phrase, clause: actFloor, end: cueStart, tokens: tokens)
            if !evidenced {
                needsEvidence = role
                trace?.note(first, .category, "no act in its clause befell this \(role.rawValue): kept only under a total that says so",
                            value: key ?? "null")
            }
        }
        return CategoryDecision(key: key, role: role, fromPhrase: fromPhrase, explicitNull: key == CategoryResolver.null,
                                needsEvidence: needsEvidence, actFloor: actFloor)
    }

    /// A category rule's file:line.
    private func rule(_ payload: Int) -> String { grammar.tables.categoryPayloads[payload].source }

    /// "بلغ عدد النازحين داخليا حوالي 3.7 مليون": the counted noun named after "عدد" just before the figure.
    private func countedNoun(before end: Int, floor: Int, context: FigureContext) -> (key: String, role: CategoryEntry.Role)? {
        let tokens = context.tokens
        for gap in stride(from: end - 1, through: max(floor, end - 4), by: -1) {
            guard grammar.longest(grammar.tables.cueGaps, in: tokens, from: gap, limit: gap + 1) != nil else { continue }
            let noun = categories.phrase(from: gap + 1, tokens: tokens, scalars: context.scalars, isMentionStart: context.isMentionStart,
                                         sentence: tokens[gap].sentence, checkStart: false, maxTokens: 2)
            if let key = noun.key, let role = noun.role, role != .group, noun.end <= end { return (key, role) }
            return nil
        }
        return nil
    }

    /// The token after the last comma before `end`, or `floor`: the clause a figure's cue stands in.
    private func lastComma(before end: Int, floor: Int, _ context: FigureContext) -> Int {
        var index = end - 1
        while index > floor {
            if grammar.isComma(context.tokens[index], scalars: context.scalars) { return index + 1 }
            index -= 1
        }
        return floor
    }
}
