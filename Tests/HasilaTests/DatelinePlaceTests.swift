import XCTest
@testable import Hasila

/// `place KEY dateline` names (Grammars/places): a word that names a city only where it stands as a news
/// item's dateline ("عمان –" is Amman; elsewhere عمان may be Oman), read with the bundled grammars.
final class DatelinePlaceTests: XCTestCase {
    private func figure(_ text: String, _ value: Int) throws -> Figure {
        let figures = TestGrammar.extractor.extract(text).figures
        return try XCTUnwrap(figures.first { $0.value == value }, "no figure \(value) in «\(text)»: \(figures.map(\.value))")
    }

    func testADatelineNameGivesTheDocumentItsCountryAndFillsTheSourcesStar() throws {
        let text = "عمان – 3 آذار 2022 (خاص)\nقال المتحدث باسم الدفاع المدني إن 11 شخصا أصيبوا في حريق بمصنع.\n"
        let found = try figure(text, 11)
        XCTAssertEqual(found.country, "JO")
        XCTAssertNil(found.place, "a dateline says where the item was written, not where it happened")
        XCTAssertEqual(found.source?.key, "gov.jo.emergency")
    }

    func testADatelineAfterAnOutletsNameCountsToo() throws {
        XCTAssertEqual(try figure("وكالة الأنباء – عمان\nتوفي 4 أشخاص في حادث سير على الطريق الصحراوي.\n", 4).country, "JO")
    }

    func testTheSameWordElsewhereNamesNoPlace() throws {
        XCTAssertNil(try figure("توفي 6 أشخاص في حادث سير قرب عمان أمس.\n", 6).country)
        // In the first line but with no dash beside it: not a dateline.
        XCTAssertNil(try figure("عمان تسجل 9 إصابات جديدة بالكوليرا\n", 9).country)
    }

    func testTheLongerNameOfTheOtherCountryStillWins() throws {
        XCTAssertEqual(try figure("مسقط – 2 أيار 2020\nأعلنت سلطنة عمان تسجيل 8 وفيات.\n", 8).country, "OM")
    }
}
