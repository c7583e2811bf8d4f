import Foundation

/// Turns the paths a user gives into the files to read, folders recursively, in a
/// deterministic order (sorted by id within each path given). "-" stands for JSON lines on stdin.
public enum DocumentCollector {
    public static func collect(_ paths: [String]) throws -> [SourceFile] {
        var files: [SourceFile] = []
        for path in paths {
            if path == "-" {
                files.append(SourceFile(id: "-", path: "-", format: .standardInput))
                continue
            }
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
            guard exists || isLink else { throw HasilaError.missingPath(path: path) }
            if isDirectory.boolValue {
                guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                    throw HasilaError.unreadableFile(path: path, reason: "cannot list the folder")
                }
                var found: [SourceFile] = []
                for case let relative as String in enumerator {
                    guard let format = InputFormat.of(path: relative) else { continue }
                    let full = (path as NSString).appendingPathComponent(relative)
                    // A link to nowhere is still a document the user gave: reading it reports the problem.
                    var isDir: ObjCBool = false
                    if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), isDir.boolValue { continue }
                    found.append(SourceFile(id: strip(relative, format.extensions), path: full, format: format))
                }
                files.append(contentsOf: found.sorted { $0.id < $1.id })
            } else {
                let name = URL(fileURLWithPath: path).lastPathComponent
                let format = InputFormat.of(path: name) ?? InputFormat(kind: .text, gzip: false, extensions: 1)
                files.append(SourceFile(id: strip(name, name.contains(".") ? format.extensions : 0), path: path, format: format))
            }
        }
        return files
    }

    private static func strip(_ name: String, _ extensions: Int) -> String {
        var result = Substring(name)
        for _ in 0..<extensions {
            guard let dot = result.lastIndex(of: "."), dot > result.startIndex,
                  result[..<dot].last != "/" else { break }
            result = result[..<dot]
        }
        return String(result)
    }
}
