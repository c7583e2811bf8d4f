import XCTest
@testable import Hasila

/// The sealed lexicon's look-ups, checked against what was registered: every stem a rule names is found as a word
/// with no clitics, with its own reading, and its forms with clitics read as that stem with their prefix.
final class LexiconLookupTests: XCTestCase {
    private let grammar = TestGrammar.shared

    private func tokens(_ scalars: [UInt32]) -> [Token] {
        let normalized = Normalizer(options: .matching).normalize(scalars: scalars)
        return Tokenizer(lexicon: grammar.tables.lexicon).tokenize(normalized)
    }

    func testEveryStemIsFoundAsItself() {
        let lexicon = grammar.tables.lexicon
        var checked = 0
        for id in 0..<Int32(lexicon.stems.count) {
            let scalars = lexicon.stem(id).unicodeScalars.map(\.value)
            let found = tokens(scalars)
            // Stems of several tokens (a digit, a mark) are phrases' parts, not one look-up.
            guard found.count == 1, found[0].range == 0..<scalars.count else { continue }
            checked += 1
            let readings = found[0].nameAnalyses.map { lexicon.analyses[Int($0)] }
            XCTAssertTrue(readings.contains { $0.stem == id && $0.prefixLength == 0 }, "stem \(lexicon.stem(id)) is not found as itself")
        }
        XCTAssertGreaterThan(checked, lexicon.stems.count * 9 / 10, "nearly every stem is one word")
        XCTAssertGreaterThan(lexicon.formCount, checked * 10, "clitics and suffixes make many forms of each stem")
    }

    func testAWordWithCliticsReadsAsItsStem() {
        let lexicon = grammar.tables.lexicon
        let plain = tokens("مدنيين".unicodeScalars.map(\.value))
        let clitic = tokens("والمدنيين".unicodeScalars.map(\.value))
        XCTAssertEqual(plain.count, 1)
        XCTAssertEqual(clitic.count, 1)
        let stems = Set(plain[0].analyses.map { lexicon.analyses[Int($0)].stem })
        XCTAssertFalse(stems.isEmpty, "a word the casualty rules name")
        let cliticReadings = clitic[0].analyses.map { lexicon.analyses[Int($0)] }
        XCTAssertTrue(cliticReadings.contains { stems.contains($0.stem) && $0.prefixLength == 3 }, "و + ال + the same stem")
    }

    func testAnInventedWordHasNoReading() {
        let found = tokens("زقلطوني".unicodeScalars.map(\.value))
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].nameAnalyses.isEmpty)
        XCTAssertEqual(found[0].starts, 0)
    }

    func testANameOnlyTheGazetteerUsesIsNoWordOfTheOtherRules() {
        // A town of the gazetteer that no other rule names.
        let found = tokens("دوما".unicodeScalars.map(\.value))
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].analyses.isEmpty, "the grammar's rules do not see it")
        XCTAssertFalse(found[0].nameAnalyses.isEmpty, "the name finder does")
    }
}
