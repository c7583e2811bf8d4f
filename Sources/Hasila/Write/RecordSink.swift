/// Where records go, in document order: JSON lines, CSV or SQLite.
public protocol RecordSink: AnyObject {
    /// Renders a document's records to bytes on any thread, for formats that are plain bytes
    /// (JSON lines, CSV); nil for a sink that writes records itself (SQLite).
    var renderer: RecordRenderer? { get }
    /// Bytes a renderer made, in document order.
    func write(rendered: [UInt8]) throws
    /// The records of one document.
    func write(_ extraction: DocumentExtraction, of document: Document) throws
    /// A document that could not be read (written only where errors go inline).
    func write(_ failure: DocumentFailure) throws
    /// Everything up to `documents` documents is written and may be resumed from.
    func checkpoint(documents: Int) throws
    /// Ends the output: flushes and moves it under its final name.
    func finish() throws
}

/// Turns one document's records into output bytes; safe to call from several threads at once.
public protocol RecordRenderer: Sendable {
    func render(_ extraction: DocumentExtraction, of document: Document) -> [UInt8]
}
