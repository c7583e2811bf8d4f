import Foundation

/// Checks an output path (`--output`, `--errors`) before any work: only a regular file (new or
/// earlier output) may be written, in a folder that exists, and never one of the inputs. The
/// finished output is then renamed over it, which replaces a file and nothing else.
public enum OutputTarget {
    /// Throws `HasilaError.badOutput` naming the path and what to do instead.
    public static func validate(_ path: String, option: String, inputs: [SourceFile]) throws {
        func refuse(_ reason: String) -> HasilaError { .badOutput(path: path, option: option, reason: reason) }
        var status = stat()
        if stat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw refuse("it is a folder; give a file name inside it")
            case S_IFCHR, S_IFBLK: throw refuse("it is a device; give a regular file (or leave \(option) out for stdout)")
            case S_IFIFO: throw refuse("it is a named pipe; give a regular file (or leave \(option) out for stdout)")
            default: throw refuse("it is not a regular file")
            }
            for input in inputs where input.path != "-" {
                var other = stat()
                if stat(input.path, &other) == 0, other.st_dev == status.st_dev, other.st_ino == status.st_ino {
                    throw refuse("it is one of the inputs (\(input.path)); give another file")
                }
            }
        } else if errno != ENOENT {
            throw refuse(String(cString: strerror(errno)))
        }
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            throw refuse("its folder \(folder) does not exist")
        }
        if !folder.isEmpty, !isFolder.boolValue { throw refuse("\(folder) is not a folder") }
        for suffix in [".partial", ".partial.journal"] {
            var partial = stat()
            if lstat(path + suffix, &partial) == 0, partial.st_mode & S_IFMT != S_IFREG {
                throw refuse("\(path + suffix) is in the way and is not a regular file; remove it")
            }
        }
    }

    /// Moves a finished file over its target in one step (rename(2)): an earlier file under that
    /// name is replaced, a folder or anything else is never removed.
    static func replace(_ target: String, with finished: String) throws {
        var status = stat()
        if stat(target, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            throw HasilaError.unwritable(path: target, reason: "it is no longer a regular file; the output stays in \(finished)")
        }
        if rename(finished, target) != 0 {
            throw HasilaError.unwritable(path: target, reason: "\(String(cString: strerror(errno))); the output stays in \(finished)")
        }
    }
}
