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

    /// What a relative date says, when it can be resolved against a document date.
    enum RelativeKind: Sendable, Equatable {
        case dayMonth(day: Int, month: Int)
        case other
    }

    /// An absolute date with its year: the only kind that can bound a period.
    var isAbsolute: Bool { !relative && value != nil }
}
