import Foundation
import XCTest
@testable import Hasila

/// `hasila show`: a record with its sentence and its span marked, by id or FILE:OFFSET, from a
/// records file or extracted on the spot, with the text read from the document.
final class ShowCommandTests: XCTestCase {
    /// The sentence of the 1417 with its span between markers, and the report it stands in.
    private let marked = MarkedText("وثق التقرير مقتل ما لا يقل عن 5233 مدنياً، بينهم ⟦1417⟧ طفلاً، و868 سيدة منذ 30 أيلول 2015.")
    private let after = " وأصيب 40 آخرون في اليوم التالي."

    private func archive() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("2019/report.txt", marked.text + after)
        folder.write("2020/report.txt", "قتل 9 أشخاص في القصف.")
        return folder
    }

    /// The last line of the output: the sentence with its span marked.
    private func markedLine(_ result: CLI.Result) -> String? { result.lines.last }

    private func field(_ name: String, _ result: CLI.Result) -> String? {
        result.lines.first { $0.hasPrefix(name + " ") }.map { $0.dropFirst(name.count).trimmingCharacters(in: .whitespaces) }
    }

    private var expectedMark: String {
        let span = marked.spans[0]
        return marked.text.codePoints(0..<span.lowerBound) + "⟦" + marked.text.codePoints(span) + "⟧"
            + marked.text.codePoints(span.upperBound..<marked.text.unicodeScalars.count)
    }

    func testShowsARecordByIdFromJSONLinesWithItsSentenceMarked() throws {
        let folder = archive()
        let extract = try CLI.run(["extract", "--quiet", "--dates", "-o", "records.jsonl", "2019", "2020"], directory: folder.path)
        XCTAssertEqual(extract.status, 0, extract.stderr)
        let records = try String(contentsOfFile: folder.path + "/records.jsonl", encoding: .utf8)
        let id = try XCTUnwrap(records.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .first { $0["value"] as? Int == 1417 }?["id"] as? String)
        XCTAssertEqual(id, "2019/report#2")
        let shown = try CLI.run(["show", id, "--records", "records.jsonl", "--texts", "2019", "2020"], directory: folder.path)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertEqual(field("id", shown), id)
        XCTAssertEqual(field("value", shown), "1417")
        XCTAssertEqual(field("category", shown), "killed.children")
        XCTAssertEqual(field("parent", shown), "2019/report#1")
        XCTAssertEqual(field("span", shown), "\(marked.spans[0].lowerBound)..<\(marked.spans[0].upperBound) (code points)")
        XCTAssertEqual(markedLine(shown), expectedMark, "the record's own sentence, not the next one")
        // Colours when asked (a terminal gets them by default): reverse video around the span.
        let coloured = try CLI.run(["show", id, "--records", "records.jsonl", "--texts", "2019", "2020", "--color", "always"], directory: folder.path)
        XCTAssertTrue(coloured.stdout.contains("\u{1B}[1;7m1417\u{1B}[0m"), coloured.stdout)
        // An id that is not there.
        let missing = try CLI.run(["show", "2019/report#99", "--records", "records.jsonl", "--texts", "2019"], directory: folder.path)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no record 2019/report#99"), missing.stderr)
    }

    func testShowsFromSQLiteWithTheTextFromThePathItKeeps() throws {
        let folder = archive()
        let extract = try CLI.run(["extract", "--quiet", "--dates", "--format", "sqlite", "-o", "records.db", "2019", "2020"], directory: folder.path)
        XCTAssertEqual(extract.status, 0, extract.stderr)
        let figure = try CLI.run(["show", "2019/report#2", "--records", "records.db"], directory: folder.path)
        XCTAssertEqual(figure.status, 0, figure.stderr)
        XCTAssertEqual(markedLine(figure), expectedMark)
        // A date carries no sentence: its sentence is found around it in the text.
        let date = try CLI.run(["show", "2019/report#d1", "--records", "records.db"], directory: folder.path)
        XCTAssertEqual(date.status, 0, date.stderr)
        XCTAssertEqual(field("value", date), "2015-09-30")
        XCTAssertTrue(markedLine(date)?.hasSuffix("⟦30 أيلول 2015⟧.") ?? false, date.stdout)
        XCTAssertTrue(markedLine(date)?.hasPrefix("وثق التقرير") ?? false, date.stdout)
    }

    func testShowsByFileAndOffsetExtractingTheFile() throws {
        let folder = archive()
        let file = folder.path + "/2019/report.txt"
        let span = marked.spans[0]
        for offset in [span.lowerBound, span.upperBound - 1] {
            let shown = try CLI.run(["show", "\(file):\(offset)"])
            XCTAssertEqual(shown.status, 0, shown.stderr)
            XCTAssertEqual(field("id", shown), "report#2", "the file alone, as `extract FILE` names it")
            XCTAssertEqual(markedLine(shown), expectedMark)
        }
        let outside = try CLI.run(["show", "\(file):2"])
        XCTAssertEqual(outside.status, 1)
        XCTAssertTrue(outside.stderr.contains("no record covers code point 2") && outside.stderr.contains("the nearest: report#1"), outside.stderr)
        let past = try CLI.run(["show", "\(file):100000"])
        XCTAssertEqual(past.status, 2, past.stderr)
        // With a records file, the file is found among its documents by the end of its path.
        XCTAssertEqual(try CLI.run(["extract", "--quiet", "-o", "records.jsonl", "2019", "2020"], directory: folder.path).status, 0)
        let fromRecords = try CLI.run(["show", "\(file):\(span.lowerBound)", "--records", folder.path + "/records.jsonl"])
        XCTAssertEqual(fromRecords.status, 0, fromRecords.stderr)
        XCTAssertEqual(field("id", fromRecords), "2019/report#2")
    }

    func testOffsetsAreThoseOfHasilaText() throws {
        let folder = TemporaryFolder()
        let page = folder.write("page.html", "<html><head><style>p{}</style></head><body><h1>تقرير</h1><p>قتل &quot;12&quot; شخصا بينهم 4 أطفال.</p></body></html>")
        let text = try CLI.run(["text", page])
        XCTAssertEqual(text.status, 0, text.stderr)
        let scalars = Array(text.stdout.unicodeScalars)
        let four = try XCTUnwrap(scalars.firstIndex(of: "4"))
        let shown = try CLI.run(["show", "\(page):\(four)"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertEqual(field("value", shown), "4")
        XCTAssertEqual(field("span", shown), "\(four)..<\(four + 1) (code points)")
        XCTAssertTrue(markedLine(shown)?.contains("بينهم ⟦4⟧ أطفال") ?? false, shown.stdout)
    }

    func testAnIdWithoutRecordsIsExtractedFromTheTextsAsExtractNamesIt() throws {
        let folder = archive()
        folder.write("stream.jsonl", "{\"id\":\"s\",\"text\":\"قتل 3 أشخاص.\"}\n{\"id\":\"s\",\"text\":\"أصيب 14 شخصا بجروح.\"}\n")
        let fromRoots = try CLI.run(["show", "2020/report#1", "--texts", "2019", "2020"], directory: folder.path)
        XCTAssertEqual(fromRoots.status, 0, fromRoots.stderr)
        XCTAssertEqual(markedLine(fromRoots), "قتل ⟦9⟧ أشخاص في القصف.")
        // The second "s" is "s~2", as in extract's records.
        let second = try CLI.run(["show", "s~2#1", "--texts", "stream.jsonl"], directory: folder.path)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(field("value", second), "14")
        // From records, the texts read again claim ids as extract does: the second "s", and the second file named "report".
        let extract = try CLI.run(["extract", "--quiet", "-o", "records.jsonl", "stream.jsonl", "2019/report.txt", "2020/report.txt"],
                                  directory: folder.path)
        XCTAssertEqual(extract.status, 0, extract.stderr)
        for (id, value) in [("s~2#1", "14"), ("report~2#1", "9")] {
            let fromRecords = try CLI.run(["show", id, "--records", "records.jsonl", "--texts", "stream.jsonl", "2019/report.txt", "2020/report.txt"],
                                          directory: folder.path)
            XCTAssertEqual(fromRecords.status, 0, fromRecords.stderr)
            XCTAssertEqual(field("value", fromRecords), value)
        }
        let none = try CLI.run(["show", "2021/report#1", "--texts", "2019", "2020"], directory: folder.path)
        XCTAssertEqual(none.status, 1, none.stderr)
    }

    func testATextThatIsNotTheRecordsOwnIsReported() throws {
        let folder = archive()
        XCTAssertEqual(try CLI.run(["extract", "--quiet", "-o", "records.jsonl", "2019"], directory: folder.path).status, 0)
        folder.write("changed/report.txt", "نص آخر تماما لا يحمل الرقم نفسه في الموضع ذاته من الجملة.")
        let shown = try CLI.run(["show", "report#2", "--records", "records.jsonl", "--texts", "changed"], directory: folder.path)
        XCTAssertEqual(shown.status, 1)
        XCTAssertTrue(shown.stderr.contains("not the record's \"1417\""), shown.stderr)
        XCTAssertEqual(field("value", shown), "1417", "the record is still printed")
    }

    /// Who, where and according to whom: the keys a figure record carries, shown from JSON lines and
    /// from SQLite (where the actors are rows of figure_actors) alike, and from a text extracted on the spot.
    func testShowsTheActorsPlaceCountryAndSourceOfAFigure() throws {
        let folder = TemporaryFolder()
        folder.write("2021/bulletin.txt", "وثق المرصد السوري لحقوق الإنسان مقتل 7 مدنيين بقصف لقوات النظام على ريف إدلب.")
        XCTAssertEqual(try CLI.run(["extract", "--quiet", "-o", "records.jsonl", "2021"], directory: folder.path).status, 0)
        XCTAssertEqual(try CLI.run(["extract", "--quiet", "--format", "sqlite", "-o", "records.db", "2021"], directory: folder.path).status, 0)
        let records = try String(contentsOfFile: folder.path + "/records.jsonl", encoding: .utf8)
        let record = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(records.utf8)) as? [String: Any])
        func key(_ name: String) -> String? { (record[name] as? [String: Any])?["key"] as? String }
        let actors = (record["actors"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        XCTAssertEqual([key("place"), actors.first, key("source"), record["country"] as? String], ["SY-ID", "sy.state", "org.sohr", "SY"])
        for arguments in [["--records", "records.jsonl", "--texts", "2021"], ["--records", "records.db"], ["--texts", "2021"]] {
            let shown = try CLI.run(["show", "bulletin#1"] + arguments, directory: folder.path)
            XCTAssertEqual(shown.status, 0, shown.stderr)
            XCTAssertEqual(field("place", shown), key("place"), arguments.joined(separator: " "))
            XCTAssertEqual(field("actors", shown), actors.joined(separator: ", "), arguments.joined(separator: " "))
            XCTAssertEqual(field("source", shown), key("source"), arguments.joined(separator: " "))
            XCTAssertEqual(field("country", shown), record["country"] as? String, arguments.joined(separator: " "))
        }
    }

    func testLookupPicksTheNarrowestFigureAndFindsTheDocumentOfAFile() {
        var outer = ReportRecord(kind: .figure, id: "d#1", doc: "d", text: "", start: 10, end: 30)
        outer.value = 1
        let inner = ReportRecord(kind: .figure, id: "d#2", doc: "d", text: "", start: 12, end: 15)
        let date = ReportRecord(kind: .date, id: "d#d1", doc: "d", text: "", start: 13, end: 14)
        XCTAssertEqual(RecordLookup.covering(13, among: [outer, date, inner])?.id, "d#2")
        XCTAssertEqual(RecordLookup.covering(20, among: [outer, date, inner])?.id, "d#1")
        XCTAssertNil(RecordLookup.covering(30, among: [outer, inner]), "spans are half-open")
        let file = SourceFile(id: "a", path: "archive/2019/a.txt", format: InputFormat.of(path: "a.txt")!)
        XCTAssertEqual(RecordLookup.document(of: file, among: ["a", "2019/a", "2020/a"]), "2019/a")
        XCTAssertEqual(RecordLookup.document(of: file, among: ["x"], sources: ["x": "archive/2019/a.txt"]), "x")
        XCTAssertNil(RecordLookup.document(of: file, among: ["b", "19/a"]))
    }

    func testASentenceIsFoundAroundARecordThatCarriesNone() {
        let text = MarkedText("الأول انتهى. ثم في ⟦آذار⟧ جرى ما جرى؟ والأخير")
        let scalars = text.text.unicodeScalars.map(\.value)
        let record = ReportRecord(kind: .date, id: "d#d1", doc: "d", text: text.text.codePoints(text.spans[0]),
                                  start: text.spans[0].lowerBound, end: text.spans[0].upperBound)
        let sentence = RecordDisplay.sentence(of: record, in: scalars)
        XCTAssertEqual(text.text.codePoints(sentence), "ثم في آذار جرى ما جرى؟")
        XCTAssertEqual(RecordDisplay.marked(record, in: scalars, sentence: sentence, open: "[", close: "]"), "ثم في [آذار] جرى ما جرى؟")
    }
}
