/// Everything Hasila found in one document: its figures and its date mentions.
public struct DocumentExtraction: Sendable {
    public let document: String
    public var figures: [Figure]
    public var dates: [DateMention]
}
