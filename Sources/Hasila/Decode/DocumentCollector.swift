import Foundation

/// Turns the paths a user gives into the files to read, folders recursively, in a
/// deterministic order (sorted by id within each path given). "-" stands for JSON lines on stdin.
///
/// A path that does not exist, and a file given by name whose extension Hasila does not read
/// (`notes.pdf`), become files whose reading fails (an error for that path alone; the others go
/// on). A file of such a kind inside a folder is left out and handed to `unsupported`, so that the
/// run can say how many it passed over; hidden files (a name starting with ".") are left out
/// silently, as system files (.DS_Store). A file given by name without any extension is read as
/// plain text. Special files in a folder (named pipes, sockets, devices) and symbolic link
/// loops are skipped with a warning: reading a pipe nobody writes to would wait forever.
public enum DocumentCollector {
    /// `distinguishRoots`: with several paths, a document found under a folder has the folder (as
    /// given) in front of its id ("2019/report" for `extract 2019 2020`), so the same file name under
    /// two folders gives two ids. One path keeps ids relative to it.
    /// `unsupported` gets the path of each file inside a folder that Hasila does not read.
    public static func collect(_ paths: [String], distinguishRoots: Bool = false,
                               warning: (String) -> Void = { _ in },
                               unsupported: (String) -> Void = { _ in }) throws -> [SourceFile] {
        var files: [SourceFile] = []
        let prefixed = distinguishRoots && paths.count > 1
        for path in paths {
            if path == "-" {
                files.append(SourceFile(id: "-", path: "-", format: .standardInput))
                continue
            }
            var status = stat()
            if stat(path, &status) != 0 {
                let reason = errno == ENOENT ? "no such file or folder"
                    : errno == ELOOP ? "a symbolic link loop" : String(cString: strerror(errno))
                files.append(SourceFile(id: path, path: path, format: InputFormat(kind: .text, gzip: false, extensions: 0), problem: reason))
                continue
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                var found: [SourceFile] = []
                let root = prefixed ? rootName(path) + "/" : ""
                do {
                    try walk(folder: path, relative: "", warning: warning) { relative in
                        guard let format = InputFormat.of(path: relative) else {
                            let name = relative.split(separator: "/").last ?? Substring(relative)
                            if !name.hasPrefix(".") { unsupported((path as NSString).appendingPathComponent(relative)) }
                            return
                        }
                        found.append(SourceFile(id: root + strip(relative, format.extensions), path: (path as NSString).appendingPathComponent(relative),
                                                format: format))
                    }
                } catch let error as HasilaError {
                    files.append(SourceFile(id: path, path: path, format: InputFormat(kind: .text, gzip: false, extensions: 0),
                                            problem: error.description.hasPrefix(path + ": ") ? String(error.description.dropFirst(path.count + 2)) : error.description))
                    continue
                }
                files.append(contentsOf: found.sorted { $0.id < $1.id })
            } else if let kind = special(status.st_mode) {
                warning("\(path): \(kind), not a regular file; skipped (give - to read JSON lines on stdin)")
            } else {
                let name = URL(fileURLWithPath: path).lastPathComponent
                let hasExtension = name.dropFirst().contains(".")
                guard let format = InputFormat.of(path: name) ?? (hasExtension ? nil : InputFormat(kind: .text, gzip: false, extensions: 0)) else {
                    files.append(SourceFile(id: path, path: path, format: InputFormat(kind: .text, gzip: false, extensions: 0),
                                            problem: "not a kind of file Hasila reads (\(InputFormat.supportedExtensions)); "
                                                + "convert it to text, or rename it if it is plain text"))
                    continue
                }
                files.append(SourceFile(id: strip(name, format.extensions), path: path, format: format))
            }
        }
        return files
    }

    /// A folder given on the command line as it stands in an id: trailing slashes and a leading "./" dropped.
    static func rootName(_ path: String) -> String {
        var name = Substring(path)
        while name.count > 1, name.hasSuffix("/") { name = name.dropLast() }
        while name.hasPrefix("./"), name.count > 2 { name = name.dropFirst(2) }
        return String(name)
    }

    /// What a special file is, or nil for a regular file (or a folder).
    private static func special(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return nil
        }
    }

    /// Calls `found` with the path (relative to the folder given) of every file under `folder`, recursively.
    /// Reads each folder's entries once with their types (readdir), as 200,000 small files cost one stat
    /// each otherwise; a link is followed to see whether it names a folder (skipped), a special file or
    /// a loop (skipped with a warning) or a file (kept, and a link to nowhere too: reading it reports
    /// the problem).
    private static func walk(folder: String, relative: String, warning: (String) -> Void, _ found: (String) throws -> Void) throws {
        let full = relative.isEmpty ? folder : (folder as NSString).appendingPathComponent(relative)
        guard let directory = opendir(full) else {
            if relative.isEmpty { throw HasilaError.unreadableFile(path: folder, reason: "cannot list the folder") }
            warning("\(full): cannot list the folder; skipped")
            return
        }
        var entries: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var isFolder = Int(entry.pointee.d_type) == DT_DIR
            var type = Int(entry.pointee.d_type)
            let target = (full as NSString).appendingPathComponent(name)
            var status = stat()
            if type == DT_UNKNOWN, lstat(target, &status) == 0 {
                switch status.st_mode & S_IFMT {
                case S_IFDIR: type = DT_DIR; isFolder = true
                case S_IFLNK: type = DT_LNK
                case S_IFREG: type = DT_REG
                default: type = DT_FIFO  // some special file: named below
                }
            }
            if type == DT_LNK {
                if stat(target, &status) == 0 {
                    // A link to a folder is not descended into (as before), only a real folder is.
                    if status.st_mode & S_IFMT == S_IFDIR { continue }
                    if let kind = special(status.st_mode) { warning("\(target): a link to \(kind); skipped"); continue }
                } else if errno == ELOOP {
                    warning("\(target): a symbolic link loop; skipped")
                    continue
                }
            } else if type != DT_DIR && type != DT_REG {
                let kind = lstat(target, &status) == 0 ? special(status.st_mode) ?? "a special file" : "a special file"
                warning("\(target): \(kind), not a regular file; skipped")
                continue
            }
            entries.append((name, isFolder))
        }
        closedir(directory)
        for entry in entries {
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            if entry.isFolder { try walk(folder: folder, relative: path, warning: warning, found) } else { try found(path) }
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
