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
    public func normalize(scalars original: [UInt32]) -> NormalizedText {
        var output: [UInt32] = []
        output.reserveCapacity(original.count)
        var map = OffsetMap()
        table.scalarEntries.withUnsafeBufferPointer { entries in
            table.replacementScalars.withUnsafeBufferPointer { replacements in
                for index in 0..<original.count {
                    let code = original[index]
                    if code < 0x10000 {
                        let entry = entries[Int(code)]
                        if entry == NormalizationTable.keep {
                            map.record(normalized: output.count, original: index)
                            output.append(code)
                        } else {
                            let start = Int(entry >> 8), count = Int(entry & 0xFF)
                            for k in 0..<count {
                                map.record(normalized: output.count, original: index)
                                output.append(replacements[start + k])
                            }
                        }
                    } else {
                        map.record(normalized: output.count, original: index)
                        output.append(table.supplementaryReplacement(code) ?? code)
                    }
                }
            }
        }
        map.seal()
        return NormalizedText(original: original, scalars: output, map: map, table: table)
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
