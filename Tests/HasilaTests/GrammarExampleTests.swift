import XCTest
@testable import Hasila

/// Every example written under a grammar rule runs as a test, as Duckling runs its corpus:
/// "+" examples must produce a record with all the expectations, "-" examples must not.
final class GrammarExampleTests: XCTestCase {
    func testEveryGrammarExampleHolds() {
        let grammar = TestGrammar.shared
        XCTAssertGreaterThan(grammar.examples.count, 80, "the grammars should carry their examples")
        for example in grammar.examples {
            let failure = GrammarExampleRunner(extractor: TestGrammar.extractor).check(example)
            XCTAssertNil(failure, "\(example.file):\(example.line): \(failure ?? "")")
        }
    }

    func testExamplesCoverEveryDimension() {
        let files = Set(TestGrammar.shared.examples.map { URL(fileURLWithPath: $0.file).deletingLastPathComponent().lastPathComponent })
        for dimension in ["numbers", "cues", "categories", "dates"] {
            XCTAssertTrue(files.contains(dimension), "no examples in Grammars/\(dimension)")
        }
    }

    func testAFailingExampleIsReported() {
        let wrong = GrammarExample(mustMatch: true, text: "مقتل 5 أشخاص", expectations: ["6"], file: "x", line: 1)
        XCTAssertNotNil(GrammarExampleRunner(extractor: TestGrammar.extractor).check(wrong))
        let decoy = GrammarExample(mustMatch: false, text: "مقتل 5 أشخاص", expectations: [], file: "x", line: 1)
        XCTAssertNotNil(GrammarExampleRunner(extractor: TestGrammar.extractor).check(decoy))
    }
}

/// `hasila check-grammars` runs the same examples for someone editing the rules.
final class CheckGrammarsCommandTests: XCTestCase {
    func testTheBundledGrammarsPass() throws {
        let result = try CLI.run(["check-grammars"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("examples, 0 failing"), result.stdout)
    }

    func testAFailingExampleIsNamedWithItsLine() throws {
        let folder = TemporaryFolder()
        let bundled = SharedMaterial.grammars
        for relative in FileManager.default.enumerator(atPath: bundled)!.compactMap({ $0 as? String }) where relative.hasSuffix(".grammar") {
            folder.write(relative, try String(contentsOfFile: bundled + "/" + relative, encoding: .utf8))
        }
        folder.write("cues/mine.grammar", "qualifier about before = تقريبا نحو\n  + مقتل نحو 40 شخصا => 41\n")
        let result = try CLI.run(["check-grammars", "--grammars", folder.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("mine.grammar:2:"), result.stderr)
    }
}
