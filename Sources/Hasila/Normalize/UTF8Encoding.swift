/// UTF-8 encoding and decoding of Unicode scalars held as UInt32, without Character or String.
enum UTF8Encoding {
    static let replacementCharacter: UInt32 = 0xFFFD

    static func append(_ scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (scalar >> 6)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (scalar >> 12)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (scalar >> 18)))
            bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Writes a scalar's UTF-8 bytes at `at` (room for four is the caller's); returns how many.
    @inline(__always)
    static func write(_ scalar: UInt32, into bytes: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        switch scalar {
        case 0..<0x80:
            bytes[at] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            bytes[at] = UInt8(0xC0 | (scalar >> 6))
            bytes[at + 1] = UInt8(0x80 | (scalar & 0x3F))
            return 2
        case 0x800..<0x10000:
            bytes[at] = UInt8(0xE0 | (scalar >> 12))
            bytes[at + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            bytes[at + 2] = UInt8(0x80 | (scalar & 0x3F))
            return 3
        default:
            bytes[at] = UInt8(0xF0 | (scalar >> 18))
            bytes[at + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            bytes[at + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            bytes[at + 3] = UInt8(0x80 | (scalar & 0x3F))
            return 4
        }
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 if the bytes there are
    /// invalid; -1 when the sequence is valid so far but cut off by the end of the buffer.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let count = bytes.count
        @inline(__always) func isContinuation(_ i: Int) -> Bool { bytes[i] & 0xC0 == 0x80 }
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF:
            if index + 1 >= count { return -1 }
            return isContinuation(index + 1) ? 2 : 0
        case 0xE0...0xEF:
            if index + 1 >= count { return -1 }
            let second = bytes[index + 1]
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
            guard second >= low && second <= high else { return 0 }
            if index + 2 >= count { return -1 }
            return isContinuation(index + 2) ? 3 : 0
        case 0xF0...0xF4:
            if index + 1 >= count { return -1 }
            let second = bytes[index + 1]
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            guard second >= low && second <= high else { return 0 }
            if index + 2 >= count { return -1 }
            guard isContinuation(index + 2) else { return 0 }
            if index + 3 >= count { return -1 }
            return isContinuation(index + 3) ? 4 : 0
        default: return 0
        }
    }

    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> UInt32 {
        switch length {
        case 1: return UInt32(bytes[index])
        case 2: return (UInt32(bytes[index]) & 0x1F) << 6 | (UInt32(bytes[index + 1]) & 0x3F)
        case 3:
            return (UInt32(bytes[index]) & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6
                | (UInt32(bytes[index + 2]) & 0x3F)
        default:
            return (UInt32(bytes[index]) & 0x07) << 18 | (UInt32(bytes[index + 1]) & 0x3F) << 12
                | (UInt32(bytes[index + 2]) & 0x3F) << 6 | (UInt32(bytes[index + 3]) & 0x3F)
        }
    }

    /// Decodes UTF-8 into scalars; each invalid byte becomes U+FFFD. Returns the scalars and the
    /// byte offset of the first invalid byte, if any.
    static func decodeScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> (scalars: [UInt32], firstInvalid: Int?) {
        var firstInvalid: Int?
        // Never more scalars than bytes: the buffer is sized once and written in place.
        let scalars = [UInt32](unsafeUninitializedCapacity: bytes.count) { out, written in
            var index = 0, at = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    out[at] = UInt32(lead); at += 1; index += 1
                    continue
                }
                // Two-byte sequences (Arabic, Latin-1) take the short way.
                if lead >= 0xC2 && lead <= 0xDF && index + 1 < count && bytes[index + 1] & 0xC0 == 0x80 {
                    out[at] = (UInt32(lead) & 0x1F) << 6 | (UInt32(bytes[index + 1]) & 0x3F)
                    at += 1; index += 2
                    continue
                }
                let length = sequenceLength(bytes, at: index)
                if length <= 0 {
                    if firstInvalid == nil { firstInvalid = index }
                    out[at] = replacementCharacter; at += 1; index += 1
                    continue
                }
                out[at] = decode(bytes, at: index, length: length)
                at += 1; index += length
            }
            written = at
        }
        return (scalars, firstInvalid)
    }

    static func encode(_ scalars: some Sequence<UInt32>) -> [UInt8] {
        var bytes: [UInt8] = []
        for scalar in scalars { append(scalar, to: &bytes) }
        return bytes
    }
}
