/// A document's text after normalisation, with the way back to the original.
///
/// Offsets into `scalars` are normalised offsets; `originalRange` turns a normalised span into
/// the code-point span of the original text (see `OffsetMap` for the unit).
public struct NormalizedText: Sendable {
    /// The original text's code points.
    public let original: [UInt32]
    /// The normalised code points.
    public let scalars: [UInt32]
    public let map: OffsetMap
    let table: NormalizationTable

    /// The original span of the normalised half-open span `range`, widened over the removed marks
    /// (harakat, tanween, tatweel) that follow its last letter, so a word keeps its diacritics.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let point = range.lowerBound < scalars.count ? map.original(range.lowerBound) : original.count
            return point..<point
        }
        let start = map.original(range.lowerBound)
        var end = map.original(range.upperBound - 1) + 1
        // Inside an expansion (one original code point, several normalised ones) the end is that code point's end.
        while end < original.count {
            let code = original[end]
            guard code < 0x10000, table.attachedMark[Int(code)] else { break }
            end += 1
        }
        return start..<end
    }

    /// The original text of a span, as a String.
    public func originalText(_ range: Range<Int>) -> String {
        // Written straight into the string's storage, sized exactly: a short span (a number, a town) then fits in
        // the String itself, with no allocation, and a long one takes only the memory it needs.
        var length = 0
        for index in range {
            let code = original[index]
            length += 1 + (code >= 0x80 ? 1 : 0) + (code >= 0x800 ? 1 : 0) + (code >= 0x10000 ? 1 : 0)
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var at = 0
            for index in range { at += UTF8Encoding.write(original[index], into: buffer, at: at) }
            return at
        }
    }

    /// The normalised text as a String (for tests and diagnostics, not the hot path).
    public var string: String { String(decoding: UTF8Encoding.encode(scalars), as: UTF8.self) }
}
