/// A counted figure: what was counted, how it was qualified, which total it breaks down and
/// over which dates, with its exact place in the original text.
///
/// `range` and `sentence` are in code points of the original, un-normalised document (as
/// Python's `str` indexes it), half-open: `text == original[range]`.
public struct Figure: Sendable, Equatable {
    public var value: Int
    public var range: Range<Int>
    public var text: String
    public var qualifier: Qualifier
    /// A taxonomy key, or nil when the count fits none.
    public var category: String?
    /// The counted noun as written, when one was found.
    public var noun: String?
    /// Index (in the document's figures) of the total this figure breaks down.
    public var parent: Int?
    public var period: Period?
    public var sentence: Range<Int>
    /// When the counted event happened, for time series: the period, else the sentence's relative
    /// dates, else the document's date (`EventTimeLinker`); nil when there is none of them.
    public var when: EventTime? = nil
    /// A running total since a start date ("منذ بدء الحرب", "ارتفعت الحصيلة إلى"), not one event (`CumulativeReader`).
    public var cumulative = false
    /// Index (in the document's figures) of the earliest earlier figure with the same value, category
    /// and period: the same count said again, which a sum must not add twice (`RepeatLinker`).
    public var repeats: Int? = nil
}
