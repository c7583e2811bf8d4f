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
