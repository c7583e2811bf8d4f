/// A record the review cannot highlight, and why: its text is not what the re-read document
/// holds at its span (the texts changed, or were read otherwise), its span overlaps another's
/// without nesting, or its document's text is missing. It is listed with its document, never
/// shifted to where its text might be.
public struct FlaggedRecord: Sendable {
    public enum Reason: String, Sendable {
        case mismatch = "text does not match"
        case outOfRange = "span outside the text"
        case overlap = "overlaps another highlight"
        case noText = "document text not read"
    }

    public let record: ReportRecord
    public let reason: Reason
    /// What the re-read text holds at the record's span (for a mismatch).
    public let found: String?

    public init(record: ReportRecord, reason: Reason, found: String? = nil) {
        self.record = record
        self.reason = reason
        self.found = found
    }
}
