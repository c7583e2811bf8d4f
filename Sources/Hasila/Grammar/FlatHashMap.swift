/// A read-mostly hash map from 64-bit keys to 32-bit values with open addressing: the lexicon's
/// and the tries' look-ups run once per token, and Swift's Dictionary (SipHash per look-up)
/// cost more than the rest of the token's work. Keys are mixed with a multiply, so structured
/// keys (node << 32 | stem) spread as well as hashes do.
///
/// A key and its value share one slot, so a look-up touches one cache line, not three arrays.
struct FlatHashMap: Sendable {
    /// Marks an empty slot; never stored as a value.
    private static let empty = Int32.min
    private var slots: [(key: UInt64, value: Int32)]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: (0, FlatHashMap.empty), count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        get {
            slots.withUnsafeBufferPointer { slots in
                var index = slot(key)
                while true {
                    let entry = slots[index]
                    if entry.value == FlatHashMap.empty { return nil }
                    if entry.key == key { return entry.value }
                    index = (index + 1) & mask
                }
            }
        }
        set {
            guard let newValue else { preconditionFailure("FlatHashMap does not remove keys") }
            precondition(newValue != FlatHashMap.empty, "FlatHashMap cannot store Int32.min")
            if (count + 1) * 2 > slots.count { grow() }
            var index = slot(key)
            while slots[index].value != FlatHashMap.empty {
                if slots[index].key == key { slots[index].value = newValue; return }
                index = (index + 1) & mask
            }
            slots[index] = (key, newValue)
            count += 1
        }
    }

    /// Every key and its value, in no particular order.
    func forEach(_ body: (UInt64, Int32) -> Void) {
        for entry in slots where entry.value != FlatHashMap.empty { body(entry.key, entry.value) }
    }

    private mutating func grow() {
        let old = slots
        self = FlatHashMap(capacity: slots.count)
        for entry in old where entry.value != FlatHashMap.empty { self[entry.key] = entry.value }
    }
}
