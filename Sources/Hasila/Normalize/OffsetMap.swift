/// Maps positions of normalised text back to the original text.
///
/// Unit: Unicode code points, 0-based, as Python's `str` indexes them: offset 5 is the sixth
/// code point of the original document (not a UTF-8 byte, not a UTF-16 unit, not a grapheme).
///
/// Most text maps one to one, so only the points where the difference between the two offsets
/// changes are stored (after each removed mark, inside each expansion), and a lookup is a binary
/// search over them.
public struct OffsetMap: Sendable, Equatable {
    /// Normalised offsets where a new difference starts, ascending; the first is always 0.
    private var starts: [Int32] = [0]
    /// original = normalised + delta, for normalised offsets from the matching start onwards.
    private var deltas: [Int32] = [0]

    public init() {}

    /// Records that the normalised code point at `normalized` came from the original one at `original`.
    @inline(__always)
    mutating func record(normalized: Int, original: Int) {
        let delta = Int32(original - normalized)
        if delta != deltas[deltas.count - 1] {
            if starts[starts.count - 1] == Int32(normalized) {
                deltas[deltas.count - 1] = delta
            } else {
                starts.append(Int32(normalized))
                deltas.append(delta)
            }
        }
    }

    /// For each block of `blockSize` normalised offsets, the last breakpoint at or before its start:
    /// a look-up searches only the breakpoints of its own block (a long section of voweled text has
    /// hundreds of thousands of them). Filled by `seal`.
    private var blocks: [Int32] = []
    private static let blockShift = 8

    /// Indexes the breakpoints by block; call once every code point is recorded.
    mutating func seal() {
        guard let last = starts.last else { return }
        let count = Int(last) >> OffsetMap.blockShift + 2
        blocks = [Int32](repeating: 0, count: count)
        var breakpoint = 0
        for block in 0..<count {
            let start = Int32(truncatingIfNeeded: block << OffsetMap.blockShift)
            while breakpoint + 1 < starts.count, starts[breakpoint + 1] <= start { breakpoint += 1 }
            blocks[block] = Int32(breakpoint)
        }
    }

    /// The original offset of the code point at normalised offset `normalized`.
    public func original(_ normalized: Int) -> Int {
        var low = 0, high = starts.count - 1
        let block = normalized >> OffsetMap.blockShift
        if block + 1 < blocks.count {
            low = Int(blocks[block])
            high = Int(blocks[block + 1])
        }
        let key = Int32(normalized)
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= key { low = middle } else { high = middle - 1 }
        }
        return normalized + Int(deltas[low])
    }

    /// How many breakpoints the map holds (a measure of its cost).
    public var breakpointCount: Int { starts.count }
}
