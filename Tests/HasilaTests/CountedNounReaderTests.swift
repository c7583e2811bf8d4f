import XCTest
@testable import Hasila

/// The counted noun reader alone: which phrase a figure counts, and when a number counts nothing.
final class CountedNounReaderTests: XCTestCase {
    private func read(_ sentence: String, figure: String) -> (noun: String?, partitive: Bool)? {
        let fixture = FigureContextFixture(sentence, figure: figure)
        XCTAssertGreaterThanOrEqual(fixture.mentionIndex, 0, "no number mention «\(figure)» in «\(sentence)»")
        guard fixture.mentionIndex >= 0 else { return nil }
        let grammar = fixture.grammar
        let cues = FigureCueReader(grammar: grammar, qualifiers: QualifierReader(grammar: grammar), categories: CategoryResolver(grammar: grammar), trace: nil)
            .before(fixture.mention, context: fixture.context)
        guard let counted = CountedNounReader(grammar: grammar, categories: CategoryResolver(grammar: grammar))
            .read(fixture.mentionIndex, cues: cues, context: fixture.context) else { return nil }
        return (fixture.words(counted.phrase.noun), counted.partitive)
    }

    func testTheNounAfterTheFigure() {
        XCTAssertEqual(read("قتل 14 مدنيا في القصف", figure: "14")?.noun, FigureContextFixture.normalised("مدنيا"))
    }

    func testThePostposedNumberCountsTheNounBeforeIt() {
        XCTAssertEqual(read("قتل جندي واحد وأصيب آخر", figure: "واحد")?.noun, FigureContextFixture.normalised("جندي"))
    }

    func testANumberWithTheArticleCountsTheNounBeforeIt() {
        XCTAssertEqual(read("نقل الجرحى الثلاثة إلى المستشفى", figure: "الثلاثة")?.noun, FigureContextFixture.normalised("الجرحى"))
    }

    func testAGroupAfterمنIsAPartitive() throws {
        let read = try XCTUnwrap(read("أصيب 7 من المسعفين خلال القصف", figure: "7"))
        XCTAssertEqual(read.noun, FigureContextFixture.normalised("المسعفين"))
        XCTAssertFalse(read.partitive, "a group is counted, not picked out of a total")
        let incidents = try XCTUnwrap(self.read("سجل التقرير 97 من الحوادث في المدينة", figure: "97"))
        XCTAssertTrue(incidents.partitive)
    }

    func testAPostposedNumberAloneCountsNothing() {
        XCTAssertNil(read("حكم بإعدام واحد من الثلاثة", figure: "واحد"))
    }
}
