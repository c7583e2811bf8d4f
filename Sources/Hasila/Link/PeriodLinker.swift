/// Gives each figure the period its own sentence states in dates (rules 6).
///
/// A sentence's period is the first span it states: "منذ A" (open end), "من A إلى B",
/// "بين A و B", "حتى B" (open start), or a single date A (A to A). Only dates with their year
/// bound a period; a side without one stays open, and if both are open there is no period.
/// A sentence that points back ("خلال الفترة المذكورة") takes the last period stated before it.
/// A breakdown takes its total's period.
struct PeriodLinker {
    let grammar: Grammar
    var trace: DecisionTrace?

    /// A period a sentence states, and the token where its statement ends.
    struct Anchor {
        let period: Period
        let begin: Int
        let end: Int
    }

    /// Marks the spans between dates on the date mentions and returns each sentence's periods, in order.
    func periods(dates: inout [DateMention], tokens: [Token], scalars: [UInt32]) -> [Int32: [Anchor]] {
        var result: [Int32: [Anchor]] = [:]
        // Dates come in token order, so each sentence's dates are a run of them.
        var runStart = 0
        while runStart < dates.count {
            let sentence = tokens[dates[runStart].tokens.lowerBound].sentence
            var runEnd = runStart + 1
            while runEnd < dates.count, tokens[dates[runEnd].tokens.lowerBound].sentence == sentence { runEnd += 1 }
            let indices = Array(runStart..<runEnd)
            runStart = runEnd
            var anchors: [Anchor] = []
            func add(_ span: Period, begin: Int, end: Int) {
                if span.start != nil || span.end != nil { anchors.append(Anchor(period: span, begin: begin, end: end)) }
            }
            var k = 0
            while k < indices.count {
                let a = indices[k]
                let opening = marker(before: dates[a].tokens.lowerBound, tokens: tokens, sentence: sentence,
                                     floor: k > 0 ? dates[indices[k - 1]].tokens.upperBound : nil)
                if k + 1 < indices.count, closes(between: dates[a].tokens.upperBound, and: dates[indices[k + 1]].tokens.lowerBound, tokens: tokens),
                   opening != nil {
                    let b = indices[k + 1]
                    let span = Period(start: dates[a].isAbsolute ? dates[a].days?.start ?? dates[a].value : nil,
                                      end: dates[b].isAbsolute ? dates[b].days?.end ?? dates[b].value : nil)
                    dates[a].rangeStart = span.start; dates[a].rangeEnd = span.end
                    dates[b].rangeStart = span.start; dates[b].rangeEnd = span.end
                    add(span, begin: dates[a].tokens.lowerBound, end: dates[b].tokens.upperBound)
                    k += 2
                    continue
                }
                let date = dates[a]
                if opening == .since {
                    let span = Period(start: date.isAbsolute ? date.days?.start ?? date.value : nil, end: nil)
                    dates[a].rangeStart = span.start
                    add(span, begin: date.tokens.lowerBound, end: date.tokens.upperBound)
                } else if opening == .until {
                    let span = Period(start: nil, end: date.isAbsolute ? date.days?.end ?? date.value : nil)
                    dates[a].rangeEnd = span.end
                    add(span, begin: date.tokens.lowerBound, end: date.tokens.upperBound)
                } else if date.isAbsolute {
                    // A single date: the figures after it in its sentence happened then.
                    add(date.days ?? Period(start: date.value, end: date.value), begin: date.tokens.lowerBound, end: date.tokens.upperBound)
                }
                k += 1
            }
            if !anchors.isEmpty { result[sentence] = anchors }
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

    /// The period of a figure at token `position`: the sentence's only period, or, when it states
    /// several ("سنة 2016 اعتقال 214، وفي سنة 2018 390"), the one stated nearest the figure.
    private func period(at position: Int, in anchors: [Anchor]) -> Period? {
        if anchors.count == 1 { return anchors[0].period }
        func distance(_ anchor: Anchor) -> Int {
            position < anchor.begin ? anchor.begin - position : (position >= anchor.end ? position - anchor.end + 1 : 0)
        }
        return anchors.min { distance($0) < distance($1) }?.period
    }

    /// Applies sentence periods to figures, with back-references and totals' periods.
    /// `lastPeriod` is the last period stated before these tokens (an earlier section of the document),
    /// and on return the last one stated in them.
    func apply(_ periods: [Int32: [Anchor]], to drafts: inout [FigureDraft], tokens: [Token], lastPeriod: inout Period?) {
        defer {
            if let last = periods.keys.max(), let period = periods[last]?.last?.period { lastPeriod = period }
        }
        guard !drafts.isEmpty else { return }
        // Sentences that point back ("خلال الفترة المذكورة"), found in one pass over the tokens.
        var pointsBack = Set<Int32>()
        if !grammar.tables.periodReferences.isEmpty {
            let references = grammar.tables.periodReferences
            for index in tokens.indices where tokens[index].kind == .word && grammar.canStart(references, tokens[index]) {
                if (grammar.longest(references, in: tokens, from: index) != nil) { pointsBack.insert(tokens[index].sentence) }
            }
        }
        // Drafts come in sentence order: walk them alongside the sentences that state periods.
        let stated = periods.keys.sorted()
        var next = 0
        var previous = lastPeriod
        for index in drafts.indices {
            let sentence = drafts[index].sentence
            while next < stated.count, stated[next] < sentence {
                previous = periods[stated[next]]?.last?.period
                next += 1
            }
            if let anchors = periods[sentence] {
                drafts[index].figure.period = period(at: drafts[index].mention.tokens.lowerBound, in: anchors)
                trace?.note(drafts[index].mention.tokens.lowerBound, .period, "dates stated in its sentence",
                            value: drafts[index].figure.period.map(describe) ?? "null")
            } else if pointsBack.contains(sentence) {
                drafts[index].figure.period = previous
                trace?.note(drafts[index].mention.tokens.lowerBound, .period, "its sentence points back to the period stated before",
                            value: previous.map(describe) ?? "null")
            } else {
                drafts[index].figure.period = nil
            }
        }
        for index in drafts.indices {
            if let parent = drafts[index].figure.parent, drafts[index].figure.period != drafts[parent].figure.period {
                drafts[index].figure.period = drafts[parent].figure.period
                trace?.note(drafts[index].mention.tokens.lowerBound, .period, "its total's period",
                            value: drafts[parent].figure.period.map(describe) ?? "null")
            }
        }
    }

    private func describe(_ period: Period) -> String {
        "\(period.start?.description ?? "null")..\(period.end?.description ?? "null")"
    }
}
