/// A figure or date record as the report reads it back from what `hasila extract` wrote (JSON
/// lines or SQLite): the fields the page shows, plus the who/where/source fields (`place`,
/// `actors`, `source` as keys, and `country`) that records may carry.
public struct ReportRecord: Sendable, Equatable {
    public enum Kind: String, Sendable { case figure, date }

    public var kind: Kind
    public var id: String
    public var doc: String
    public var text: String
    /// Code-point offsets into the document's text, half-open.
    public var start: Int
    public var end: Int
    /// A figure's number (0 for a date).
    public var value: Int = 0
    public var qualifier: String?
    /// A taxonomy key, or nil for a figure whose category was not decided.
    public var category: String?
    public var noun: String?
    public var parent: String?
    /// A figure's period, ISO at the text's precision; either side may be nil.
    public var periodStart: String?
    public var periodEnd: String?
    /// A date's value (ISO), calendar and whether it is relative.
    public var dateValue: String?
    public var calendar: String?
    public var relative = false
    /// Where, who and who reports it: keys, when the records carry them.
    public var place: String?
    public var actors: [String] = []
    public var source: String?
    /// ISO 3166-1 alpha-2 of the figure's country, when the records carry it.
    public var country: String?
    /// A figure's sentence, code-point offsets into the document's text, when the records carry it.
    public var sentenceStart: Int?
    public var sentenceEnd: Int?

    public init(kind: Kind, id: String, doc: String, text: String, start: Int, end: Int) {
        self.kind = kind
        self.id = id
        self.doc = doc
        self.text = text
        self.start = start
        self.end = end
    }

    /// The category's first key ("killed" for "killed.civilians"), or nil.
    public var mainCategory: String? {
        category.map { key in key.firstIndex(of: ".").map { String(key[..<$0]) } ?? key }
    }
}
