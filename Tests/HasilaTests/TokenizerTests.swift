import XCTest
@testable import Hasila

/// The tokenizer cuts a whole text before it looks its words up, prefetching the lexicon's tables for the words
/// ahead: a word's readings must not depend on its neighbours, on how many words came before it, or on where
/// in the text it stands.
final class TokenizerTests: XCTestCase {
    private let grammar = TestGrammar.shared

    private func tokens(_ text: String) -> (tokens: [Token], scalars: [UInt32]) {
        let normalized = Normalizer(options: .matching).normalize(scalars: text.unicodeScalars.map(\.value))
        return (Tokenizer(lexicon: grammar.tables.lexicon).tokenize(normalized), normalized.scalars)
    }

    /// What a token says about its word, offsets aside.
    private func reading(_ token: Token) -> String {
        "\(token.kind) \(token.analyses) \(token.starts) \(token.nameAnalyses)"
    }

    /// A passage in the style of a monitor's report: known words with clitics, a governorate, numbers, punctuation,
    /// and invented words no grammar knows.
    private let passage = """
        وثقت الشبكة مقتل 27 مدنيا، بينهم 9 أطفال و4 سيدات، في قصف على ريف حلب الغربي يوم الثلاثاء.
        وقال مصدر طبي إن الجرحى نقلوا إلى مشفى زقلطوني الميداني؛ فيما أفاد ناشطون بسقوط قذائف على بلدة ترمسنيف.
        """

    func testEveryWordReadsAsItDoesAlone() {
        let (all, scalars) = tokens(String(repeating: passage + "\n", count: 12))
        XCTAssertGreaterThan(all.count, 400)
        XCTAssertTrue(all.contains { $0.isKnown }, "the passage has words the grammars know")
        XCTAssertTrue(all.contains { $0.kind == .word && $0.nameAnalyses.isEmpty }, "and words they do not")
        for token in all {
            let word = scalars[token.range].compactMap(Unicode.Scalar.init).map(String.init).joined()
            let alone = tokens(word).tokens
            XCTAssertEqual(alone.count, 1, word)
            XCTAssertEqual(alone.first.map(reading), reading(token), "\(word) at \(token.start)")
        }
    }

    func testAWordRepeatedFarPastTheFirstGuessOfTheWordCount() {
        // Two-letter words one space apart: more words than the candidate list is first made for (a quarter of the code points).
        let (all, _) = tokens(Array(repeating: "في", count: 2_000).joined(separator: " "))
        XCTAssertEqual(all.count, 2_000)
        XCTAssertTrue(all[0].isKnown)
        XCTAssertTrue(all.allSatisfy { reading($0) == reading(all[0]) })
    }

    func testOffsetsKindsAndSentences() {
        let (all, _) = tokens("قتل 12.500 شخص. ثم 3")
        XCTAssertEqual(all.map(\.kind), [.word, .number, .word, .punctuation, .word, .number])
        XCTAssertEqual(all.map(\.range), [0..<3, 4..<10, 11..<14, 14..<15, 16..<18, 19..<20])
        XCTAssertEqual(all.map(\.sentence), [0, 0, 0, 0, 1, 1])
        XCTAssertEqual(all.map(\.spaceBefore), [true, true, true, false, true, true])
        XCTAssertFalse(all[1].isKnown, "a number is never looked up")
    }
}
