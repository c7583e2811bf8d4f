import Foundation

/// Reads a file (or stdin for "-") in fixed-size chunks, so that streaming commands run in constant memory.
public enum ChunkedReader {
    public static let chunkSize = 1 << 20

    public static func read(path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let descriptor: Int32
        if path == "-" {
            descriptor = 0
        } else {
            descriptor = open(path, O_RDONLY)
            if descriptor < 0 { throw HasilaError.unreadableFile(path: path, reason: String(cString: strerror(errno))) }
        }
        defer { if descriptor != 0 { close(descriptor) } }
        try read(descriptor: descriptor, path: path, body)
    }

    /// Reads an open descriptor to its end in chunks; `path` names it in errors.
    static func read(descriptor: Int32, path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var buffer = self.buffer()
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw HasilaError.unreadableFile(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
        }
    }

    /// A chunk buffer, left uninitialised: every byte is written by a read before it is used.
    static func buffer() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: chunkSize) { _, count in count = chunkSize }
    }
}
