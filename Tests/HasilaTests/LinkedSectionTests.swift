import XCTest
@testable import Hasila

/// A long document read in sections gives every figure the actors, place, country and source of reading it
/// whole: the document's country and first source pass from one section to the next, in reading order.
final class LinkedSectionTests: XCTestCase {
    private func extractor(sectionLength: Int) -> Extractor {
        var extractor = Extractor(grammar: TestGrammar.shared, sectionLength: sectionLength)
        let names = TestNames.standard
        extractor.findNames = { text, tokens, range in names.find(text, tokens: tokens, in: range) }
        return extractor
    }

    func testSectionsGiveTheLinksOfTheWholeDocument() {
        let paragraphs = [
            "قتل 4 أشخاص في انفجار سيارة مفخخة.",
            "أفاد المرصد السوري بمقتل 12 مدنيا بنيران قوات النظام في ريف إدلب، بينهم 5 أطفال.",
            "وأصيب 30 شخصا في قصف على دوما.",
            "وقال ناشطون إن 6 أشخاص قتلوا برصاص الجيش.",
            "ووثقت الشبكة السورية لحقوق الإنسان مقتل 20 شخصا في حلب وإدلب.",
        ]
        let text = Array(paragraphs.joined(separator: "\n\n").unicodeScalars.map(\.value))
        let whole = extractor(sectionLength: Int.max).extract(scalars: text, document: "long")
        XCTAssertEqual(whole.figures.count, 6)
        // Reading order: the first paragraph comes before any place or source.
        XCTAssertNil(whole.figures[0].country)
        XCTAssertNil(whole.figures[0].source)
        XCTAssertEqual(whole.figures[3].source?.key, "org.sohr")
        XCTAssertEqual(whole.figures[3].place?.key, "SY-RD")
        XCTAssertEqual(whole.figures[4].actors.map(\.key), ["sy.state"])   // "الجيش" in a Syrian document
        XCTAssertNil(whole.figures[4].source)
        XCTAssertEqual(whole.figures[5].place?.key, "SY")
        for length in [40, 90, 200] {
            let sectioned = extractor(sectionLength: length).extract(scalars: text, document: "long")
            XCTAssertEqual(sectioned.figures, whole.figures, "sections of \(length) code points")
        }
    }
    /// A back-reference and a verb with no subject point to speakers of earlier paragraphs, which may lie in an
    /// earlier section: they are handed on.
    func testBackReferencesReachIntoEarlierSections() {
        let paragraphs = [
            "قالت وزارة الصحة في اليمن إن 20 شخصا قتلوا في تعز.",
            "وقال الدفاع المدني إن 7 أشخاص أصيبوا.",
            "وأضافت الوزارة أن 3 جرحى توفوا.",
            "وقصف تنظيم الدولة حلب فقتل 4 مدنيين.",
            "وقال التنظيم في بيان إن 11 جنديا قتلوا.",
            "وأضاف أن 9 آخرين أسروا.",
        ]
        let text = Array(paragraphs.joined(separator: "\n\n").unicodeScalars.map(\.value))
        let whole = extractor(sectionLength: Int.max).extract(scalars: text, document: "long")
        XCTAssertEqual(whole.figures.map(\.value), [20, 7, 3, 4, 11, 9])
        XCTAssertEqual(whole.figures.map { $0.source?.key }, ["gov.ye.health", "gov.ye.emergency", "gov.ye.health", "gov.ye.health", "group.isis", "group.isis"])
        for length in [30, 60, 120] {
            let sectioned = extractor(sectionLength: length).extract(scalars: text, document: "long")
            XCTAssertEqual(sectioned.figures, whole.figures, "sections of \(length) code points")
        }
    }
}
