import CCrashGuard
import Foundation

/// Crash containment for a run with `--output`: a document that crashes the process must not
/// stop the archive. A signal handler (Sources/CCrashGuard) appends "crashed FIRST LAST" to
/// `OUTPUT.partial.crashes` when the process dies, naming the documents in flight by their
/// ordinal in the run. A resumed run reads that log: the documents in flight at the last crash
/// are extracted one at a time (so a second crash names exactly one), and a document in flight at
/// two crashes in a row is quarantined: not extracted again, reported as an error
/// ("quarantined: …"), while every other document's records come out.
public final class CrashLog {
    public let path: String
    /// Ordinals (1-based, in reading order, as resuming counts them) never to extract again.
    public private(set) var quarantined: Set<Int> = []
    /// Ordinals in flight at the last crash: extracted one at a time.
    public private(set) var suspects: ClosedRange<Int>?

    /// The log beside `partial` (the output's temporary file). A fresh run starts a new log; a resumed
    /// one reads the crashes so far and writes down the documents it quarantines.
    public init(partial: String, resume: Bool) throws {
        path = partial + ".crashes"
        guard resume, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        var crashes: [ClosedRange<Int>] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 3, fields[0] == "crashed", let first = Int(fields[1]), let last = Int(fields[2]), first >= 1, first <= last {
                crashes.append(first...last)
            } else if fields.count == 2, fields[0] == "quarantine", let ordinal = Int(fields[1]) {
                quarantined.insert(ordinal)
            }
        }
        suspects = crashes.last
        if crashes.count >= 2, let last = crashes.last {
            let before = crashes[crashes.count - 2]
            let fresh = before.overlaps(last)
                ? Set(max(before.lowerBound, last.lowerBound)...min(before.upperBound, last.upperBound)).subtracting(quarantined) : []
            if !fresh.isEmpty {
                quarantined.formUnion(fresh)
                guard let handle = FileHandle(forWritingAtPath: path) else { throw HasilaError.unwritable(path: path, reason: "cannot reopen") }
                try handle.seekToEnd()
                try handle.write(contentsOf: Array(fresh.sorted().map { "quarantine \($0)\n" }.joined().utf8))
                try handle.close()
            }
        }
    }

    /// Starts recording crashes.
    public func install() throws {
        if hasila_crash_guard_install(path) != 0 { throw HasilaError.unwritable(path: path, reason: String(cString: strerror(errno))) }
    }

    /// The documents in flight now, named in the log if the process crashes.
    @inline(__always)
    func inFlight(_ first: Int, _ last: Int) { hasila_crash_guard_set_in_flight(Int64(first), Int64(last)) }

    /// A finished run: no more recording, and the log goes.
    public func finish() {
        hasila_crash_guard_remove()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The reason a quarantined document is reported with.
    static let reason = "quarantined: the process crashed twice in a row while this document was being extracted; it is skipped, "
        + "and every other document's records are written"
}
