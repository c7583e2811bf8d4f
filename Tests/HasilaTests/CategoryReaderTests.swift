import XCTest
@testable import Hasila

/// The category reader alone: the counted noun, the act before or after the figure, the evidence a
/// group needs, and the explicit null of things outside the taxonomy.
final class CategoryReaderTests: XCTestCase {
    private func decide(_ sentence: String, figure: String) -> CategoryDecision? {
        let fixture = FigureContextFixture(sentence, figure: figure)
        XCTAssertGreaterThanOrEqual(fixture.mentionIndex, 0, "no number mention «\(figure)» in «\(sentence)»")
        guard fixture.mentionIndex >= 0 else { return nil }
        let grammar = fixture.grammar
        let categories = CategoryResolver(grammar: grammar)
        let cues = FigureCueReader(grammar: grammar, qualifiers: QualifierReader(grammar: grammar), categories: CategoryResolver(grammar: grammar), trace: nil)
            .before(fixture.mention, context: fixture.context)
        guard var phrase = CountedNounReader(grammar: grammar, categories: categories)
            .read(fixture.mentionIndex, cues: cues, context: fixture.context)?.phrase else { return nil }
        return CategoryReader(grammar: grammar, categories: categories, acts: ActReader(grammar: grammar), trace: nil)
            .read(fixture.mention, cues: cues, phrase: &phrase, breakdownAfter: false, previousEnd: 0,
                  previous: PreviousFigure(), context: fixture.context)
    }

    func testTheActBeforeAGroupDecides() {
        let decision = decide("قتلت الغارات 25 مدنيا في البلدة", figure: "25")
        XCTAssertEqual(decision?.key, "killed.civilians")
        XCTAssertNil(decision?.needsEvidence)
    }

    func testTheActAfterTheFigureDecidesWhenNothingBeforeDoes() {
        XCTAssertEqual(decide("وقالت الشرطة إن 9 أشخاص لقوا حتفهم في الانفجار", figure: "9")?.key, "killed")
    }

    func testAGroupWithNoActNeedsEvidence() {
        let decision = decide("يعيش في المخيم 300 طفل", figure: "300")
        XCTAssertEqual(decision?.needsEvidence, .group)
    }

    func testAnOutcomeNounKeepsItsOwnCategory() {
        let decision = decide("خلف القصف 15 جريحا", figure: "15")
        XCTAssertEqual(decision?.key, "injured")
        XCTAssertTrue(decision?.fromPhrase ?? false)
    }
}
