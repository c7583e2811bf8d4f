/// Gives each figure the period its own sentence states in dates (rules 6).
///
/// A sentence's period is the first span it states: "منذ A" (open end), "من A إلى B",
/// "بين A و B", "حتى B" (open start), or a single date A (A to A). Only dates with their year
/// bound a period; a side without one stays open, and if both are open there is no period.
/// A sentence that points back ("خلال الفترة المذكورة") takes the last period stated before it.
/// A breakdown takes its total's period.
struct PeriodLinker {
    let grammar: Grammar

    /// Marks the spans between dates on the date mentions and returns each sentence's period.
    func periods(dates: inout [DateMention], tokens: [Token], scalars: [UInt32]) -> [Int32: Period] {
        var result: [Int32: Period] = [:]
        var bySentence: [Int32: [Int]] = [:]
        for (i, date) in dates.enumerated() { bySentence[tokens[date.tokens.lowerBound].sentence, default: []].append(i) }
        for (sentence, indices) in bySentence {
            var period: Period?
            var k = 0
            while k < indices.count {
                let a = indices[k]
                let opening = marker(before: dates[a].tokens.lowerBound, tokens: tokens, sentence: sentence,
                                     floor: k > 0 ? dates[indices[k - 1]].tokens.upperBound : nil)
                if k + 1 < indices.count, closes(between: dates[a].tokens.upperBound, and: dates[indices[k + 1]].tokens.lowerBound, tokens: tokens),
                   opening != nil {
                    let b = indices[k + 1]
                    let span = Period(start: dates[a].isAbsolute ? dates[a].value : nil, end: dates[b].isAbsolute ? dates[b].value : nil)
                    dates[a].rangeStart = span.start; dates[a].rangeEnd = span.end
                    dates[b].rangeStart = span.start; dates[b].rangeEnd = span.end
                    if period == nil { period = span }
                    k += 2
                    continue
                }
                if opening == .since {
                    let span = Period(start: dates[a].isAbsolute ? dates[a].value : nil, end: nil)
                    dates[a].rangeStart = span.start
                    if period == nil { period = span }
                } else if opening == .until {
                    let span = Period(start: nil, end: dates[a].isAbsolute ? dates[a].value : nil)
                    dates[a].rangeEnd = span.end
                    if period == nil { period = span }
                }
                k += 1
            }
            if period == nil {
                let absolute = indices.filter { dates[$0].isAbsolute }
                if absolute.count == 1, indices.count == 1 {
                    period = Period(start: dates[absolute[0]].value, end: dates[absolute[0]].value)
                }
            }
            if let found = period, found.start != nil || found.end != nil { result[sentence] = found }
        }
        return result
    }

    private enum Opening { case since, from, until }

    /// The span word before a date, within a few words of it ("منذ تدخلها في 30سبتمبر 2015").
    private func marker(before start: Int, tokens: [Token], sentence: Int32, floor: Int?) -> Opening? {
        var index = start - 1
        let lowest = max(floor ?? 0, start - 4)
        while index >= lowest, tokens[index].sentence == sentence, tokens[index].kind != .number {
            for match in grammar.matches(grammar.tables.dateWords, in: tokens, from: index, limit: start) {
                let words = match.payloads.map { grammar.tables.dateWordPayloads[$0] }
                if words.contains(.since) { return .since }
                if words.contains(.rangeStart) { return .from }
                if words.contains(.rangeEnd), index == start - 1, !grammar.isConjunction(tokens[index]) { return .until }
            }
            index -= 1
        }
        return nil
    }

    private func closes(between end: Int, and start: Int, tokens: [Token]) -> Bool {
        guard start > end, start - end <= 2 else { return false }
        for index in end..<start {
            for match in grammar.matches(grammar.tables.dateWords, in: tokens, from: index, limit: start)
                where match.payloads.contains(where: { grammar.tables.dateWordPayloads[$0] == .rangeEnd }) { return true }
        }
        return false
    }

    /// Applies sentence periods to figures, with back-references and totals' periods.
    func apply(_ periods: [Int32: Period], to drafts: inout [FigureDraft], tokens: [Token]) {
        guard !drafts.isEmpty else { return }
        // Sentences that point back ("خلال الفترة المذكورة"), found in one pass over the tokens.
        var pointsBack = Set<Int32>()
        if !grammar.tables.periodReferences.isEmpty {
            for index in tokens.indices where tokens[index].kind == .word && tokens[index].isKnown
                && !pointsBack.contains(tokens[index].sentence) {
                if (grammar.longest(grammar.tables.periodReferences, in: tokens, from: index) != nil) { pointsBack.insert(tokens[index].sentence) }
            }
        }
        var sentences = Set(periods.keys)
        for draft in drafts { sentences.insert(draft.sentence) }
        var referenced: [Int32: Period] = [:]
        var lastPeriod: Period?
        for sentence in sentences.sorted() {
            if let own = periods[sentence] {
                lastPeriod = own
            } else if pointsBack.contains(sentence), let lastPeriod {
                referenced[sentence] = lastPeriod
            }
        }
        for index in drafts.indices {
            let sentence = drafts[index].sentence
            drafts[index].figure.period = periods[sentence] ?? referenced[sentence]
        }
        for index in drafts.indices {
            if let parent = drafts[index].figure.parent { drafts[index].figure.period = drafts[parent].figure.period }
        }
    }
}
