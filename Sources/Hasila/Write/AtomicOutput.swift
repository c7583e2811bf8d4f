import Foundation

/// An output file written under a temporary name beside the target (`NAME.partial`) and renamed
/// at the end, so a killed run never leaves a half-written file under the final name; or stdout.
///
/// With a journal it can be resumed: each checkpoint records how many documents are complete
/// and how many bytes they took, and a resumed run cuts the partial file back to the last
/// checkpoint and goes on from the next document.
public final class AtomicOutput {
    public let path: String?
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var written: UInt64 = 0
    private var journal: FileHandle?
    /// Documents already complete in a resumed file (0 for a fresh one).
    public private(set) var resumedDocuments = 0

    public var partialPath: String? { path.map { $0 + ".partial" } }
    var journalPath: String? { path.map { $0 + ".partial.journal" } }

    /// `header` is written at the start of a fresh file (a CSV header row, a BOM). A resumed file
    /// goes back to its last checkpoint, or with `upTo` to its last one of at most that many
    /// documents (an errors report follows the output it reports on).
    public init(path: String?, resume: Bool = false, upTo: Int? = nil, header: [UInt8] = []) throws {
        self.path = path
        guard let path else {
            handle = FileHandle.standardOutput
            buffer = header
            return
        }
        let partial = path + ".partial", journalFile = path + ".partial.journal"
        let manager = FileManager.default
        if resume, manager.fileExists(atPath: partial), let text = try? String(contentsOfFile: journalFile, encoding: .utf8),
           let last = text.split(separator: "\n").last(where: { line in
               upTo.map { limit in line.split(separator: " ").first.flatMap { Int($0) }.map { $0 <= limit } ?? false } ?? true
           }) ?? (upTo != nil ? "0 0" : nil) {
            let fields = last.split(separator: " ")
            if fields.count == 2, let documents = Int(fields[0]), let bytes = UInt64(fields[1]) {
                guard let existing = FileHandle(forUpdatingAtPath: partial) else { throw HasilaError.unwritable(path: partial, reason: "cannot reopen") }
                try existing.truncate(atOffset: bytes)
                try existing.seekToEnd()
                handle = existing
                written = bytes
                resumedDocuments = documents
                journal = FileHandle(forWritingAtPath: journalFile)
                try journal?.seekToEnd()
                return
            }
        }
        guard manager.createFile(atPath: partial, contents: nil), let fresh = FileHandle(forWritingAtPath: partial) else {
            throw HasilaError.unwritable(path: partial, reason: String(cString: strerror(errno)))
        }
        handle = fresh
        manager.createFile(atPath: journalFile, contents: nil)
        journal = FileHandle(forWritingAtPath: journalFile)
        buffer = header
    }

    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 18 { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        if path == nil {
            try buffer.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let count = Foundation.write(1, raw.baseAddress! + offset, raw.count - offset)
                    if count < 0 {
                        if errno == EINTR { continue }
                        throw HasilaError.unwritable(path: "stdout", reason: String(cString: strerror(errno)))
                    }
                    offset += count
                }
            }
        } else {
            try handle.write(contentsOf: buffer)
        }
        written += UInt64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    public func checkpoint(documents: Int) throws {
        try flush()
        guard let journal else { return }
        try handle.synchronize()
        try journal.write(contentsOf: Array("\(documents) \(written)\n".utf8))
    }

    public func finish() throws {
        try flush()
        guard let path, let partial = partialPath else { return }
        try handle.close()
        try journal?.close()
        try OutputTarget.replace(path, with: partial)
        if let journalPath { try? FileManager.default.removeItem(atPath: journalPath) }
    }
}
