import CCompression
import Foundation

/// Reads a file's bytes, plain or gzip-compressed, whole or in chunks, with a size limit.
enum ByteSource {
    /// Calls `body` with each chunk of the file's (decompressed) bytes.
    static func chunks(path: String, gzip: Bool, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        if !gzip { return try ChunkedReader.read(path: path, body) }
        guard let file = hasila_gzip_open(path) else {
            throw HasilaError.unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        defer { hasila_gzip_close(file) }
        var buffer = [UInt8](repeating: 0, count: ChunkedReader.chunkSize)
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { hasila_gzip_read(file, $0.baseAddress, Int64(ChunkedReader.chunkSize)) }
            if count < 0 { throw HasilaError.unreadableFile(path: path, reason: "damaged gzip data: \(String(cString: hasila_gzip_error(file)))") }
            if count == 0 { break }
            try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<Int(count)])) }
        }
    }

    /// The whole file, refusing more than `limit` bytes.
    static func all(path: String, gzip: Bool, limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try chunks(path: path, gzip: gzip) { chunk in
            if bytes.count + chunk.count > limit { throw HasilaError.tooLarge(path: path, limit: limit) }
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }
}
