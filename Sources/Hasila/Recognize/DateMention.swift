/// A date written in the text: its tokens, its value (Gregorian, as precise as the text) and
/// whether it needed a reference date to mean anything.
public struct DateMention: Sendable, Equatable {
    public enum Calendar: String, Sendable {
        case gregorian
        case islamic
    }
    /// Token range, half-open.
    let tokens: Range<Int>
    /// The Gregorian value, or nil for a relative date not resolved against a document date.
    public var value: DateValue?
    public var calendar: Calendar
    /// True when the date needs a reference date (أمس، الشهر الماضي، "19 سبتمبر" with no year).
    public var relative: Bool
    /// Original code-point span and text (filled by the extractor).
    public var range: Range<Int> = 0..<0
    public var text: String = ""
    /// For the two ends of a span ("منذ … حتى …"): the span they state.
    public var rangeStart: DateValue?
    public var rangeEnd: DateValue?
    /// The relative word's meaning, for resolving it against a document date.
    var relativeKind: RelativeKind?
    /// The exact days a mention covers when its value cannot say them: a Hijri month runs across two
    /// Gregorian months ("محرم 1440هـ" is 2018-09-11 to 2018-10-10), and periods use these days.
    var days: Period?

    /// What a relative date says, when it can be resolved against a document date.
    enum RelativeKind: Sendable, Equatable {
        /// So many days, weeks, months or years from the document date (أمس، الشهر الماضي).
        case offset(RelativeUnit, Int)
        /// A day and month with no year ("19 سبتمبر"): the last such day on or before the document date.
        case dayMonth(day: Int, month: Int)
        /// A month with no year ("سبتمبر الماضي"): the last (-1), current (0) or next (1) such month; nil: the last on or before.
        case month(Int, direction: Int?)
        /// A weekday ("الخميس", "الخميس الماضي"): the last such day on or before (nil) or before (-1) the document date.
        case weekday(Int, direction: Int?)
        /// Nothing a document date can resolve (a Hijri month alone).
        case other
    }

    /// An absolute date with its year: the only kind that can bound a period.
    var isAbsolute: Bool { !relative && value != nil }
}
