import Foundation

/// Slots that threads working side by side fill, each at its own indices (a batch's documents, the grammar's
/// files); read once every thread has finished, in index order whatever order they were filled in.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value]
    private let lock = NSLock()

    init(_ initial: [Value]) { slots = initial }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] { slots }
}
