/// A document ready for extraction: its id, its text as code points (the unit of every
/// offset), and what the source said of it.
public struct Document: Sendable {
    /// Unique in a run: a second document with the same id gets "~2" appended (`ArchiveRunner`).
    public internal(set) var id: String
    public let path: String
    /// The line of a JSON-lines file the document came from (1-based), or nil.
    public let line: Int?
    public let scalars: [UInt32]
    /// The document's own date ("date" of a JSON line), for resolving relative dates.
    public let date: DateValue?
    /// The other fields of a JSON line, as a JSON object's text, passed through to its records.
    public let meta: String?
    /// Bytes read for it (for throughput).
    public let byteCount: Int
    public let warnings: [String]
    /// For a long text read in sections: which part of it this is; nil for a whole document.
    public var section: DocumentSection? = nil
}
