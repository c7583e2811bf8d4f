/// The errors a user can act on, each naming what went wrong and where.
public enum HasilaError: Error, CustomStringConvertible, Equatable {
    /// A file could not be opened or read.
    case unreadableFile(path: String, reason: String)
    /// A path given on the command line does not exist.
    case missingPath(path: String)
    /// A grammar file is malformed (see `GrammarDiagnostic` for line, column and caret).
    case grammar([GrammarDiagnostic])
    /// No grammar folder could be found.
    case grammarsNotFound(searched: [String])
    /// A gold file could not be read.
    case badGold(path: String, line: Int, reason: String)
    /// A line of a `--doc-dates` manifest that cannot be read (line 0: the file as a whole).
    case badManifest(path: String, line: Int, reason: String)
    /// A document is larger than `--max-bytes`.
    case tooLarge(path: String, limit: Int)
    /// An encoding name ICU does not know (`--encoding`).
    case unknownEncoding(name: String)
    /// An output could not be written.
    case unwritable(path: String, reason: String)
    /// An output path that must not be written (a folder, a device, an input), found before any work.
    case badOutput(path: String, option: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason): return "\(path): cannot read: \(reason)"
        case .missingPath(let path): return "\(path): no such file or folder"
        case .grammar(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
        case .grammarsNotFound(let searched):
            return "no grammar folder found; give --grammars DIR or set HASILA_GRAMMARS (searched: \(searched.joined(separator: ", ")))"
        case .badGold(let path, let line, let reason): return "\(path):\(line): bad gold record: \(reason)"
        case .badManifest(let path, let line, let reason): return "\(path)\(line > 0 ? ":\(line)" : ""): bad --doc-dates manifest: \(reason)"
        case .tooLarge(let path, let limit): return "\(path): larger than --max-bytes \(limit); skipped (this kind of document is held whole in memory, about 13 times its size: raise --max-bytes to read it)"
        case .unknownEncoding(let name): return "unknown encoding '\(name)' (give a name ICU knows, e.g. windows-1256, ISO-8859-6, UTF-16LE)"
        case .unwritable(let path, let reason): return "\(path): cannot write: \(reason)"
        case .badOutput(let path, let option, let reason): return "\(option) \(path): refused before any work: \(reason)"
        }
    }
}
