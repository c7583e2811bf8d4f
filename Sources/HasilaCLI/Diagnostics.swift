import Foundation

/// Writes warnings and errors to stderr, never to stdout, which carries records only.
enum Diagnostics {
    static func write(_ text: String) {
        FileHandle.standardError.write((text + "\n").data(using: .utf8)!)
    }
    static func warning(_ text: String) { write("hasila: warning: \(text)") }
    static func error(_ text: String) { write("hasila: error: \(text)") }
}
