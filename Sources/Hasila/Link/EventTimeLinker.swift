/// Gives each figure `when`: the days of the event it counts, as precise as the text allows.
///
/// 1. Its `period`, when its sentence states one (`stated`): an open end is closed by the document date.
/// 2. Else the relative dates of its own sentence resolved against the document date (`relative`):
///    "أمس" the day before, "الشهر الماضي" that month, "الأسبوع الماضي" the seven days before the
///    document date; with several, the one nearest the figure, "اليوم" only when there is no other.
/// 3. Else the document date itself (`document`).
///
/// A breakdown takes its total's `when`, as it takes its period. No date at all: nil.
struct EventTimeLinker {
    var trace: DecisionTrace?

    /// `documentDate`: the document's date (its own, a manifest's, its dateline's or the run's `--date`).
    /// `dateline`: the dateline's mention: the period it gives the figures of its sentence
    /// ("حلب - 2 شباط 2018: قتل 8 مدنيين أمس") dates the story, not the event, so `when` looks past it.
    func link(_ drafts: inout [FigureDraft], dates: [DateMention], tokens: [Token], documentDate: DateValue?, dateline: DateMention? = nil) {
        let datelineSentence = dateline.map { tokens[$0.tokens.lowerBound].sentence }
        let datelinePeriod = dateline.map { $0.days ?? Period(start: $0.value, end: $0.value) }
        // The resolved relative dates of each sentence, as (first token, last token + 1, days).
        // "Today" (اليوم) mostly dates what is said ("قالت الأمم المتحدة اليوم إن …"), so it yields to any other relative date of its sentence.
        var relatives: [Int32: [(begin: Int, end: Int, when: EventTime, today: Bool)]] = [:]
        for date in dates where date.relative {
            guard let when = days(of: date, documentDate: documentDate) else { continue }
            let today = date.relativeKind == .offset(.day, 0)
            relatives[tokens[date.tokens.lowerBound].sentence, default: []].append((date.tokens.lowerBound, date.tokens.upperBound, when, today))
        }
        let document = documentDate.map { EventTime(covering: $0, basis: .document) }
        for index in drafts.indices {
            let figure = drafts[index].figure
            let fromDateline = drafts[index].sentence == datelineSentence && figure.period == datelinePeriod
            if let period = figure.period, !fromDateline {
                // A span given backwards ("منذ آذار 2021 حتى 31/12/2019") is read forwards.
                var (from, to) = (period.start, period.end)
                if let first = from, let last = to, last < first { (from, to) = (last, first) }
                let start = from?.firstDay
                var end = to?.lastDay
                if end == nil, let start, let closing = documentDate?.lastDay, closing >= start { end = closing }
                drafts[index].figure.when = EventTime(start: start, end: end, basis: .stated)
            } else if let all = relatives[drafts[index].sentence] {
                let position = drafts[index].mention.tokens.lowerBound
                let others = all.filter { !$0.today }
                let candidates = others.isEmpty ? all : others
                func distance(_ c: (begin: Int, end: Int, when: EventTime, today: Bool)) -> Int {
                    position < c.begin ? c.begin - position : (position >= c.end ? position - c.end + 1 : 0)
                }
                let nearest = candidates.min { distance($0) < distance($1) }!
                drafts[index].figure.when = nearest.when
                trace?.note(position, .when, "the nearest relative date of its sentence", words: nearest.begin..<nearest.end,
                            value: describe(nearest.when))
            } else {
                drafts[index].figure.when = document
                if let document { trace?.note(drafts[index].mention.tokens.lowerBound, .when, "no date in its sentence: the document's", value: describe(document)) }
            }
        }
        // Then breakdowns, whose total may come after them ("من أصل 32").
        for index in drafts.indices {
            if let parent = drafts[index].figure.parent { drafts[index].figure.when = drafts[parent].figure.when }
        }
    }

    private func describe(_ when: EventTime) -> String {
        "\(when.start?.description ?? "null")..\(when.end?.description ?? "null") \(when.basis.rawValue)"
    }

    /// The days a resolved relative date covers; nil when it could not be resolved.
    private func days(of date: DateMention, documentDate: DateValue?) -> EventTime? {
        if let value = date.value { return EventTime(covering: value, basis: .relative) }
        // A week has no ISO value: the seven days before the document date for "the last week",
        // the seven ending on it for "this week", the seven after it for "next week".
        guard case .offset(.week, let offset)? = date.relativeKind, let reference = documentDate,
              let month = reference.month, let day = reference.day else { return nil }
        let today = RelativeDateResolver.days(reference.year, month, day)
        let first = offset < 0 ? today + 7 * offset : (offset == 0 ? today - 6 : today + 1 + 7 * (offset - 1))
        return EventTime(start: RelativeDateResolver.date(fromDays: first), end: RelativeDateResolver.date(fromDays: first + 6), basis: .relative)
    }
}
