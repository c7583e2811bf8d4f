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
                var found: [SourceFile] = []
                try walk(folder: path, relative: "") { relative in
                    guard let format = InputFormat.of(path: relative) else { return }
                    found.append(SourceFile(id: strip(relative, format.extensions), path: (path as NSString).appendingPathComponent(relative),
                                            format: format))
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

    /// Calls `found` with the path (relative to the folder given) of every file under `folder`, recursively.
    /// Reads each folder's entries once with their types (readdir), as 200,000 small files cost one stat
    /// each otherwise; a link is followed to see whether it names a folder (skipped) or a file (kept,
    /// and a link to nowhere too: reading it reports the problem).
    private static func walk(folder: String, relative: String, _ found: (String) throws -> Void) throws {
        let full = relative.isEmpty ? folder : (folder as NSString).appendingPathComponent(relative)
        guard let directory = opendir(full) else {
            if relative.isEmpty { throw HasilaError.unreadableFile(path: folder, reason: "cannot list the folder") }
            return
        }
        var entries: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var isFolder = Int32(entry.pointee.d_type) == DT_DIR
            let type = Int32(entry.pointee.d_type)
            if type == DT_LNK || type == DT_UNKNOWN {
                var status = stat()
                let target = (full as NSString).appendingPathComponent(name)
                // A link to a folder is not descended into (as before), only a real folder is.
                if type == DT_UNKNOWN, lstat(target, &status) == 0 { isFolder = (status.st_mode & S_IFMT) == S_IFDIR }
                if type == DT_LNK, stat(target, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { continue }
            }
            entries.append((name, isFolder))
        }
        closedir(directory)
        for entry in entries {
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            if entry.isFolder { try walk(folder: folder, relative: path, found) } else { try found(path) }
        }
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
