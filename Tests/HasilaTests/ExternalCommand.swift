import Foundation

/// Runs a program other than `hasila` (make, swift, the Scripts/) for the installation tests,
/// capturing its output in files so that a long output never stalls it on a full pipe.
enum ExternalCommand {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        /// Both outputs, for failure messages.
        var transcript: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// Runs `program` (a path, or a name looked up in PATH through /usr/bin/env).
    @discardableResult
    static func run(_ program: String, _ arguments: [String], directory: String? = nil,
                    environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        if program.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        let scratch = NSTemporaryDirectory() + "hasila-command-" + UUID().uuidString
        FileManager.default.createFile(atPath: scratch + ".out", contents: nil)
        FileManager.default.createFile(atPath: scratch + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: scratch + ".out")
            try? FileManager.default.removeItem(atPath: scratch + ".err")
        }
        let out = FileHandle(forWritingAtPath: scratch + ".out")!, err = FileHandle(forWritingAtPath: scratch + ".err")!
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = FileManager.default.contents(atPath: scratch + ".out") ?? Data()
        let errData = FileManager.default.contents(atPath: scratch + ".err") ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Whether `name` is a program in PATH.
    static func exists(_ name: String) -> Bool {
        (try? run("/bin/sh", ["-c", "command -v \(name)"]).status) == 0
    }
}
