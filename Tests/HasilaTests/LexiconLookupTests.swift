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

    /// A word's readings from a sealed lexicon, looked up as the tokenizer does.
    private func readings(_ word: String, in lexicon: Lexicon) -> [Lexicon.Analysis] {
        let scalars = word.unicodeScalars.map(\.value)
        let range = scalars.withUnsafeBufferPointer { buffer in
            lexicon.withReader { $0.lookup(buffer, hash: Lexicon.hash(buffer)).analyses }
        }
        return range.map { lexicon.analyses[Int($0)] }
    }

    func testALexiconWhoseSlotsGrowFindsEveryForm() {
        // Sixteen slots to begin with: thousands of forms make them double many times, each form's chain put in again
        // from the hash its record keeps while building.
        var lexicon = Lexicon(initialSlots: 16)
        var ids: [String: Int32] = [:]
        for number in 0..<3000 {
            let word = "ك" + String(number, radix: 7).map { digit in ["ب", "ت", "ث", "ج", "ح", "خ", "د"][Int(String(digit))!] }.joined()
            ids[word] = lexicon.register(stem: word, classes: nil)
        }
        lexicon.seal()
        XCTAssertEqual(lexicon.formCount, 3000, "a form a stem, with no clitic or suffix declared")
        for (word, id) in ids {
            XCTAssertEqual(readings(word, in: lexicon).map(\.stem), [id], word)
        }
        XCTAssertTrue(readings("كززز", in: lexicon).isEmpty, "a word never registered")
    }

    func testAFormOfTwoStemsKeepsBothReadingsOnce() {
        var lexicon = Lexicon(initialSlots: 16)
        lexicon.addPrefix("و".unicodeScalars.map(\.value), className: "conjunction")
        // "وصل" is a stem, and "و" + "صل" another stem's form: one form, two readings, the plainer first.
        let whole = lexicon.register(stem: "وصل", classes: nil)
        let part = lexicon.register(stem: "صل", classes: nil)
        // Registering again adds nothing.
        XCTAssertEqual(lexicon.register(stem: "صل", classes: nil), part)
        lexicon.seal()
        let found = readings("وصل", in: lexicon)
        XCTAssertEqual(found.map(\.stem), [whole, part])
        XCTAssertEqual(found.map(\.prefixLength), [0, 1])
        XCTAssertEqual(readings("صل", in: lexicon).map(\.stem), [part])
        XCTAssertEqual(lexicon.formCount, 3, "وصل، ووصل، صل (و + صل is the first form again)")
    }
}
