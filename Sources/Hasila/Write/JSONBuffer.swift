/// Builds JSON text into a byte buffer by hand: the record writer's hot path, several times
/// faster than JSONEncoder for many small records.
struct JSONBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { utf8 in
            var run = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                if i > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i])) }
                escape(byte)
                run = i + 1
            }
            if run < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...])) }
        }
        bytes.append(0x22)
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x22: bytes.append(0x5C); bytes.append(0x22)
        case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
        case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
        case 0x0D: bytes.append(0x5C); bytes.append(0x72)
        case 0x09: bytes.append(0x5C); bytes.append(0x74)
        default:
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { digits in
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
            }
        }
    }

    mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    mutating func integer(_ value: Int) {
        if value == 0 { bytes.append(0x30); return }
        var v = value.magnitude
        if value < 0 { bytes.append(0x2D) }
        var divisor: UInt = 1
        while divisor <= v / 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(0x30 + v / divisor))
            v %= divisor
            divisor /= 10
        }
    }

    /// A date as a quoted ISO string at its own precision, or null.
    mutating func date(_ value: DateValue?) {
        guard let value else { raw("null"); return }
        bytes.append(0x22)
        integer(value.year)
        func two(_ n: Int) {
            bytes.append(0x2D)
            bytes.append(UInt8(0x30 + n / 10))
            bytes.append(UInt8(0x30 + n % 10))
        }
        if let month = value.month {
            two(month)
            if let day = value.day { two(day) }
        }
        bytes.append(0x22)
    }

    mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    mutating func key(_ name: StaticString) {
        raw(",\"")
        raw(name)
        raw("\":")
    }
}
