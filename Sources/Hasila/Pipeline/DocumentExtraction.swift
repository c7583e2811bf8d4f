/// Everything Hasila found in one document: its figures and its date mentions.
public struct DocumentExtraction: Sendable {
    public internal(set) var document: String
    public var figures: [Figure]
    public var dates: [DateMention]
    /// The document's date (`doc_date`): its own (a JSON line's `date`, `--doc-dates`), else its
    /// dateline, else the run's `--date`; nil when there is none.
    public var documentDate: DateValue?
    /// How many figures and dates of the document came before these (a document read in sections):
    /// the n-th figure here is the document's record `firstFigure + n + 1`. Parents are document-wide.
    public var firstFigure = 0
    public var firstDate = 0
}
