import Foundation
import XCTest
@testable import Hasila

/// Replays every input in FuzzRegressions (the fuzzer's crashes, and the issue's hostile inputs
/// in the fuzzer's format: a first byte choosing the reading, then the bytes) through the same
/// checks the fuzz target makes (`RecordInvariants`), and a few arbitrary-byte inputs besides.
final class FuzzRegressionTests: XCTestCase {
    static let folder = SharedMaterial.repository + "/Tests/HasilaTests/FuzzRegressions"
    static let invariants = RecordInvariants(grammar: TestGrammar.shared)

    func testEveryKeptInputHoldsEveryInvariant() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: FuzzRegressionTests.folder).sorted()
        XCTAssertGreaterThanOrEqual(names.count, 6)
        for name in names {
            let bytes = [UInt8](FileManager.default.contents(atPath: FuzzRegressionTests.folder + "/" + name) ?? Data())
            for mode: UInt8 in [0, 1, 2, 3, 0x83] {
                // Each input in its own reading and in every other one.
                let input = [mode] + bytes.dropFirst()
                XCTAssertEqual(FuzzRegressionTests.invariants.violations(input), [], "\(name) read in mode \(mode)")
            }
        }
    }

    /// A raw U+FEFF inside a JSON line's text is counted, and raw separators in its other fields are escaped.
    func testAJSONLinesRawByteOrderMarksAndSeparators() throws {
        let bytes = [UInt8](FileManager.default.contents(atPath: FuzzRegressionTests.folder + "/json-raw-bom-and-separator")!).dropFirst()
        let folder = TemporaryFolder()
        let path = folder.write("bom.jsonl", bytes: Array(bytes) + [0x0A])
        let result = try CLI.run(["extract", "--quiet", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stdout.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" })
        let text = try JSONDecoder().decode([String: String].self, from: Data(bytes))["text"]!
        XCTAssertEqual(result.records.map { $0["value"] as? Int }, [5, 40])
        for record in result.records {
            XCTAssertEqual(text.codePoints((record["start"] as! Int)..<(record["end"] as! Int)), record["text"] as? String)
            XCTAssertEqual((record["meta"] as? [String: String])?["note"], "a\u{2028}b")
        }
    }

    /// A cue glued across a sentence's end ("وبحسب!المتحدث") made the linkers' windows cross and stopped the
    /// whole run: through the CLI, that document and the one after it keep their records.
    func testALinkWindowCrossedBySentenceEndStopsNothing() throws {
        let bytes = [UInt8](FileManager.default.contents(atPath: FuzzRegressionTests.folder + "/link-attribution-across-sentence-end")!).dropFirst()
        let folder = TemporaryFolder()
        folder.write("a.txt", bytes: Array(bytes))
        folder.write("b.txt", "أصيب 7 أشخاص بجروح في الحادث.\n")
        let result = try CLI.run(["extract", "--quiet", folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.records.map { "\($0["doc"] ?? "")=\($0["value"] ?? "")" }, ["a=4", "b=7"])
    }

    /// Mutations of real text, as the fuzzer makes them, without libFuzzer: runs of digits, a scale
    /// word after huge numbers, raw separators and BOMs, cut and spliced bytes, in every reading.
    func testMutatedCorpusTextHoldsEveryInvariant() throws {
        var generator = SplitMix(seed: 2026)
        let folder = SharedMaterial.corpus + "/documents"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().prefix(20)
        let inserts: [[UInt8]] = [Array(String(repeating: "9", count: 40).utf8), Array(" 10000000000 مليار ".utf8), Array("\u{FEFF}".utf8),
                                  Array("\u{2028}".utf8), Array("&#0;".utf8), Array("2017.123456789012.5".utf8), Array("2ر".utf8), [0xFF, 0xC2]]
        for name in names {
            let original = [UInt8](FileManager.default.contents(atPath: folder + "/" + name) ?? Data()).prefix(3000)
            for round in 0..<4 {
                var bytes = Array(original)
                for _ in 0..<6 {
                    let at = bytes.isEmpty ? 0 : Int(generator.next() % UInt64(bytes.count))
                    switch generator.next() % 3 {
                    case 0: bytes.insert(contentsOf: inserts[Int(generator.next() % UInt64(inserts.count))], at: at)
                    case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int(generator.next() % 40)))
                    default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 200)], at: Int(generator.next() % UInt64(bytes.count + 1)))
                    }
                }
                let mode = UInt8(round == 3 ? 0x83 : round)
                XCTAssertEqual(FuzzRegressionTests.invariants.violations([mode] + bytes), [], "\(name) round \(round)")
            }
        }
    }

    func testPseudoRandomBytesHoldEveryInvariant() {
        var generator = SplitMix(seed: 12)
        let alphabet: [UInt32] = [0x20, 0x0A, 0x2E, 0x30, 0x35, 0x39, 0x2C, 0x2F, 0x2D, 0x627, 0x644, 0x642, 0x62A, 0x645, 0x6F5, 0x661,
                                  0x200F, 0xFEFF, 0x2028, 0x85, 0x64B, 0x640, 0xFEFB, 0x3C, 0x3E, 0x26, 0x23, 0x3B]
        for _ in 0..<300 {
            let length = Int(generator.next() % 200)
            let scalars = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let text = UTF8Encoding.encode(scalars)
            let mode = UInt8(generator.next() % 256)
            XCTAssertEqual(FuzzRegressionTests.invariants.violations([mode] + text), [], String(decoding: text, as: UTF8.self))
        }
    }
}
