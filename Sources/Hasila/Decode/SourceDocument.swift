/// A document to read: where it is and the id its records carry.
public struct SourceDocument: Sendable, Equatable {
    /// The file's path relative to the folder given, without its extension; a single file: its name without extension.
    public let id: String
    public let path: String
}
