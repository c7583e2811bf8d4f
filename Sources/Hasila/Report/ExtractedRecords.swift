import Foundation

/// The records `hasila extract` would write for some documents, with their texts, kept in memory
/// (for `hasila show` without a records file). A sink for the archive runner, so that ids (roots
/// in front, "~2" for a taken one) and parents are exactly those of an extraction of the same paths.
public final class ExtractedRecords: RecordSink {
    let wanted: (String) -> Bool
    let writer = RecordWriter(includeDates: true)
    /// The wanted documents' records, figures then dates, in the order written.
    public private(set) var records: [ReportRecord] = []
    /// The wanted documents' texts, as code points (a long text's sections joined).
    public private(set) var texts: [String: [UInt32]] = [:]
    /// Documents that could not be read, with the reason.
    public private(set) var failures: [DocumentFailure] = []

    /// `wanted` says which documents (by id) to keep.
    public init(wanted: @escaping (String) -> Bool) { self.wanted = wanted }

    public var renderer: RecordRenderer? { nil }
    public func write(rendered: [UInt8]) throws {}

    public func write(_ extraction: DocumentExtraction, of document: Document) throws {
        guard wanted(extraction.document) else { return }
        if (document.section?.index ?? 0) == 0 {
            texts[extraction.document] = document.scalars
        } else {
            texts[extraction.document, default: []] += document.scalars
        }
        let bytes = writer.lines(for: extraction, meta: document.meta)
        for (number, line) in bytes.split(separator: 0x0A).enumerated() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
            records.append(try RecordFile.parse(object, path: document.path, line: number + 1))
        }
    }

    public func write(_ failure: DocumentFailure) throws { failures.append(failure) }
    public func checkpoint(documents: Int) throws {}
    public func finish() throws {}
}
