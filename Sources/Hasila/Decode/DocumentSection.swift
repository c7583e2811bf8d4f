/// Where a part of a long document stands in it: a plain-text file larger than
/// `DocumentReader.sectionBytes` is handed over in sections cut at blank lines after a full stop,
/// so that memory holds one section, not a whole book-length report.
public struct DocumentSection: Sendable, Equatable {
    /// 0 for the first section.
    public let index: Int
    /// Code points of the document before this section (the base of its offsets).
    public let offset: Int
    /// No section follows.
    public let isLast: Bool
}
