import Foundation
import XCTest
@testable import Hasila

/// A long document is read a section at a time; its records must be exactly those of reading it whole.
final class SectionTests: XCTestCase {
    private let whole = Extractor(grammar: TestGrammar.shared, sectionLength: Int.max)

    private func documents(_ folder: String) throws -> [[UInt32]] {
        var texts: [[UInt32]] = []
        try DocumentReader().read(DocumentCollector.collect([folder])) { input in
            if case .document(let document) = input { texts.append(document.scalars) }
        }
        return texts
    }

    private func assertSame(_ scalars: [UInt32], sectionLength: Int, file: StaticString = #filePath, line: UInt = #line) {
        let expected = whole.extract(scalars: scalars, document: "long")
        let sectioned = Extractor(grammar: TestGrammar.shared, sectionLength: sectionLength).extract(scalars: scalars, document: "long")
        XCTAssertFalse(expected.figures.isEmpty, file: file, line: line)
        XCTAssertEqual(sectioned.figures.count, expected.figures.count, file: file, line: line)
        for (a, b) in zip(sectioned.figures, expected.figures) where a != b {
            XCTFail("figure differs: \(a) vs \(b)", file: file, line: line)
            return
        }
        // Dates compare by what a record says of them (token positions are a section's own).
        func described(_ dates: [DateMention]) -> [String] {
            dates.map { "\($0.range) \($0.text) \(String(describing: $0.value)) \($0.calendar) \($0.relative) \(String(describing: $0.rangeStart)) \(String(describing: $0.rangeEnd))" }
        }
        let a = described(sectioned.dates), b = described(expected.dates)
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        if let first = zip(a, b).first(where: { $0.0 != $0.1 }) { XCTFail("date differs: \(first.0) vs \(first.1)", file: file, line: line) }
    }

    func testTheWholeCorpusAsOneDocumentGivesTheSameRecordsInSections() throws {
        // Every Corpus document, one after another with a blank line between: a long report.
        var long: [UInt32] = []
        for text in try documents(SharedMaterial.corpus + "/documents") {
            long += text
            long += [0x0A, 0x0A]
        }
        XCTAssertGreaterThan(long.count, 40_000)
        for length in [300, 4_000, 60_000] { assertSame(long, sectionLength: length) }
    }

    func testEachCorpusDocumentGivesTheSameRecordsInSmallSections() throws {
        for text in try documents(SharedMaterial.corpus + "/documents") { assertSame(text, sectionLength: 200) }
    }

    func testRealNewsGivesTheSameRecordsInSections() throws {
        try XCTSkipUnless(SharedMaterial.hasShared, "../shared is absent")
        var long: [UInt32] = []
        for text in try documents(SharedMaterial.realNews) { long += text + [0x0A, 0x0A] }
        assertSame(long, sectionLength: 1_000)
    }

    func testAReferenceDateAndAPeriodPassFromOneSectionToTheNext() throws {
        let filler = String(repeating: "وتحدث التقرير عن الأوضاع العامة في المدينة.\n\n", count: 20)
        let text = "دمشق - 12 آب 2019\n\nوثقت الشبكة خلال عام 2018 مقتل 40 مدنيا.\n\n" + filler
            + "وخلال الفترة ذاتها قتل 7 أطفال.\n\nوقتل أمس 3 مدنيين.\n"
        let scalars = text.unicodeScalars.map(\.value)
        let sectioned = Extractor(grammar: TestGrammar.shared, sectionLength: 100).extract(scalars: scalars, document: "d")
        let figures = Dictionary(uniqueKeysWithValues: sectioned.figures.map { ($0.value, $0) })
        XCTAssertEqual(figures[40]?.period, Period(start: DateValue(year: 2018), end: DateValue(year: 2018)))
        XCTAssertEqual(figures[7]?.period, figures[40]?.period, "a sentence in a later section points back to the period")
        let yesterday = sectioned.dates.first { $0.text == "أمس" }
        XCTAssertEqual(yesterday?.value, DateValue(year: 2019, month: 8, day: 11), "the dateline of the first section resolves أمس")
        assertSame(scalars, sectionLength: 100)
    }
}
