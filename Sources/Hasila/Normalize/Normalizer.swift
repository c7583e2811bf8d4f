/// Normalises Arabic text for matching: removes diacritics and tatweel, unifies digits, folds
/// presentation forms through NFKC, removes bidi controls, unifies spaces, and (by option) folds
/// alef, alef maksura and teh marbuta.
///
/// The decisions come from a `NormalizationTable` built once from ICU; this type runs the loops.
public struct Normalizer: Sendable {
    public let options: NormalizationOptions
    let table: NormalizationTable

    public init(options: NormalizationOptions = []) {
        self.options = options
        self.table = NormalizationTable.shared(options)
    }

    /// Normalises code points, keeping the offset map back to them.
    ///
    /// The loop runs once per code point of every document, so it writes through a buffer sized for text that is
    /// kept or replaced one for one (redone larger in the rare text that expands more, such as ligatures), and
    /// tells the map only where the difference between the offsets changes (the map ignores the others anyway).
    public func normalize(scalars original: [UInt32]) -> NormalizedText {
        var capacity = original.count + 64
        while true {
            var map = OffsetMap()
            var complete = true
            let output = [UInt32](unsafeUninitializedCapacity: capacity) { out, written in
                if let count = write(original, into: out, map: &map) { written = count } else { complete = false }
            }
            if complete {
                map.seal()
                return NormalizedText(original: original, scalars: output, map: map, table: table)
            }
            capacity = capacity * 2 + 64
        }
    }

    /// Writes the normalised code points of `original` into `out`: how many, nil when they do not fit.
    private func write(_ original: [UInt32], into out: UnsafeMutableBufferPointer<UInt32>, map: inout OffsetMap) -> Int? {
        table.scalarEntries.withUnsafeBufferPointer { entries in
            table.replacementScalars.withUnsafeBufferPointer { replacements in
                original.withUnsafeBufferPointer { source -> Int? in
                    // Locals of this closure, so that they live in registers through the loop.
                    let capacity = out.count
                    var count = 0
                    // original - normalised for the code point last recorded: the map needs to hear only of a change.
                    var delta = 0
                    for index in 0..<source.count {
                        let code = source[index]
                        let entry = code < 0x10000 ? entries[Int(code)] : NormalizationTable.keep
                        if entry == NormalizationTable.keep {
                            guard count < capacity else { return nil }
                            if index - count != delta {
                                delta = index - count
                                map.record(normalized: count, original: index)
                            }
                            out[count] = code < 0x10000 ? code : table.supplementaryReplacement(code) ?? code
                            count += 1
                        } else {
                            let start = Int(entry >> 8), length = Int(entry & 0xFF)
                            guard count + length <= capacity else { return nil }
                            for k in 0..<length {
                                if index - count != delta {
                                    delta = index - count
                                    map.record(normalized: count, original: index)
                                }
                                out[count] = replacements[start + k]
                                count += 1
                            }
                        }
                    }
                    return count
                }
            }
        }
    }

    /// Normalises a String (convenience for tests and small inputs).
    public func normalize(_ text: String) -> NormalizedText {
        normalize(scalars: text.unicodeScalars.map(\.value))
    }

    /// The normalised form of a String, without the map.
    /// The same code points as `normalize(_:)`, written straight to UTF-8: the grammar compiler normalises every
    /// word of every rule, and needs no offset map for them.
    public func normalizedString(_ text: String) -> String {
        // Most words of the rules are written as they are matched: those are handed back as they are, with no
        // bytes written (the same UTF-8 either way).
        let unchanged = table.scalarEntries.withUnsafeBufferPointer { entries in
            text.unicodeScalars.allSatisfy { $0.value < 0x10000 && entries[Int($0.value)] == NormalizationTable.keep }
        }
        if unchanged { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        table.scalarEntries.withUnsafeBufferPointer { entries in
            table.replacementScalars.withUnsafeBufferPointer { replacements in
                for scalar in text.unicodeScalars {
                    let code = scalar.value
                    if code < 0x10000 {
                        let entry = entries[Int(code)]
                        if entry == NormalizationTable.keep {
                            UTF8Encoding.append(code, to: &bytes)
                        } else {
                            let start = Int(entry >> 8), count = Int(entry & 0xFF)
                            for k in 0..<count { UTF8Encoding.append(replacements[start + k], to: &bytes) }
                        }
                    } else {
                        UTF8Encoding.append(table.supplementaryReplacement(code) ?? code, to: &bytes)
                    }
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
