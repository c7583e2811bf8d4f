/// One item of the document stream: a document to extract from, or one that could not be read.
public enum DocumentInput: Sendable {
    case document(Document)
    case failure(DocumentFailure)
    /// A JSON line not parsed yet: parsed by whichever worker extracts it (`DocumentReader.parse`).
    case line(PendingLine)
}

/// The bytes of one JSON line and where they came from.
public struct PendingLine: Sendable {
    let bytes: [UInt8]
    let file: SourceFile
    let number: Int

    /// Line `number` (1-based) of `file`, not parsed yet.
    public init(bytes: [UInt8], file: SourceFile, number: Int) {
        self.bytes = bytes
        self.file = file
        self.number = number
    }
}
