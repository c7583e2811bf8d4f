/// Reads the act that governs a figure: the closest act in its clause before it (a whole phrase such as
/// "مقتل وإصابة" when one covers the word reached first), or, failing one, the closest outcome noun; or
/// the act after it whose subject the figure is ("أن 9 أشخاص لقوا حتفهم"). What the act then decides
/// (overriding a group, an outcome, a unit) is the figure reader's.
struct ActReader {
    let grammar: Grammar

    /// An act (or outcome) read around a figure: its key and role, where it stands, whether it governs the
    /// figure at once, and the category rule (payload) that named it.
    struct Act {
        let key: String
        let role: CategoryEntry.Role
        let at: Int
        let end: Int
        /// Before the figure: a few words at most between them. After it: nothing but an aside between.
        let adjacent: Bool
        let rule: Int
    }

    /// The closest act in the clause before `end` (exclusive), back to `floor`; failing that, the closest outcome noun.
    /// `skipping`: the previous figure's own phrase, which speaks of that figure, not this one.
    func before(_ end: Int, floor: Int, tokens: [Token], skipping: Range<Int>) -> Act? {
        var outcome: Act?
        var index = end - 1
        while index >= floor {
            // A new clause began here: what comes before it is another clause's act.
            if tokens[index].kind == .word, grammar.longest(grammar.tables.clauseBoundaries, in: tokens, from: index, limit: end) != nil { break }
            if skipping.contains(index) { index -= 1; continue }
            if tokens[index].kind == .word, let match = covering(index, floor: floor, end: end, tokens: tokens) {
                let entry = grammar.tables.categoryPayloads[match.payloads[0]]
                // Adjacent: the act governs the figure, a few words (a time, a qualifier) at most between them.
                let adjacent = end - match.end <= ActReader.governingGap
                let act = Act(key: entry.key ?? CategoryResolver.null, role: entry.role, at: match.begin, end: match.end,
                              adjacent: adjacent, rule: match.payloads[0])
                if entry.role == .event { return act }
                if entry.role == .outcome && outcome == nil { outcome = act }
                index = match.begin
            }
            index -= 1
        }
        return outcome
    }

    /// The category phrase that covers `index`, read walking back: one that begins up to three words earlier
    /// and reaches past it wins ("مقتل وإصابة" is one act, not "إصابة" alone).
    private func covering(_ index: Int, floor: Int, end: Int, tokens: [Token]) -> (begin: Int, end: Int, payloads: [Int])? {
        // Most words name no category: look further back only around one that does.
        guard let own = grammar.longest(grammar.tables.categories, in: tokens, from: index, limit: end) else { return nil }
        var start = max(floor, index - 3)
        while start < index {
            if tokens[start].kind == .word, let match = grammar.longest(grammar.tables.categories, in: tokens, from: start, limit: end),
               match.end > index { return (start, match.end, match.payloads) }
            start += 1
        }
        return (index, own.end, own.payloads)
    }

    /// How many words may stand between an act and the figure it governs ("احتجزت خلال الأشهر الأخيرة 3 آلاف لاجئ").
    static let governingGap = 4

    /// How many words after a figure's phrase its act may stand ("ثلاثة مدنيين وثلاثة رجال شرطة قتلوا").
    static let forwardReach = 10

    /// The first act (or, failing one, outcome) after `start` in the same sentence and clause: the verb whose
    /// subject the figure is. `adjacent`: nothing but punctuation and a comma-delimited aside (a breakdown
    /// "، بينهم امرأتان،") stands between the phrase and the act.
    func after(_ start: Int, sentence: Int32, tokens: [Token], scalars: [UInt32]) -> Act? {
        var index = start
        var words = 0
        var insideAside = false
        var wordsOutsideAside = 0
        while index < tokens.count, words < ActReader.forwardReach, tokens[index].sentence == sentence {
            let token = tokens[index]
            if token.kind == .punctuation {
                let code = scalars[Int(token.start)]
                if code == 0x060C || code == 0x2C { insideAside.toggle() }
                index += 1
                continue
            }
            if token.kind == .word, grammar.longest(grammar.tables.clauseBoundaries, in: tokens, from: index) != nil { return nil }
            // An unknown word glued to و ("وباشرت") is most often a verb that opens the next clause.
            if token.kind == .word, !token.isKnown, grammar.opensWithConjunction(token, scalars: scalars) { return nil }
            // Another figure not joined to this one by و, or a breakdown that no comma sets apart, begins
            // another statement: "توفي منها 471 وشفيت 585", "8 حالات منها 4 حالات وفاة".
            if token.kind == .number, index > 0, !grammar.startsWithConjunction(token),
               !grammar.isConjunction(tokens[index - 1]) { return nil }
            if token.kind == .word, !insideAside, grammar.longest(grammar.tables.breakdownsBeforeForward, in: tokens, from: index) != nil
                || grammar.longest(grammar.tables.breakdownsAfter, in: tokens, from: index) != nil { return nil }
            // A qualifier after the noun ("13 شخصا على الأقل جرحوا") stands between a subject and its verb.
            if token.kind == .word, let cue = grammar.longest(grammar.tables.qualifiersAfter, in: tokens, from: index) {
                index = cue.end
                continue
            }
            if token.kind == .word, let match = grammar.longest(grammar.tables.categories, in: tokens, from: index) {
                let entry = grammar.tables.categoryPayloads[match.payloads[0]]
                if entry.role == .event || entry.role == .outcome {
                    // "قتل 18 شخصا وأصيب …": an act joined by و opens the next clause; it is not this figure's.
                    // "…، لجأ معظمهم": an act after a comma that no second comma closes begins another clause.
                    if grammar.startsWithConjunction(token) || insideAside { return nil }
                    // "1071 حالة توفي منها 471": an act followed by a breakdown cue is the part's, not the total's.
                    if grammar.longest(grammar.tables.breakdownsAfter, in: tokens, from: match.end) != nil { return nil }
                    return Act(key: entry.key ?? CategoryResolver.null, role: entry.role, at: index, end: match.end,
                               adjacent: wordsOutsideAside == 0, rule: match.payloads[0])
                }
                words += match.end - index
                if !insideAside { wordsOutsideAside += 1 }
                index = match.end
                continue
            }
            words += 1
            if !insideAside { wordsOutsideAside += 1 }
            index += 1
        }
        return nil
    }
}
