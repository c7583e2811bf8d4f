/// What can stop `hasila report`, each naming the file at fault, so a researcher knows which
/// input to look at.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    /// The records file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// A line of a JSON-lines records file is not a record Hasila wrote.
    case badRecord(path: String, line: Int, reason: String)
    /// A SQLite file lacks the tables `hasila extract --format sqlite` writes.
    case notRecords(path: String, reason: String)
    /// A folder or file given with --texts could not be listed or read.
    case unreadableTexts(path: String, reason: String)
    /// The page could not be written.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read the records: \(reason)"
        case .badRecord(let path, let line, let reason): return "\(path):\(line): not a Hasila record: \(reason)"
        case .notRecords(let path, let reason): return "\(path): not a Hasila SQLite file: \(reason)"
        case .unreadableTexts(let path, let reason): return "\(path): cannot read the texts: \(reason)"
        case .unwritable(let path, let reason): return "\(path): cannot write the report: \(reason)"
        }
    }
}
