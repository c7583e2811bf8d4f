/// A document in the review: its records in the order they were written, and its text as read
/// again (nil when --texts did not hold it or it could not be read, with the reason).
public struct ReviewedDocument: Sendable {
    public let id: String
    public var records: [ReportRecord] = []
    public var text: [UInt32]?
    public var missingText: String?

    public init(id: String) { self.id = id }
}
