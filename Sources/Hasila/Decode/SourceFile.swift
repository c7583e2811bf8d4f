/// A file to read: where it is, its format, and the id its documents carry.
public struct SourceFile: Sendable, Equatable {
    /// The file's path relative to the folder given, without its format's extensions; a single
    /// file: its name without them; stdin: "-".
    public let id: String
    public let path: String
    public let format: InputFormat

    public init(id: String, path: String, format: InputFormat) {
        self.id = id
        self.path = path
        self.format = format
    }
}
