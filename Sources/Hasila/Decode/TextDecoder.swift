import CICU

/// Turns a document's bytes into text (code points): UTF-8 with or without BOM, UTF-16 with a
/// BOM, and legacy Arabic encodings (windows-1256, ISO-8859-6) found with ICU's charset
/// detector and converted with ICU's converters. Invalid bytes become U+FFFD with a warning
/// that names the byte offset; the document is still read.
public struct TextDecoder: Sendable {
    /// An encoding the user forces (`--encoding NAME`, any name ICU knows), or nil to detect.
    public let forced: String?

    public init(forced: String? = nil) { self.forced = forced }

    public struct Decoded: Sendable {
        public let scalars: [UInt32]
        public let encoding: String
        /// Byte offset of the first invalid byte, if any.
        public let firstInvalid: Int?
    }

    public func decode(_ bytes: [UInt8]) throws -> Decoded {
        if let forced { return try convert(bytes, from: forced) }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { return try convert(Array(bytes[2...]), from: "UTF-16LE") }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { return try convert(Array(bytes[2...]), from: "UTF-16BE") }
        // A UTF-8 BOM stays in the text as U+FEFF, as Python's "utf-8" codec keeps it, so offsets agree.
        let utf8 = bytes.withUnsafeBufferPointer { UTF8Encoding.decodeScalars($0) }
        if utf8.firstInvalid == nil { return Decoded(scalars: utf8.scalars, encoding: "UTF-8", firstInvalid: nil) }
        // Text that is UTF-8 but for a few damaged bytes stays UTF-8; a legacy encoding fails nearly everywhere.
        let invalid = utf8.scalars.reduce(0) { $0 + ($1 == UTF8Encoding.replacementCharacter ? 1 : 0) }
        let nonASCII = utf8.scalars.reduce(0) { $0 + ($1 > 0x7F ? 1 : 0) }
        if invalid * 5 > nonASCII, let detected = detect(bytes), TextDecoder.legacyArabic(detected) {
            return try convert(bytes, from: detected)
        }
        return Decoded(scalars: utf8.scalars, encoding: "UTF-8", firstInvalid: utf8.firstInvalid)
    }

    /// The single-byte encodings of Arabic text that detection may choose (the rest read as damaged UTF-8).
    static func legacyArabic(_ name: String) -> Bool {
        let upper = name.uppercased()
        return upper.contains("1256") || upper.contains("8859-6")
    }

    /// ICU's best guess at a legacy encoding, when it is confident enough.
    func detect(_ bytes: [UInt8]) -> String? {
        var name = [CChar](repeating: 0, count: 64)
        let sample = bytes.prefix(1 << 16)
        let confidence = Array(sample).withUnsafeBufferPointer { hasila_icu_detect_charset($0.baseAddress, Int32($0.count), &name, 64) }
        guard confidence >= 10 else { return nil }
        let found = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return found.isEmpty ? nil : found
    }

    private func convert(_ bytes: [UInt8], from encoding: String) throws -> Decoded {
        var firstInvalid: Int64 = -1
        var capacity = bytes.count * 3 + 16
        while true {
            var output = [UInt8](repeating: 0, count: capacity)
            let written = bytes.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    hasila_icu_convert_to_utf8(encoding, input.baseAddress, Int64(input.count), out.baseAddress, Int64(capacity), &firstInvalid)
                }
            }
            if written < 0 { throw HasilaError.unknownEncoding(name: encoding) }
            if written > capacity { capacity = Int(written); continue }
            let scalars = output[0..<Int(written)].withUnsafeBufferPointer { UTF8Encoding.decodeScalars($0).scalars }
            return Decoded(scalars: scalars, encoding: encoding, firstInvalid: firstInvalid < 0 ? nil : Int(firstInvalid))
        }
    }
}
