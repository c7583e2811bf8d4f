/// A document that could not be read: it costs only itself. Reported as a warning, in the
/// errors report (`--errors FILE`) and, with `--errors inline`, as an error record.
public struct DocumentFailure: Error, Sendable {
    public let id: String
    public let path: String
    public let line: Int?
    public let reason: String

    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): \(reason)"
    }
}
