/// Normalises a stream of UTF-8 bytes into UTF-8 bytes in constant memory, for `hasila normalize`.
///
/// Works on bytes with the same table as `Normalizer`: ASCII and kept letters are copied as they
/// are, replacements come pre-encoded. A UTF-8 sequence cut by a chunk boundary is carried over;
/// invalid bytes become U+FFFD.
public struct StreamNormalizer {
    let table: NormalizationTable
    private var carry: [UInt8] = []
    private var output: [UInt8]
    private let flushThreshold: Int

    public init(options: NormalizationOptions = [], bufferSize: Int = 1 << 18) {
        table = NormalizationTable.shared(options)
        output = []
        output.reserveCapacity(bufferSize + 256)
        flushThreshold = bufferSize
    }

    /// Feeds a chunk; `sink` receives normalised bytes whenever the output buffer fills.
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, sink: ([UInt8]) throws -> Void) rethrows {
        var used = 0
        if !carry.isEmpty {
            // Complete the sequence cut by the previous chunk with this chunk's first bytes.
            var joined = carry
            carry.removeAll()
            while used < chunk.count && joined.count < 4 {
                joined.append(chunk[used])
                used += 1
                if joined.withUnsafeBufferPointer({ UTF8Encoding.sequenceLength($0, at: 0) }) != -1 { break }
            }
            _ = joined.withUnsafeBufferPointer { process($0, final: false) }
        }
        if used < chunk.count {
            _ = process(UnsafeBufferPointer(rebasing: chunk[used...]), final: false)
        }
        if output.count >= flushThreshold {
            try sink(output)
            output.removeAll(keepingCapacity: true)
        }
    }

    /// Ends the stream: an incomplete trailing sequence becomes U+FFFD, and the rest is flushed.
    public mutating func finish(sink: ([UInt8]) throws -> Void) rethrows {
        if !carry.isEmpty {
            let pending = carry
            carry.removeAll()
            _ = pending.withUnsafeBufferPointer { process($0, final: true) }
        }
        if !output.isEmpty { try sink(output) }
        output.removeAll(keepingCapacity: true)
    }

    /// Normalises bytes, returning how many were consumed; an incomplete tail goes to `carry`.
    /// Bytes that stay as they are accumulate into a run copied at once when something changes.
    private mutating func process(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool) -> Int {
        let count = bytes.count
        var index = 0
        var runStart = 0
        table.byteEntries.withUnsafeBufferPointer { entries in
            table.replacementBytes.withUnsafeBufferPointer { replacements in
                @inline(__always) func flushRun(_ end: Int) {
                    if end > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
                }
                while index < count {
                    let lead = bytes[index]
                    if lead < 0x80 { index += 1; continue }
                    if lead >= 0xC2 && lead <= 0xDF && index + 1 < count && bytes[index + 1] & 0xC0 == 0x80 {
                        let code = (UInt32(lead) & 0x1F) << 6 | (UInt32(bytes[index + 1]) & 0x3F)
                        let entry = entries[Int(code)]
                        if entry != NormalizationTable.keep {
                            flushRun(index)
                            let start = Int(entry >> 8), n = Int(entry & 0xFF)
                            if n > 0 { output.append(contentsOf: UnsafeBufferPointer(rebasing: replacements[start..<(start + n)])) }
                            runStart = index + 2
                        }
                        index += 2
                        continue
                    }
                    let length = UTF8Encoding.sequenceLength(bytes, at: index)
                    if length < 0 && !final {
                        flushRun(index)
                        carry.append(contentsOf: bytes[index..<count])
                        runStart = count
                        index = count
                        break
                    }
                    if length <= 0 {
                        flushRun(index)
                        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        index += 1
                        runStart = index
                        continue
                    }
                    let code = UTF8Encoding.decode(bytes, at: index, length: length)
                    if length < 4 {
                        let entry = entries[Int(code)]
                        if entry != NormalizationTable.keep {
                            flushRun(index)
                            let start = Int(entry >> 8), n = Int(entry & 0xFF)
                            if n > 0 { output.append(contentsOf: UnsafeBufferPointer(rebasing: replacements[start..<(start + n)])) }
                            runStart = index + length
                        }
                    } else if let digit = table.supplementaryReplacement(code) {
                        flushRun(index)
                        output.append(UInt8(digit))
                        runStart = index + length
                    }
                    index += length
                }
                flushRun(index)
            }
        }
        return index
    }
}
