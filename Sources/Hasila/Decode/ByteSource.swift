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
        var buffer = ChunkedReader.buffer()
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { hasila_gzip_read(file, $0.baseAddress, Int64(ChunkedReader.chunkSize)) }
            if count < 0 { throw HasilaError.unreadableFile(path: path, reason: "damaged or truncated gzip data (the rest of the file is lost): \(String(cString: hasila_gzip_error(file)))") }
            if count == 0 { break }
            try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<Int(count)])) }
        }
    }

    /// The whole file, refusing more than `limit` bytes.
    ///
    /// A plain file is read straight into a buffer of its size: most documents are a few KB, and a
    /// zero-filled chunk buffer per file cost more than the rest of reading it.
    static func all(path: String, gzip: Bool, limit: Int) throws -> [UInt8] {
        if !gzip, path != "-", let bytes = try plain(path: path, limit: limit) { return bytes }
        var bytes: [UInt8] = []
        try chunks(path: path, gzip: gzip) { chunk in
            if bytes.count + chunk.count > limit { throw HasilaError.tooLarge(path: path, limit: limit) }
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }

    /// The size of a regular file, or nil (a pipe, a folder, a file that cannot be read).
    static func regularSize(path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// A regular file's bytes in one buffer, or nil when its size is not known up front (a pipe).
    private static func plain(path: String, limit: Int) throws -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        if descriptor < 0 { throw HasilaError.unreadableFile(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        if size > limit { throw HasilaError.tooLarge(path: path, limit: limit) }
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            // One byte more than the size: a file that grew since fstat is noticed and read by chunks.
            while count < buffer.count {
                let got = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 { if errno == EINTR { continue }; failure = errno; break }
                if got == 0 { break }
                count += got
            }
        }
        if failure != 0 { throw HasilaError.unreadableFile(path: path, reason: String(cString: strerror(failure))) }
        if bytes.count > size {
            // The file grew while it was read: read the rest as a stream.
            try ChunkedReader.read(descriptor: descriptor, path: path) { chunk in
                if bytes.count + chunk.count > limit { throw HasilaError.tooLarge(path: path, limit: limit) }
                bytes.append(contentsOf: chunk)
            }
            if bytes.count > limit { throw HasilaError.tooLarge(path: path, limit: limit) }
        }
        return bytes
    }
}
