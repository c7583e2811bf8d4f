import Foundation

/// A mutual-exclusion lock for the few shared caches (tables built once per process).
final class Lock: @unchecked Sendable {
    private let lock = NSLock()
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
