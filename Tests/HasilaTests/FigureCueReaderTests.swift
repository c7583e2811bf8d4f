import XCTest
@testable import Hasila

/// The cue reader alone: the lead of a postposed number, breakdown and total cues before a figure,
/// and a breakdown cue after its phrase that is not followed by another figure.
final class FigureCueReaderTests: XCTestCase {
    private func reader(_ fixture: FigureContextFixture) -> FigureCueReader {
        FigureCueReader(grammar: fixture.grammar, qualifiers: QualifierReader(grammar: fixture.grammar), categories: CategoryResolver(grammar: fixture.grammar), trace: nil)
    }

    func testABreakdownCueBeforeTheFigure() {
        let fixture = FigureContextFixture("قتل 90 مدنيا بينهم 30 طفلا", figure: "30")
        let cues = reader(fixture).before(fixture.mention, context: fixture.context)
        XCTAssertTrue(cues.breakdownBefore)
        XCTAssertFalse(cues.totalBefore)
        XCTAssertGreaterThanOrEqual(cues.cueRule, 0)
        XCTAssertTrue(fixture.grammar.tables.ruleSources[cues.cueRule].hasPrefix("cues/breakdowns.grammar:"))
    }

    func testATotalCueBeforeTheFigure() {
        let fixture = FigureContextFixture("قتل 40 طفلا من أصل 300 قتيل", figure: "300")
        let cues = reader(fixture).before(fixture.mention, context: fixture.context)
        XCTAssertTrue(cues.totalBefore)
        XCTAssertFalse(cues.breakdownBefore)
    }

    func testAPostposedNumberLeadsFromItsNoun() {
        let fixture = FigureContextFixture("قتل شرطي واحد في الهجوم", figure: "واحد")
        let cues = reader(fixture).before(fixture.mention, context: fixture.context)
        XCTAssertTrue(cues.postposedNoun)
        XCTAssertEqual(fixture.words(cues.leadIndex..<(cues.leadIndex + 1)), "شرطي")
    }

    func testANumberWithNoCueHasNone() {
        let fixture = FigureContextFixture("أصيب 12 شخصا في الحادث", figure: "12")
        let cues = reader(fixture).before(fixture.mention, context: fixture.context)
        XCTAssertFalse(cues.breakdownBefore || cues.totalBefore || cues.postposedNoun)
        XCTAssertEqual(cues.cueRule, -1)
        XCTAssertEqual(cues.cueStart, fixture.mention.tokens.lowerBound)
    }

    func testABreakdownCueAfterThePhraseUnlessAFigureFollows() {
        let alone = FigureContextFixture("سجلت خمسون واقعة منها في المدينة", figure: "خمسون")
        let phrase = CategoryResolver(grammar: alone.grammar).phrase(
            from: alone.mention.tokens.upperBound, tokens: alone.context.tokens, scalars: alone.context.scalars,
            isMentionStart: alone.context.isMentionStart, sentence: 0)
        XCTAssertNotNil(reader(alone).after(phrase, sentence: 0, context: alone.context))

        let followed = FigureContextFixture("سجلت خمسون واقعة منها 20 في المدينة", figure: "خمسون")
        let phrase2 = CategoryResolver(grammar: followed.grammar).phrase(
            from: followed.mention.tokens.upperBound, tokens: followed.context.tokens, scalars: followed.context.scalars,
            isMentionStart: followed.context.isMentionStart, sentence: 0)
        XCTAssertNil(reader(followed).after(phrase2, sentence: 0, context: followed.context),
                     "منها followed by a figure opens that figure's breakdown instead")
    }
}
