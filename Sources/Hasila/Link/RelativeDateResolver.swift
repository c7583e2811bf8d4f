/// Resolves relative dates against the document's own date (from `--date`, a JSON-lines "date"
/// field, or a dateline at the top of the document): "أمس" becomes the day before, "الشهر
/// الماضي" the month before, "19 سبتمبر" the last 19 September on or before it. The mention
/// stays `relative: true`; only its `value` is filled, at the precision the words give.
struct RelativeDateResolver {
    let reference: DateValue

    /// Days since 1970-01-01 of a Gregorian date (proleptic), and back.
    static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func date(fromDays z: Int) -> DateValue {
        let shifted = z + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return DateValue(year: era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    func resolve(_ mentions: inout [DateMention]) {
        guard let month = reference.month, let day = reference.day else { return }
        let today = RelativeDateResolver.days(reference.year, month, day)
        for index in mentions.indices where mentions[index].relative {
            guard let kind = mentions[index].relativeKind else { continue }
            mentions[index].value = value(kind, today: today, year: reference.year, month: month, day: day)
        }
    }

    private func value(_ kind: DateMention.RelativeKind, today: Int, year: Int, month: Int, day: Int) -> DateValue? {
        switch kind {
        case .offset(.day, let offset):
            return RelativeDateResolver.date(fromDays: today + offset)
        case .offset(.week, _), .offset(.decade, _):
            return nil  // a week or a decade has no ISO value at this precision
        case .offset(.month, let offset):
            let index = year * 12 + (month - 1) + offset
            return DateValue(year: index / 12, month: index % 12 + 1)
        case .offset(.year, let offset):
            return DateValue(year: year + offset)
        case .dayMonth(let d, let m):
            let sameYear = (m, d) <= (month, day)
            return DateValue(year: sameYear ? year : year - 1, month: m, day: d)
        case .month(let m, let direction):
            switch direction {
            case 0: return DateValue(year: year, month: m)
            case 1: return DateValue(year: m > month ? year : year + 1, month: m)
            case -1: return DateValue(year: m < month ? year : year - 1, month: m)
            default: return DateValue(year: m <= month ? year : year - 1, month: m)
            }
        case .weekday(let weekday, let direction):
            // 1970-01-01 was a Thursday (weekday 5, with Sunday 1).
            let todayWeekday = ((today % 7) + 7 + 4) % 7 + 1
            var back = (todayWeekday - weekday + 7) % 7
            if direction == -1 && back == 0 { back = 7 }
            return RelativeDateResolver.date(fromDays: today - back)
        case .other:
            return nil
        }
    }
}
