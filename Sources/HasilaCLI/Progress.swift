import Foundation
import Hasila

/// The progress line on a terminal's stderr (documents, MB, MB/s, time left), redrawn at most
/// four times a second; silent when stderr is not a terminal.
final class Progress {
    let enabled: Bool
    let totalBytes: Int
    private var last = 0.0
    private var drawn = false

    init(enabled: Bool, totalBytes: Int) {
        self.enabled = enabled
        self.totalBytes = totalBytes
    }

    static func size(of file: SourceFile) -> Int {
        guard file.path != "-", !file.format.gzip else { return 0 }
        // One stat: FileManager's attributes read the extended attributes too and build a dictionary per file.
        var status = stat()
        return stat(file.path, &status) == 0 ? Int(status.st_size) : 0
    }

    func update(_ summary: RunSummary) {
        guard enabled, summary.seconds - last >= 0.25 else { return }
        last = summary.seconds
        let rate = summary.megabytesPerSecond
        var line = "hasila: \(summary.documents) documents, \(summary.bytes / 1_000_000) MB, \(String(format: "%.1f", rate)) MB/s"
        if totalBytes > summary.bytes, rate > 0 {
            line += ", ~\(Int(Double(totalBytes - summary.bytes) / 1_000_000 / rate)) s left"
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    func clear() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
