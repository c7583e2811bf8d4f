/// How a file's bytes hold documents, decided by its name: plain text, HTML (tags stripped),
/// or JSON lines (one document per line), each possibly gzip-compressed.
public struct InputFormat: Sendable, Equatable {
    public enum Kind: String, Sendable { case text, html, jsonLines = "jsonl" }
    public let kind: Kind
    public let gzip: Bool
    /// How many trailing extensions name the format (".txt.gz" is two): dropped from the document id.
    let extensions: Int

    /// The format of a path, or nil for a file Hasila does not read (skipped when walking a folder).
    public static func of(path: String) -> InputFormat? {
        let parts = path.lowercased().split(separator: "/").last?.split(separator: ".").map(String.init) ?? []
        guard parts.count >= 2 else { return nil }
        var gzip = false
        var index = parts.count - 1
        if parts[index] == "gz" {
            gzip = true
            index -= 1
            guard index >= 1 else { return nil }
        }
        let kind: Kind
        switch parts[index] {
        case "txt", "text": kind = .text
        case "html", "htm", "xhtml": kind = .html
        case "jsonl", "ndjson": kind = .jsonLines
        default: return nil
        }
        return InputFormat(kind: kind, gzip: gzip, extensions: gzip ? 2 : 1)
    }

    /// The extensions Hasila reads, as a user is told them.
    public static let supportedExtensions = ".txt, .text, .html, .htm, .xhtml, .jsonl, .ndjson, and any of them .gz"

    /// JSON lines on stdin ("-").
    public static let standardInput = InputFormat(kind: .jsonLines, gzip: false, extensions: 0)
}
