/// When the event a figure counts happened (`when` of a record): the days it covers and what
/// they were read from, so that a time series can be built and filtered on how sure it is.
///
/// `start` and `end` are days; `end` is nil for a single day. A month or week is given as its first
/// and last day. A stated period open at its end ("منذ آذار 2011") ends on the document date when
/// there is one; open at its start ("حتى 2015"), `start` is nil.
public struct EventTime: Sendable, Equatable {
    /// What the days were read from.
    public enum Basis: String, Sendable {
        /// The figure's own `period`: dates its sentence states.
        case stated
        /// Relative dates of its sentence (أمس، الأسبوع الماضي) resolved against the document date.
        case relative
        /// Nothing in its sentence: the document's date.
        case document
    }

    public var start: DateValue?
    public var end: DateValue?
    public var basis: Basis

    /// A span the text gives backwards ("منذ آذار 2021 حتى 31/12/2019") is put in order: `when` always
    /// runs forwards, whatever `period` says.
    public init(start: DateValue?, end: DateValue?, basis: Basis) {
        var start = start, end = end
        if let first = start, let last = end, last < first { (start, end) = (last, first) }
        self.start = start
        self.end = end == start ? nil : end
        self.basis = basis
    }

    /// The days a date covers (a day, a month, a year), as a `when` of the given basis.
    init(covering date: DateValue, basis: Basis) {
        self.init(start: date.firstDay, end: date.lastDay, basis: basis)
    }
}
