import Foundation
import XCTest
@testable import Hasila

/// Numbers too large for an Int, in every shape the input can give them: they are no figure (and
/// no date), and they never stop a run. Each of these trapped on arithmetic overflow once.
final class OverflowTests: XCTestCase {
    static let hostile = [
        "قتل 9999999999999999999999999 شخصا في القصف.",
        "قتل 10000000000 مليار شخص في القصف.",
        "حول المبلغ إلى الحساب SA4420000001234567891234 يوم 3 آذار 2019 وقتل 5 أشخاص.",
        "قتل " + String(repeating: "7", count: 500) + " شخصا.",
        "قتل 2ر" + String(repeating: "3", count: 400) + " مليون شخص.",
        "قتل 15 ألفا و" + String(repeating: "9", count: 300) + " شخص.",
        "في 2017." + String(repeating: "1", count: 40) + ".5 قتل 3 مدنيين.",
        "في 12/" + String(repeating: "1", count: 30) + "/2017 قتل 3 مدنيين.",
        "يوم " + String(repeating: "4", count: 25) + " آذار 2019 قتل 3 مدنيين.",
        "منذ " + String(repeating: "2", count: 60) + " هـ قتل 3 مدنيين.",
        "قتل 999999999999999.9 مليار شخص.",
        "قتل 900,000,000,000,000 مليار شخص.",
    ]

    func testHugeNumbersAreNoFiguresAndNeverTrap() {
        for text in OverflowTests.hostile {
            let extraction = TestGrammar.extractor.extract(text)
            let scalars = Array(text.unicodeScalars)
            for figure in extraction.figures {
                XCTAssertGreaterThanOrEqual(figure.value, 0, text)
                XCTAssertLessThan(figure.value, 1_000_000_000_000_000, "\(text): \(figure.value)")
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[figure.range])), figure.text, text)
            }
        }
    }

    func testTheOrdinaryFiguresBesideAHugeNumberStillComeOut() {
        let extraction = TestGrammar.extractor.extract("قتل 10000000000 مليار شخص. وأصيب 40 شخصا بجروح.")
        XCTAssertEqual(extraction.figures.map(\.value), [40])
        let dated = TestGrammar.extractor.extract(OverflowTests.hostile[2])
        XCTAssertEqual(dated.figures.map(\.value), [5])
        XCTAssertEqual(dated.dates.compactMap(\.value).map(\.description), ["2019-03-03"])
    }

    func testAScaledNumberThatStillFitsKeepsItsValue() {
        XCTAssertEqual(TestGrammar.extractor.extract("قتل 2.3 مليون شخص.").figures.map(\.value), [2_300_000])
        XCTAssertEqual(TestGrammar.extractor.extract("قتل 1000 مليار شخص.").figures.map(\.value), [1_000_000_000_000])
    }

    /// Through the command: one document with each hostile number, one plain; all are read, exit 0.
    func testAHostileDocumentCostsNothingThroughTheCommand() throws {
        let folder = TemporaryFolder()
        for (index, text) in OverflowTests.hostile.enumerated() { folder.write("hostile\(index).txt", text) }
        folder.write("zz-plain.txt", "وأصيب 40 شخصا بجروح.")
        let result = try CLI.run(["extract", "--quiet", "--jobs", "2", folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.records.contains { $0["doc"] as? String == "zz-plain" && $0["value"] as? Int == 40 })
        XCTAssertFalse(result.stderr.contains("overflow"), result.stderr)
    }
}
