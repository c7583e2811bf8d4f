import XCTest
@testable import Hasila

final class NormalizerTests: XCTestCase {
    let plain = Normalizer()

    func testRemovesHarakatAndShadda() {
        XCTAssertEqual(plain.normalizedString("وثَّقت"), "وثقت")
    }

    func testRemovesTanweenBeforeAndAfterAlef() {
        XCTAssertEqual(plain.normalizedString("مدنيًا"), "مدنيا")
        XCTAssertEqual(plain.normalizedString("مدنياً"), "مدنيا")
    }

    func testUnifiesArabicIndicDigits() {
        XCTAssertEqual(plain.normalizedString("٥٢٣٣"), "5233")
    }

    func testExtendedDigitsAndDecimalSeparator() {
        XCTAssertEqual(plain.normalizedString("۲٫۳"), "2.3")
    }

    func testThousandsSeparatorAndPercent() {
        XCTAssertEqual(plain.normalizedString("٥٬٢٣٣"), "5,233")
        XCTAssertEqual(plain.normalizedString("٨٥٪"), "85%")
    }

    func testOtherScriptsDigits() {
        // Devanagari and Bengali digits, and a supplementary-plane mathematical digit.
        XCTAssertEqual(plain.normalizedString("१२৩\u{1D7D5}"), "1237")
    }

    func testLamAlefLigatureFoldsThroughNFKC() {
        XCTAssertEqual(plain.normalizedString("ﻻ"), "لا")
        XCTAssertEqual(plain.normalizedString("ﺑﺴﻢ"), "بسم")
    }

    /// Text that grows in normalisation more than the writer's first buffer allows (a ligature of many letters,
    /// again and again) comes out whole, the same as normalising its pieces, and maps every letter back to it.
    func testTextThatExpandsPastTheFirstBufferComesOutWhole() {
        let ligature = "\u{FDFA}"   // one code point, many letters once folded
        let one = plain.normalize(ligature)
        XCTAssertGreaterThan(one.scalars.count, 8)
        let text = String(repeating: "ب" + ligature, count: 200)
        let normalized = plain.normalize(text)
        XCTAssertEqual(normalized.scalars.count, 200 * (1 + one.scalars.count))
        XCTAssertEqual(normalized.string, String(repeating: "ب" + one.string, count: 200))
        // Each "ب" maps to its own place in the original, each folded letter into its ligature's.
        let stride = 1 + one.scalars.count
        for copy in [0, 1, 99, 199] {
            XCTAssertEqual(normalized.map.original(copy * stride), copy * 2)
            XCTAssertEqual(normalized.map.original(copy * stride + 1), copy * 2 + 1)
            XCTAssertEqual(normalized.map.original(copy * stride + stride - 1), copy * 2 + 1)
        }
    }

    func testHamzaIsKept() {
        XCTAssertEqual(plain.normalizedString("مؤسسة"), "مؤسسة")
        XCTAssertEqual(plain.normalizedString("هيئة"), "هيئة")
        XCTAssertEqual(plain.normalizedString("أإآ"), "أإآ")
    }

    func testTatweelIsRemoved() {
        XCTAssertEqual(plain.normalizedString("م\u{0640}\u{0640}دنيين"), "مدنيين")
    }

    func testBidiMarkInsideNumberDisappears() {
        XCTAssertEqual(plain.normalizedString("52\u{200F}33"), "5233")
        XCTAssertEqual(plain.normalizedString("\u{202B}12\u{202C}\u{2066}3\u{2069}\u{061C}"), "123")
    }

    func testSpacesAndJoiners() {
        XCTAssertEqual(plain.normalizedString("a\u{00A0}b\u{2009}c\u{200C}d\u{200D}e"), "a b cde")
        XCTAssertEqual(plain.normalizedString("a\nb\tc"), "a\nb\tc")
    }

