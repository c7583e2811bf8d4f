import ArgumentParser
import Foundation

/// Where records go: stdout, or a file written under a temporary name beside the target and
/// renamed at the end, so a killed run never leaves a half-written file under the final name.
final class OutputFile {
    private let path: String?
    private let temporary: String?
    private let handle: FileHandle?
    private let stdout = StandardOutput()
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        self.path = path
        if let path {
            let temp = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
            guard FileManager.default.createFile(atPath: temp, contents: nil), let handle = FileHandle(forWritingAtPath: temp) else {
                Diagnostics.error("\(path): cannot create the output file")
                throw ExitCode(2)
            }
            self.temporary = temp
            self.handle = handle
        } else {
            temporary = nil
            handle = nil
        }
    }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 18 { try flush() }
    }

    private func flush() throws {
        if let handle { handle.write(Data(buffer)) } else { try stdout.write(buffer) }
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        try flush()
        if let handle, let temporary, let path {
            handle.closeFile()
            if FileManager.default.fileExists(atPath: path) { try? FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        }
    }
}
