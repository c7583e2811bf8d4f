import Foundation

/// Turns the paths a user gives into documents, folders recursively, in a deterministic order
/// (sorted by id within each path given).
public enum DocumentCollector {
    public static let textExtensions: Set<String> = ["txt", "text"]

    public static func collect(_ paths: [String]) throws -> [SourceDocument] {
        var documents: [SourceDocument] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw HasilaError.missingPath(path: path)
            }
            if isDirectory.boolValue {
                guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                    throw HasilaError.unreadableFile(path: path, reason: "cannot list the folder")
                }
                var found: [SourceDocument] = []
                for case let relative as String in enumerator {
                    let url = URL(fileURLWithPath: relative)
                    guard textExtensions.contains(url.pathExtension.lowercased()) else { continue }
                    let full = (path as NSString).appendingPathComponent(relative)
                    // A link to nowhere is still a document the user gave: reading it reports the problem.
                    var isDir: ObjCBool = false
                    if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), isDir.boolValue { continue }
                    found.append(SourceDocument(id: url.deletingPathExtension().relativePath, path: full))
                }
                documents.append(contentsOf: found.sorted { $0.id < $1.id })
            } else {
                let url = URL(fileURLWithPath: path)
                documents.append(SourceDocument(id: url.deletingPathExtension().lastPathComponent, path: path))
            }
        }
        return documents
    }

    /// Reads a document's text as code points. Invalid UTF-8 becomes U+FFFD, reported as a warning.
    public static func read(_ document: SourceDocument) throws -> (scalars: [UInt32], warning: String?) {
        guard let data = FileManager.default.contents(atPath: document.path) else {
            throw HasilaError.unreadableFile(path: document.path, reason: "cannot read")
        }
        let decoded = data.withUnsafeBytes { raw in
            UTF8Encoding.decodeScalars(raw.bindMemory(to: UInt8.self))
        }
        let warning = decoded.firstInvalid.map { "\(document.path): invalid UTF-8 at byte \($0); replaced with U+FFFD" }
        return (decoded.scalars, warning)
    }
}
