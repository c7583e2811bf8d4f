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
    /// Who the text holds responsible for the act the figure counts, in the order written (`ActorLinker`).
    public var actors: [LinkedName] = []
    /// Where it happened: a first-level division (ISO 3166-2) or a country (ISO 3166-1), or nil (`PlaceLinker`).
    public var place: LinkedName?
    /// ISO 3166-1 alpha-2, upper case: the place's country, else the document's; nil when neither is known.
    public var country: String?
    /// Who reports the figure: the nearest attribution in its sentence, else the document's first (`SourceLinker`).
    public var source: LinkedName?
}

extension Figure {
    /// Moves the linked names' spans by `offset` code points (a section's place in its document).
    mutating func shiftLinkedNames(by offset: Int) {
        func shift(_ name: inout LinkedName) { name.range = (name.range.lowerBound + offset)..<(name.range.upperBound + offset) }
        for index in actors.indices { shift(&actors[index]) }
        if place != nil { shift(&place!) }
        if source != nil { shift(&source!) }
    }
}
