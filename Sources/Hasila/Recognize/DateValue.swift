import Foundation

/// A calendar date as precise as the text gives it: a year, a month of a year, or a day.
public struct DateValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// Parses "yyyy", "yyyy-mm" or "yyyy-mm-dd".
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        var month: Int?, day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), (1...31).contains(d) else { return nil }
            day = d
        }
        self.init(year: year, month: month, day: day)
    }

    /// ISO form at the date's own precision.
    public var description: String {
        var text = String(year)
        if let month {
            text += month < 10 ? "-0\(month)" : "-\(month)"
            if let day { text += day < 10 ? "-0\(day)" : "-\(day)" }
        }
        return text
    }

    public static func < (a: DateValue, b: DateValue) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }
}

extension DateValue {
    /// The first day the date covers: itself for a day, the 1st for a month, 1 January for a year.
    public var firstDay: DateValue { DateValue(year: year, month: month ?? 1, day: day ?? 1) }

    /// The last day the date covers: itself for a day, the month's last day, 31 December for a year.
    public var lastDay: DateValue {
        if let day, let month { return DateValue(year: year, month: month, day: day) }
        let month = self.month ?? 12
        let next = month == 12 ? RelativeDateResolver.days(year + 1, 1, 1) : RelativeDateResolver.days(year, month + 1, 1)
        return RelativeDateResolver.date(fromDays: next - 1)
    }

    /// Parses a document date as archives write it: "yyyy-mm-dd", optionally followed by a time
    /// ("2015-07-22 10:04:16", "2015-07-22T10:04:16Z"); nil for anything else, or a day the month lacks.
    public init?(documentDate text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let scalars = Array(trimmed.unicodeScalars)
        guard scalars.count >= 10 else { return nil }
        if scalars.count > 10 {
            guard scalars[10] == " " || scalars[10] == "T" else { return nil }
            let time = String(String.UnicodeScalarView(scalars[11...]))
            guard !time.isEmpty, time.unicodeScalars.allSatisfy({ "0123456789:.+-Z ".unicodeScalars.contains($0) }),
                  time.unicodeScalars.first.map({ CharacterSet.decimalDigits.contains($0) }) == true else { return nil }
        }
        guard let value = DateValue(iso: String(String.UnicodeScalarView(scalars[0..<10]))), let month = value.month, let day = value.day,
              day <= DateValue(year: value.year, month: month).lastDay.day! else { return nil }
        self = value
    }
}
