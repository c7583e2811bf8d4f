/// Normalises a stream of UTF-8 bytes into UTF-8 bytes in constant memory, for `hasila normalize`.
///
/// Works on bytes with the same table as `Normalizer`: kept characters are copied byte by byte
/// into a fixed output buffer, replacements come pre-encoded, and the buffer goes to the sink
/// whenever it fills. A UTF-8 sequence cut by a chunk boundary is carried over to the next
/// chunk; invalid bytes become U+FFFD.
public final class StreamNormalizer {
    let table: NormalizationTable
    private var carry: [UInt8] = []
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    /// Room kept free for the longest replacement of one code point (ﷺ is 33 bytes).
    private static let margin = 64

    public init(options: NormalizationOptions = [], bufferSize: Int = 1 << 18) {
        table = NormalizationTable.shared(options)
        capacity = max(bufferSize, StreamNormalizer.margin * 2)
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// Feeds a chunk; `sink` receives normalised bytes whenever the output buffer fills.
    public func feed(_ chunk: UnsafeBufferPointer<UInt8>, sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var used = 0
        // Complete the sequence cut by the previous chunk with this chunk's first bytes; a byte taken for it
        // may itself start a sequence that is cut again, so go on until nothing is carried.
        while !carry.isEmpty && used < chunk.count {
            var joined = carry
            carry.removeAll()
            while used < chunk.count && joined.count < 4 {
                joined.append(chunk[used])
                used += 1
                if joined.withUnsafeBufferPointer({ UTF8Encoding.sequenceLength($0, at: 0) }) != -1 { break }
            }
            try joined.withUnsafeBufferPointer { try process($0, final: false, sink: sink) }
        }
        if used < chunk.count {
            try process(UnsafeBufferPointer(rebasing: chunk[used...]), final: false, sink: sink)
        }
    }

    /// Ends the stream: an incomplete trailing sequence becomes U+FFFD, and the rest is flushed.
    public func finish(sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        if !carry.isEmpty {
            let pending = carry
            carry.removeAll()
            try pending.withUnsafeBufferPointer { try process($0, final: true, sink: sink) }
        }
        try flush(sink)
    }

    private func flush(_ sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        if count > 0 { try sink(UnsafeBufferPointer(start: buffer, count: count)) }
        count = 0
    }

    private func process(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool, sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        let n = bytes.count
        let limit = capacity - StreamNormalizer.margin
        let out = buffer
        var w = count
        var i = 0
        let raw = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(buffer))
        let rawOut = UnsafeMutableRawPointer(out)
        try table.pairFlags.withUnsafeBufferPointer { flags in
        try table.pairEntries.withUnsafeBufferPointer { pairs in
        try table.byteEntries.withUnsafeBufferPointer { entries in
            try table.replacementBytes.withUnsafeBufferPointer { replacements in
                while i < n {
                    if w >= limit {
                        count = w
                        try flush(sink)
                        w = 0
                    }
                    // The longest run that stays as it is (ASCII, kept two-byte letters), found with one
                    // table look-up a letter and copied at once.
                    var j = i
                    let stop = min(n, i &+ (limit &- w))
                    // Eight bytes at a time, with one look-up a byte and no branch between them.
                    // The byte before the window is checked with the first: a continuation byte there must
                    // belong to a letter that stays, never stand alone.
                    while j >= 1 && j &+ 9 <= stop {
                        let before = Int(bytes[j &- 1])
                        let b0 = Int(bytes[j]), b1 = Int(bytes[j &+ 1]), b2 = Int(bytes[j &+ 2]), b3 = Int(bytes[j &+ 3])
                        let b4 = Int(bytes[j &+ 4]), b5 = Int(bytes[j &+ 5]), b6 = Int(bytes[j &+ 6]), b7 = Int(bytes[j &+ 7])
                        let b8 = Int(bytes[j &+ 8])
                        let start = b0 >= 0x80 && b0 < 0xC0 ? flags[before << 8 | b0] : 0
                        let dirty = start | flags[b0 << 8 | b1] | flags[b1 << 8 | b2] | flags[b2 << 8 | b3] | flags[b3 << 8 | b4]
                            | flags[b4 << 8 | b5] | flags[b5 << 8 | b6] | flags[b6 << 8 | b7] | flags[b7 << 8 | b8]
                        if dirty != 0 { break }
                        // A lead byte last: its continuation, already checked, goes with it.
                        j &+= b7 >= 0xC2 ? 9 : 8
                    }
                    while j < stop {
                        let b = bytes[j]
                        if b < 0x80 { j &+= 1; continue }
                        if j &+ 1 < n, pairs[Int(b) << 8 | Int(bytes[j &+ 1])] == NormalizationTable.keep { j &+= 2; continue }
                        break
                    }
                    if j > n { j = n }
                    if j > i {
                        (rawOut + w).copyMemory(from: raw + i, byteCount: j &- i)
                        w &+= j &- i
                        i = j
                        continue
                    }
                    let lead = bytes[i]
                    // Two-byte sequences (all of Arabic, its diacritics and digits): one table look-up, no decoding.
                    if i &+ 1 < n {
                        let entry = pairs[Int(lead) << 8 | Int(bytes[i &+ 1])]
                        if entry == NormalizationTable.keep {
                            rawOut.storeBytes(of: raw.loadUnaligned(fromByteOffset: i, as: UInt16.self), toByteOffset: w, as: UInt16.self)
                            w &+= 2
                            i &+= 2
                            continue
                        }
                        if entry != NormalizationTable.notAPair {
                            let start = Int(entry >> 8), length = Int(entry & 0xFF)
                            for k in 0..<length { out[w &+ k] = replacements[start &+ k] }
                            w &+= length
                            i &+= 2
                            continue
                        }
                    }
                    let length = UTF8Encoding.sequenceLength(bytes, at: i)
                    if length < 0 && !final {
                        carry.append(contentsOf: bytes[i..<n])
                        i = n
                        break
                    }
                    if length <= 0 {
                        out[w] = 0xEF; out[w + 1] = 0xBF; out[w + 2] = 0xBD
                        w += 3
                        i += 1
                        continue
                    }
                    let code = UTF8Encoding.decode(bytes, at: i, length: length)
                    if length < 4 {
                        let entry = entries[Int(code)]
                        if entry == NormalizationTable.keep {
                            for k in 0..<length { out[w + k] = bytes[i + k] }
                            w += length
                        } else {
                            let start = Int(entry >> 8), count = Int(entry & 0xFF)
                            for k in 0..<count { out[w &+ k] = replacements[start &+ k] }
                            w &+= count
                        }
                    } else if let digit = table.supplementaryReplacement(code) {
                        out[w] = UInt8(digit)
                        w += 1
                    } else {
                        for k in 0..<4 { out[w + k] = bytes[i + k] }
                        w += 4
                    }
                    i += length
                }
            }
        }
        }
        }
        count = w
    }
}
