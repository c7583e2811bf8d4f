import ArgumentParser
import Foundation

/// Writes bytes to stdout with write(2), without Data copies; a closed pipe ends the run quietly.
struct StandardOutput {
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write($0) }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        try UnsafeRawBufferPointer(bytes).withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { throw ExitCode.success }
                    throw ExitCode.failure
                }
                offset += written
            }
        }
    }
}
