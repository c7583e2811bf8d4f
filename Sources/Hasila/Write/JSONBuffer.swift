/// Builds JSON text into a byte buffer by hand: the record writer's hot path, several times
/// faster than JSONEncoder for many small records.
///
/// The buffer is raw memory grown by doubling, so a record's dozens of small appends are plain
/// stores, not array appends that each check uniqueness and capacity.
final class JSONBuffer {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = max(64, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// The text built so far.
    var bytes: [UInt8] { [UInt8](UnsafeBufferPointer(start: storage, count: count)) }

    /// Room for `extra` more bytes.
    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        larger.update(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = size
    }

    @inline(__always)
    func byte(_ value: UInt8) {
        reserve(1)
        storage[count] = value
        count += 1
    }

    func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        let length = buffer.count
        reserve(length)
        JSONBuffer.copy(base, length, to: storage + count)
        count += length
    }

    /// Copies `length` bytes, room for them being there.
    @inline(__always)
    private static func copy(_ base: UnsafePointer<UInt8>, _ length: Int, to target: UnsafeMutablePointer<UInt8>) {
        let from = UnsafeRawPointer(base), to = UnsafeMutableRawPointer(target)
        if length >= 8, length <= 16 {
            // Keys and punctuation are a few bytes: two overlapping word copies beat a byte loop and a call to memmove.
            to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self), toByteOffset: length - 8, as: UInt64.self)
        } else if length >= 4, length < 8 {
            to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self), toByteOffset: length - 4, as: UInt32.self)
        } else if length < 4 {
            for i in 0..<length { target[i] = base[i] }
        } else {
            target.update(from: base, count: length)
        }
    }

    func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

    func raw(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// A quoted, escaped string. Besides what JSON requires, U+2028, U+2029 and U+0085 are escaped:
    /// raw, they end a line for JavaScript, Python's `splitlines` and other line-based readers.
    func string(_ value: String) {
        byte(0x22)
        var value = value
        value.withUTF8 { utf8 in
            // Most strings (Arabic words, keys) hold nothing to escape: tested eight bytes at a time, copied at once.
            guard JSONBuffer.needsEscaping(utf8) else {
                append(utf8)
                return
            }
            var run = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 || byte == 0xC2 {
                var length = 1
                if byte == 0xE2 || byte == 0xC2 {
                    length = JSONBuffer.separatorLength(utf8, at: i)
                    if length == 0 { continue }
                }
                if i > run { append(UnsafeBufferPointer(rebasing: utf8[run..<i])) }
                if length == 1 { escape(byte) } else { raw(length == 2 ? "\\u0085" : (utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")) }
                run = i + length
            }
            if run < utf8.count { append(UnsafeBufferPointer(rebasing: utf8[run...])) }
        }
        byte(0x22)
    }

    /// Whether any byte may need escaping: below 0x20, `"`, `\`, or a lead byte of U+0085 (0xC2) or U+2028/U+2029
    /// (0xE2). Words of eight bytes are tested at once with the usual bit tricks, which never miss such a byte.
    static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let count = utf8.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var at = 0
        while at + 8 <= count {
            let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: at, as: UInt64.self)
            if (word &- ones &* 0x20) & ~word & highs != 0 || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
                || hasZero(word ^ (ones &* 0xE2)) || hasZero(word ^ (ones &* 0xC2)) { return true }
            at += 8
        }
        while at < count {
            let byte = base[at]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 || byte == 0xC2 { return true }
            at += 1
        }
        return false
    }

    /// The length of U+0085 (2) or U+2028/U+2029 (3) in UTF-8 at `index`, or 0 when neither is there.
    @inline(__always)
    static func separatorLength(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        if utf8[index] == 0xC2 { return index + 1 < utf8.count && utf8[index + 1] == 0x85 ? 2 : 0 }
        return index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9) ? 3 : 0
    }

    /// JSON text made elsewhere (a JSON line's other fields) with U+2028, U+2029 and U+0085 escaped;
    /// they can only stand inside its strings, where the escape means the same.
    static func escapingSeparators(_ json: [UInt8]) -> [UInt8] {
        json.withUnsafeBufferPointer { utf8 in
            var out: [UInt8] = []
            var run = 0
            for i in 0..<utf8.count where utf8[i] == 0xE2 || utf8[i] == 0xC2 {
                let length = separatorLength(utf8, at: i)
                guard length > 0, i >= run else { continue }
                if out.isEmpty { out.reserveCapacity(json.count + 8) }
                out.append(contentsOf: utf8[run..<i])
                out.append(contentsOf: Array((length == 2 ? "\\u0085" : (utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")).utf8))
                run = i + length
            }
            if run == 0 { return json }
            out.append(contentsOf: utf8[run...])
            return out
        }
    }

    private func escape(_ value: UInt8) {
        switch value {
        case 0x22: byte(0x5C); byte(0x22)
        case 0x5C: byte(0x5C); byte(0x5C)
        case 0x0A: byte(0x5C); byte(0x6E)
        case 0x0D: byte(0x5C); byte(0x72)
        case 0x09: byte(0x5C); byte(0x74)
        default:
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { digits in
                for b in [0x5C, 0x75, 0x30, 0x30, digits[Int(value >> 4)], digits[Int(value & 0xF)]] as [UInt8] { byte(b) }
            }
        }
    }

    func optionalString(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    func integer(_ value: Int) {
        reserve(21)
        if value < 0 { storage[count] = 0x2D; count += 1 }
        var v = value.magnitude
        // Digits are written from the end of their slot, then the slot is closed up.
        var digits = 1
        var probe = v
        while probe >= 10 { probe /= 10; digits += 1 }
        var at = count + digits - 1
        repeat {
            storage[at] = UInt8(0x30 + v % 10)
            v /= 10
            at -= 1
        } while v > 0
        count += digits
    }

    /// A date as a quoted ISO string at its own precision, or null.
    func date(_ value: DateValue?) {
        guard let value else { raw("null"); return }
        byte(0x22)
        integer(value.year)
        func two(_ n: Int) {
            byte(0x2D)
            byte(UInt8(0x30 + n / 10))
            byte(UInt8(0x30 + n % 10))
        }
        if let month = value.month {
            two(month)
            if let day = value.day { two(day) }
        }
        byte(0x22)
    }

    /// An actor, place or source: `{"key","text","start","end"}`.
    /// Each run of punctuation and key is one append (records carry several of these per figure).
    func linkedName(_ name: LinkedName) {
        raw("{\"key\":"); string(name.key)
        raw(",\"text\":"); string(name.text)
        raw(",\"start\":"); integer(name.range.lowerBound)
        raw(",\"end\":"); integer(name.range.upperBound)
        byte(0x7D)
    }

    func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    /// `,"name":` in one reservation: a record writes a score of keys, each once three appends.
    func key(_ name: StaticString) {
        guard name.hasPointerRepresentation else {
            raw(",\"")
            raw(name)
            raw("\":")
            return
        }
        let length = name.utf8CodeUnitCount
        reserve(length + 4)
        storage[count] = 0x2C
        storage[count + 1] = 0x22
        if length > 0 { JSONBuffer.copy(name.utf8Start, length, to: storage + count + 2) }
        storage[count + 2 + length] = 0x22
        storage[count + 3 + length] = 0x3A
        count += length + 4
    }
}
