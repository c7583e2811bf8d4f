import Foundation

/// The rendered date records of a long text's sections, waiting in an unlinked temporary file
/// until its last section is written: memory holds none of them, however long the text.
final class DateSpill {
    private let descriptor: Int32

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/hasila-dates-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw HasilaError.unwritable(path: NSTemporaryDirectory(), reason: String(cString: strerror(errno))) }
        // Gone from the folder at once: the file lives as long as the descriptor, even after a crash.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    deinit { close(descriptor) }

    func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw HasilaError.unwritable(path: NSTemporaryDirectory(), reason: String(cString: strerror(errno)))
                }
                offset += count
            }
        }
    }

    /// Hands everything appended back, in order, a chunk at a time.
    func replay(_ body: ([UInt8]) throws -> Void) throws {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw HasilaError.unreadableFile(path: NSTemporaryDirectory(), reason: String(cString: strerror(errno))) }
        try ChunkedReader.read(descriptor: descriptor, path: NSTemporaryDirectory()) { try body(Array($0)) }
    }
}
