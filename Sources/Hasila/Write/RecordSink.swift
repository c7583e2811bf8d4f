/// Where records go, in document order: JSON lines, CSV or SQLite.
public protocol RecordSink: AnyObject {
    /// The records of one document.
    func write(_ extraction: DocumentExtraction, of document: Document) throws
    /// A document that could not be read (written only where errors go inline).
    func write(_ failure: DocumentFailure) throws
    /// Everything up to `documents` documents is written and may be resumed from.
    func checkpoint(documents: Int) throws
    /// Ends the output: flushes and moves it under its final name.
    func finish() throws
}
