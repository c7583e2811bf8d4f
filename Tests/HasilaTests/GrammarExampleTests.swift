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
