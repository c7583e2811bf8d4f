/// A file to read: where it is, its format, and the id its documents carry.
public struct SourceFile: Sendable, Equatable {
    /// The file's path relative to the folder given, without its format's extensions; a single
    /// file: its name without them; stdin: "-".
    public let id: String
    public let path: String
    public let format: InputFormat
    /// Why the path cannot be read at all (it does not exist, a folder cannot be listed): reading
    /// it gives a failure for this path alone, and the other paths go on.
    public var problem: String?

    public init(id: String, path: String, format: InputFormat, problem: String? = nil) {
        self.id = id
        self.path = path
        self.format = format
        self.problem = problem
    }
}
