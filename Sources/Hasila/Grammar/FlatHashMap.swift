/// A read-mostly hash map from 64-bit keys to 32-bit values with open addressing: the lexicon's
/// and the tries' look-ups run once per token, and Swift's Dictionary (SipHash per look-up)
/// cost more than the rest of the token's work. Keys are mixed with a multiply, so structured
/// keys (node << 32 | stem) spread as well as hashes do.
struct FlatHashMap: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var occupied: [Bool]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        occupied = [Bool](repeating: false, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        get {
            var index = slot(key)
            while occupied[index] {
                if keys[index] == key { return values[index] }
                index = (index + 1) & mask
            }
            return nil
        }
        set {
            guard let newValue else { preconditionFailure("FlatHashMap does not remove keys") }
            if (count + 1) * 2 > keys.count { grow() }
            var index = slot(key)
            while occupied[index] {
                if keys[index] == key { values[index] = newValue; return }
                index = (index + 1) & mask
            }
            occupied[index] = true
            keys[index] = key
            values[index] = newValue
            count += 1
        }
    }

    private mutating func grow() {
        let old = (keys, values, occupied)
        self = FlatHashMap(capacity: keys.count)
        for index in old.0.indices where old.2[index] { self[old.0[index]] = old.1[index] }
    }
}