    func testFoldingSwitchesAreIndependent() {
        XCTAssertEqual(Normalizer(options: .foldAlef).normalizedString("أإآٱ ى ة"), "اااا ى ة")
        XCTAssertEqual(Normalizer(options: .foldAlefMaksura).normalizedString("أ ى ة"), "أ ي ة")
        XCTAssertEqual(Normalizer(options: .foldTehMarbuta).normalizedString("أ ى ة"), "أ ى ه")
        XCTAssertEqual(Normalizer(options: .matching).normalizedString("إحصائيّة مستشفى"), "احصائيه مستشفي")
    }

    func testOffsetMapPointsIntoOriginal() {
        let original = "قُتِلَ ٥٢٣٣ مدنيًّا"
        let normalized = plain.normalize(original)
        XCTAssertEqual(normalized.string, "قتل 5233 مدنيا")
        let digits = Array(normalized.string.unicodeScalars).firstIndex(of: "5")!
        let range = normalized.originalRange(digits..<(digits + 4))
        XCTAssertEqual(normalized.originalText(range), "٥٢٣٣")
        // The word's span keeps the diacritics that follow its last letter.
        let word = normalized.scalars.count - 5
        XCTAssertEqual(normalized.originalText(normalized.originalRange(word..<(word + 5))), "مدنيًّا")
    }

    func testNormalisingTwiceChangesNothing() {
        for text in sampleTexts() {
            for options in [NormalizationOptions(), .matching] {
                let once = Normalizer(options: options).normalizedString(text)
                XCTAssertEqual(Normalizer(options: options).normalizedString(once), once)
            }
        }
    }

    func testEveryNormalisedSpanMapsBackToTextThatNormalisesToIt() {
        var generator = SplitMix64(seed: 7)
        for text in sampleTexts() {
            let normalized = Normalizer(options: .matching).normalize(text)
            let count = normalized.scalars.count
            guard count > 0 else { continue }
            for _ in 0..<200 {
                var a = Int(generator.next() % UInt64(count))
                var b = Int(generator.next() % UInt64(count + 1))
                if a > b { swap(&a, &b) }
                // Snap to whole expansions: a span may not split what one original code point became.
                while a > 0 && normalized.map.original(a - 1) == normalized.map.original(a) { a -= 1 }
                while b < count && b > 0 && normalized.map.original(b - 1) == normalized.map.original(b) { b += 1 }
                let original = normalized.originalRange(a..<b)
                let back = Normalizer(options: .matching).normalize(scalars: Array(normalized.original[original]))
                XCTAssertEqual(back.scalars, Array(normalized.scalars[a..<b]), "span \(a)..<\(b) of \(text)")
            }
        }
    }

