/// What `hasila report` is asked for, beyond the records file.
public struct ReportOptions: Sendable {
    /// The files and folders the records were extracted from (read again for the review), or
    /// empty when none were given.
    public var texts: [String] = []
    /// The encoding the texts were read with (`extract --encoding`), or nil to detect it.
    public var encoding: String?
    /// How many documents the review shows, the first in the records' order.
    public var maxDocs = 500
    /// Errors reports written by `extract --errors FILE`: their documents are listed as skipped.
    public var errorsReports: [String] = []

    public init(texts: [String] = [], encoding: String? = nil, maxDocs: Int = 500, errorsReports: [String] = []) {
        self.texts = texts
        self.encoding = encoding
        self.maxDocs = maxDocs
        self.errorsReports = errorsReports
    }
}
