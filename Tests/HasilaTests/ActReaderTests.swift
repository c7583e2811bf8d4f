import XCTest
@testable import Hasila

/// The act reader alone: which act governs a figure, read back in its clause or forward to its verb.
final class ActReaderTests: XCTestCase {
    private let grammar = TestGrammar.shared

    private func tokens(_ sentence: String) -> (tokens: [Token], text: NormalizedText) {
        let text = Normalizer(options: .matching).normalize(scalars: sentence.unicodeScalars.map(\.value))
        return (Tokenizer(lexicon: grammar.tables.lexicon).tokenize(text), text)
    }

    private func index(of word: String, in tokens: [Token], _ text: NormalizedText) -> Int {
        let target = Normalizer(options: .matching).normalize(scalars: word.unicodeScalars.map(\.value)).scalars
        return tokens.firstIndex { Array(text.scalars[Int($0.start)..<Int($0.end)]) == target }!
    }

    private func before(_ sentence: String, figure: String) -> ActReader.Act? {
        let (tokens, text) = tokens(sentence)
        return ActReader(grammar: grammar).before(index(of: figure, in: tokens, text), floor: 0, tokens: tokens, skipping: 0..<0)
    }

    private func after(_ sentence: String, noun: String) -> ActReader.Act? {
        let (tokens, text) = tokens(sentence)
        let start = index(of: noun, in: tokens, text) + 1
        return ActReader(grammar: grammar).after(start, sentence: tokens[start - 1].sentence, tokens: tokens, scalars: text.scalars)
    }

    func testTheClosestActBeforeTheFigure() {
        let act = before("أسفر القصف عن مقتل 30 شخصا", figure: "30")
        XCTAssertEqual(act?.key, "killed")
        XCTAssertEqual(act?.role, .event)
        XCTAssertEqual(act?.adjacent, true)
    }

    func testAPhraseThatCoversTheWordReachedFirstIsOneAct() {
        // "وإصابة" alone is an injury; with "مقتل" before it, killed and injured together: no category.
        XCTAssertEqual(before("أسفر الهجوم عن مقتل وإصابة 40 شخصا", figure: "40")?.key, "null")
    }

    func testAClauseBoundaryStopsTheReadingBack() {
        XCTAssertNil(before("قتل الجنود فيما وصل 30 شخصا", figure: "30"))
    }

    func testTheActAfterAFigureItsSubject() {
        let act = after("قال مسؤولون إن 12 شخصا على الأقل قتلوا في الهجوم", noun: "شخصا")
        XCTAssertEqual(act?.key, "killed")
        XCTAssertEqual(act?.adjacent, true, "only a qualifier stands between")
        let aside = after("أكدت الشرطة أن 9 أشخاص، بينهم امرأتان، لقوا حتفهم", noun: "أشخاص")
        XCTAssertEqual(aside?.key, "killed")
    }

    func testAnActJoinedByوIsAnotherClausesAct() {
        XCTAssertNil(after("قتل 18 شخصا وأصيب العشرات", noun: "شخصا"))
        XCTAssertNil(after("بلغ عدد المرضى 60 حالة توفي منها 20", noun: "حالة"), "the act of a part after منها")
    }
}
