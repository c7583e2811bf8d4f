/// A document `hasila extract` could not read, as its error record or errors report gave it.
public struct SkippedDocument: Sendable, Equatable {
    public let doc: String
    public let path: String
    public let line: Int?
    public let reason: String

    public init(doc: String, path: String, line: Int?, reason: String) {
        self.doc = doc
        self.path = path
        self.line = line
        self.reason = reason
    }
}
