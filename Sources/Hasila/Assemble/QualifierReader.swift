/// Decides how a figure is qualified (taxonomy.md, annotation rules 3) from the cues around it: one
/// before it ("ما لا يقل عن 40", also across "عدد" and its noun: "تجاوز عدد الجرحى 29 ألفا", and across
/// a line break that ends no sentence), a range ("بين 400 و450"), and a cue that holds for its whole
/// clause ("في تقديراتها الدنيا"). A cue after the figure or its noun is read with the noun phrase
/// (`CategoryResolver.phrase`). A cue never spreads over a conjunction: a figure joined by و to what
/// precedes it takes none from before the و.
struct QualifierReader {
    let grammar: Grammar

    /// What stands before a figure.
    struct Lead {
        var qualifier = Qualifier.exact
        /// "بين A و B": this figure is the first end of a range.
        var isRange = false
        /// Where the figure's cues begin (its lead token when it has none).
        var cueStart: Int
        /// A conjunction joins the figure to what precedes it.
        var conjoined: Bool
        /// The cue rule (index into `GrammarTables.ruleSources`) and its words, if a cue was read.
        var rule: Int?
        var cueWords: Range<Int>?
    }

    /// Reads the cue ending just before `leadIndex` (the figure, or a postposed number's noun), back to
    /// `cueFloor` (the sentence, or the one before it across a line break that ends no sentence).
    func lead(at leadIndex: Int, floor: Int, cueFloor: Int, tokens: [Token], scalars: [UInt32]) -> Lead {
        var lead = Lead(cueStart: leadIndex, conjoined: grammar.startsWithConjunction(tokens[leadIndex]))
        guard !lead.conjoined else { return lead }
        var p = leadIndex - 1
        while p >= floor, grammar.isSkippable(tokens[p], scalars: scalars) { p -= 1 }
        if p >= floor, grammar.isConjunction(tokens[p]) {
            lead.conjoined = true
            lead.cueStart = p
        } else if p >= cueFloor, let cue = cue(endingAt: p, floor: cueFloor, tokens: tokens) {
            if cue.key == "range" { lead.isRange = true } else { lead.qualifier = Qualifier(rawValue: cue.key) ?? .exact }
            lead.rule = cue.rule
            lead.cueWords = cue.begin..<(p + 1)
            lead.cueStart = cue.begin
            lead.conjoined = grammar.startsWithConjunction(tokens[cue.begin])
            if !lead.conjoined, cue.begin > floor, grammar.isConjunction(tokens[cue.begin - 1]) {
                lead.conjoined = true
                lead.cueStart = cue.begin - 1
            }
        }
        return lead
    }

    /// The qualifier cue that ends at `end` (inclusive), also across "عدد" and its noun ("تجاوز عدد الجرحى 29 ألفا").
    func cue(endingAt end: Int, floor: Int, tokens: [Token]) -> (key: String, begin: Int, rule: Int)? {
        if let cue = grammar.longestBackward(grammar.tables.qualifiersBefore, in: tokens, from: end, floor: floor) {
            return (grammar.tables.qualifierPayloads[cue.payloads[0]], cue.begin, cue.payloads[0])
        }
        for gap in [end - 1, end - 2] where gap > floor {
            guard grammar.longest(grammar.tables.cueGaps, in: tokens, from: gap, limit: gap + 1) != nil,
                  tokens[(gap + 1)...end].allSatisfy({ $0.kind == .word }) else { continue }
            if let cue = grammar.longestBackward(grammar.tables.qualifiersBefore, in: tokens, from: gap - 1, floor: floor) {
                let key = grammar.tables.qualifierPayloads[cue.payloads[0]]
                if key != "range" { return (key, cue.begin, cue.payloads[0]) }
            }
        }
        return nil
    }

    /// A clause-wide cue ("في تقديراتها الدنيا") between the clause start and the figure.
    func clauseCue(before end: Int, floor: Int, tokens: [Token]) -> (key: String, rule: Int, begin: Int, end: Int)? {
        guard !grammar.tables.clauseQualifiers.isEmpty else { return nil }
        var index = end - 1
        while index >= floor {
            if let cue = grammar.longestBackward(grammar.tables.clauseQualifiers, in: tokens, from: index, floor: floor) {
                return (grammar.tables.qualifierPayloads[cue.payloads[0]], cue.payloads[0], cue.begin, index + 1)
            }
            index -= 1
        }
        return nil
    }

    /// The figure's qualifier once its noun phrase is read: the cue before it, else a cue after the figure or
    /// its noun ("40 شخصا على الأقل"), else a cue that holds for its whole clause (read back to `floor`); the
    /// second end of a range takes `forced` whatever its cues say.
    func settle(_ lead: Lead, after phrase: CategoryResolver.Phrase, figure: Int, floor: Int, forced: Qualifier?,
                tokens: [Token], trace: DecisionTrace?) -> Qualifier {
        var qualifier = lead.qualifier
        if qualifier == .exact, let cue = phrase.qualifier, !lead.isRange {
            qualifier = Qualifier(rawValue: cue) ?? .exact
            trace?.note(figure, .qualifier, "cue after the figure or its noun", rule: ruleSource(phrase.qualifierRule), value: cue)
        }
        if qualifier == .exact && !lead.isRange && !lead.conjoined, let cue = clauseCue(before: lead.cueStart, floor: floor, tokens: tokens) {
            qualifier = Qualifier(rawValue: cue.key) ?? .exact
            trace?.note(figure, .qualifier, "cue for the whole clause", rule: ruleSource(cue.rule), words: cue.begin..<cue.end, value: cue.key)
        }
        if let forced {
            qualifier = forced
            trace?.note(figure, .qualifier, "second end of a range", value: forced.rawValue)
        }
        return qualifier
    }

    /// A cue rule's file:line.
    private func ruleSource(_ payload: Int) -> String? { payload >= 0 ? grammar.tables.ruleSources[payload] : nil }
}
