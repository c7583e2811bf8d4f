/// A month of a year: the unit of the report's time series.
public struct CalendarMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The month of an ISO date "yyyy-mm" or "yyyy-mm-dd"; nil for a year alone or anything else.
    public init?(iso: String?) {
        guard let iso, let value = DateValue(iso: String(iso.prefix(10))), let month = value.month else { return nil }
        self.init(year: value.year, month: month)
    }

    /// Months since year 0, so that ranges of months are ranges of integers.
    public var ordinal: Int { year * 12 + month - 1 }

    public init(ordinal: Int) {
        self.init(year: ordinal / 12, month: ordinal % 12 + 1)
    }

    public var description: String { month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)" }

    public static func < (a: CalendarMonth, b: CalendarMonth) -> Bool { a.ordinal < b.ordinal }
}
