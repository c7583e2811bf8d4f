import XCTest
@testable import Hasila

/// The qualifier reader alone: which cue before a figure it reads, where the cues begin, and when a
/// conjunction keeps a cue from spreading.
final class QualifierReaderTests: XCTestCase {
    private let grammar = TestGrammar.shared

    /// The tokens of a sentence and the index of the token that holds `figure`.
    private func read(_ sentence: String, figure: String) -> (lead: QualifierReader.Lead, tokens: [Token], text: NormalizedText) {
        let text = Normalizer(options: .matching).normalize(scalars: sentence.unicodeScalars.map(\.value))
        let tokens = Tokenizer(lexicon: grammar.tables.lexicon).tokenize(text)
        let target = Normalizer(options: .matching).normalize(scalars: figure.unicodeScalars.map(\.value)).scalars
        let index = tokens.firstIndex { Array(text.scalars[Int($0.start)..<Int($0.end)]) == target }!
        let lead = QualifierReader(grammar: grammar).lead(at: index, floor: 0, cueFloor: 0, tokens: tokens, scalars: text.scalars)
        return (lead, tokens, text)
    }

    private func words(_ range: Range<Int>?, _ tokens: [Token], _ text: NormalizedText) -> String? {
        guard let range else { return nil }
        let scalars = text.scalars[Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end)]
        return String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }

    func testACueBeforeTheFigureQualifiesIt() throws {
        let (lead, tokens, text) = read("وثقت الشبكة مقتل ما لا يقل عن 40 مدنيا", figure: "40")
        XCTAssertEqual(lead.qualifier, .atLeast)
        XCTAssertFalse(lead.conjoined)
        XCTAssertEqual(words(lead.cueWords, tokens, text), "ما لا يقل عن")
        XCTAssertEqual(lead.cueStart, lead.cueWords?.lowerBound)
        let source = try XCTUnwrap(lead.rule.map { grammar.tables.ruleSources[$0] })
        XCTAssertTrue(source.hasPrefix("cues/qualifiers.grammar:"), source)
    }

    func testACueAcrossTheCountedNounAfterعدد() {
        let (lead, _, _) = read("تجاوز عدد الجرحى 29 ألفا", figure: "29")
        XCTAssertEqual(lead.qualifier, .moreThan)
    }

    func testTheFirstEndOfARange() {
        let (lead, _, _) = read("قتل ما بين 400 و450 شخصا", figure: "400")
        XCTAssertTrue(lead.isRange)
        XCTAssertEqual(lead.qualifier, .exact, "the figure reader makes it at_least and its partner at_most")
    }

    func testACueDoesNotSpreadOverAConjunction() {
        let (lead, _, _) = read("دمر ما لا يقل عن 30 منزلا و7 محال", figure: "7")
        XCTAssertTrue(lead.conjoined)
        XCTAssertEqual(lead.qualifier, .exact)
        XCTAssertNil(lead.rule)
    }

    func testNoCueMeansExact() {
        let (lead, _, _) = read("قتل 12 شخصا", figure: "12")
        XCTAssertEqual(lead.qualifier, .exact)
        XCTAssertNil(lead.cueWords)
    }
}