    func testRandomAndInvalidInputNeverCrashes() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let length = Int(generator.next() % 200)
            var bytes = [UInt8](repeating: 0, count: length)
            for i in 0..<length { bytes[i] = UInt8(truncatingIfNeeded: generator.next()) }
            let scalars = bytes.withUnsafeBufferPointer { UTF8Encoding.decodeScalars($0).scalars }
            let normalized = plain.normalize(scalars: scalars)
            XCTAssertEqual(plain.normalize(scalars: normalized.scalars).scalars, normalized.scalars)
            let stream = StreamNormalizer()
            var out: [UInt8] = []
            bytes.withUnsafeBufferPointer { stream.feed($0) { out.append(contentsOf: $0) } }
            stream.finish { out.append(contentsOf: $0) }
            XCTAssertEqual(out, UTF8Encoding.encode(normalized.scalars))
        }
        var random: [UInt32] = []
        for _ in 0..<5000 {
            var code = UInt32(generator.next() % 0x110000)
            if (0xD800...0xDFFF).contains(code) { code = 0x41 }
            random.append(code)
        }
        let once = plain.normalize(scalars: random).scalars
        XCTAssertEqual(plain.normalize(scalars: once).scalars, once)
    }

    func testStreamNormaliserAgreesWithScalarNormaliserAcrossChunkBoundaries() {
        let text = sampleTexts().joined(separator: "\n")
        let bytes = Array(text.utf8)
        let expected = UTF8Encoding.encode(Normalizer(options: .matching).normalize(text).scalars)
        for chunkSize in [1, 2, 3, 5, 7, 64, 4096] {
            XCTAssertEqual(streamed(bytes, options: .matching, chunk: chunkSize, buffer: 16), expected, "chunk size \(chunkSize)")
        }
    }

    func testTheByteLoopAgreesOnArabicMixedWithDamage() {
        // Pieces that exercise the eight-byte fast path and its edges: letters that stay, letters that change,
        // ASCII, three-byte characters, lone continuation bytes, cut sequences.
        let pieces: [[UInt8]] = [
            Array("مدني".utf8), Array("وثَّقت".utf8), Array(" ".utf8), Array("abc ".utf8), Array("٥٢٣".utf8), Array("ـ".utf8),
            Array("\u{200F}".utf8), Array("ﻻ".utf8), Array("é".utf8), [0x80], [0xBF], [0xD9], [0xE2, 0x80], [0xC3], [0xFF],
            Array("ڤ".utf8), Array("ۖ".utf8), Array("\u{00A0}".utf8), Array("أإآ ى ة".utf8),
        ]
        var generator = SplitMix64(seed: 2026)
        for options in [NormalizationOptions(), .matching] {
            for _ in 0..<600 {
                var bytes: [UInt8] = []
                for _ in 0..<Int(generator.next() % 60) { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
                let scalars = bytes.withUnsafeBufferPointer { UTF8Encoding.decodeScalars($0).scalars }
                let expected = UTF8Encoding.encode(Normalizer(options: options).normalize(scalars: scalars).scalars)
                for chunk in [bytes.count + 1, 7, 13] {
                    XCTAssertEqual(streamed(bytes, options: options, chunk: chunk, buffer: 64), expected, "bytes \(bytes), chunk \(chunk)")
                }
            }
        }
    }

    /// The bytes through the stream normaliser, fed `chunk` bytes at a time, with a small output buffer.
    private func streamed(_ bytes: [UInt8], options: NormalizationOptions, chunk: Int, buffer: Int) -> [UInt8] {
        let stream = StreamNormalizer(options: options, bufferSize: buffer)
        var out: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + max(1, chunk))
            bytes[offset..<end].withUnsafeBufferPointer { part in stream.feed(part) { out.append(contentsOf: $0) } }
            offset = end
        }
        stream.finish { out.append(contentsOf: $0) }
        return out
    }

    func testReportsTheSystemICU() throws {
        let version = ICU.version
        XCTAssertFalse(version.isEmpty)
        // The system ICU (Debian's libicu-dev), not the copy inside Foundation.
        if let pkg = try? String(contentsOfFile: "/usr/lib/x86_64-linux-gnu/pkgconfig/icu-uc.pc", encoding: .utf8),
           let line = pkg.split(separator: "\n").first(where: { $0.hasPrefix("Version:") }) {
            let system = line.dropFirst("Version:".count).trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(system.hasPrefix(version) || version.hasPrefix(system), "linked \(version), system \(system)")
        } else {
            XCTAssertTrue(version.hasPrefix("72"), "linked ICU \(version)")
        }
    }

    func sampleTexts() -> [String] {
        var texts = [
            "وثَّقت الشبكة مقتل ما لا يقل عن ٥٢٣٣ مدنيًّا، بينهم ١٤١٧ طفلاً",
            "ﻻ إله إلا ﷲ ﷺ \u{FEFF}بداية",
            "قتل ١٢ شخصاً\u{200F} و۳۴ جريحاً، بنسبة ٨٥٪ تقريباً ٫ ٬",
            "م\u{0640}\u{0640}دنيين، مؤسسة هيئة، مستشفى، إحصائيّة",
            "English words 123 and ١٢٣ mixed\u{00A0}spaces\u{2003}here",
            "\u{FE70}\u{FE71}\u{FEF5}\u{FEF7}\u{FEFB}",
        ]
        if let seeds = try? FileManager.default.contentsOfDirectory(atPath: SharedMaterial.seeds) {
            for name in seeds where name.hasSuffix(".txt") {
                if let text = try? String(contentsOfFile: SharedMaterial.seeds + "/" + name, encoding: .utf8) {
                    texts.append(text)
                }
            }
        }
        return texts
    }
}

/// A small deterministic random generator for property tests.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
