import Foundation
import XCTest
@testable import Hasila

/// SQLite never drops a row silently: the rows in each table must be the rows written.
final class SQLiteRowCountTests: XCTestCase {
    private func document(_ id: String, path: String) -> Document {
        Document(id: id, path: path, line: nil, scalars: [], date: nil, meta: nil, byteCount: 0, warnings: [])
    }

    func testRowsWrittenAreCountedAndATableThatLostOneIsRefused() throws {
        let folder = TemporaryFolder()
        let text = "قتل 5 أشخاص وأصيب 12 آخرون في 3 آذار 2019."
        let extraction = TestGrammar.extractor.extract(scalars: text.unicodeScalars.map(\.value), document: "a")
        XCTAssertEqual(extraction.figures.count, 2)
        // A clean run: every row inserted is counted, and the file is finished.
        let good = folder.path + "/good.db"
        let sink = try SQLiteSink(path: good, includeDates: true, resume: false)
        try sink.write(extraction, of: document("a", path: "a.txt"))
        XCTAssertEqual(sink.rows["figures"], 2)
        XCTAssertEqual(sink.rows["dates"], extraction.dates.count)
        XCTAssertEqual(sink.rows["documents"], 1)
        try sink.finish()
        XCTAssertTrue(FileManager.default.fileExists(atPath: good))
        // A trigger that deletes what is inserted (a row lost behind the writer's back): refused at the end.
        let bad = folder.path + "/bad.db"
        let tampered = try SQLiteSink(path: bad, includeDates: true, resume: false)
        try tampered.execute("CREATE TEMP TRIGGER lose AFTER INSERT ON figures WHEN NEW.id LIKE '%#2' BEGIN DELETE FROM figures WHERE id = NEW.id; END")
        try tampered.write(extraction, of: document("a", path: "a.txt"))
        XCTAssertThrowsError(try tampered.finish()) { error in
            XCTAssertTrue("\(error)".contains("the table figures holds 1 rows where 2 were written"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: bad), "no finished file under the final name")
        // The same record twice is an error naming it, never a replaced or ignored row.
        let twice = try SQLiteSink(path: folder.path + "/twice.db", includeDates: false, resume: false)
        try twice.write(extraction, of: document("a", path: "a.txt"))
        var again = extraction
        again.document = "b"
        try twice.write(again, of: document("b", path: "b.txt"))
        XCTAssertThrowsError(try twice.write(extraction, of: document("a", path: "a.txt"))) { error in
            XCTAssertTrue("\(error)".contains("is already in the database"), "\(error)")
        }
    }

    func testEveryRecordOfSameNamedFilesUnderSeveralRootsIsARow() throws {
        let folder = TemporaryFolder()
        for root in ["2019", "2020", "copy/2019"] {
            folder.write("\(root)/report.txt", "قتل 5 أشخاص وأصيب 12 آخرون في 3 آذار 2019.")
            folder.write("\(root)/sub/report.txt", "نزوح 300 عائلة.")
        }
        let paths = ["2019", "2020", "copy/2019", "2019/report.txt", "copy/2019/report.txt"]
        let lines = try CLI.run(["extract", "--quiet", "--dates"] + paths, directory: folder.path)
        let database = try CLI.run(["extract", "--dates", "--format", "sqlite", "-o", "records.db"] + paths, directory: folder.path)
        XCTAssertEqual(lines.status, 0, lines.stderr)
        XCTAssertEqual(database.status, 0, database.stderr)
        var ids: [String] = []
        try RecordFile.read(path: folder.path + "/records.db", record: { ids.append($0.id) }, skipped: { _ in })
        let expected = lines.records.compactMap { $0["id"] as? String }
        XCTAssertEqual(Set(lines.records.compactMap { $0["doc"] as? String }),
                       ["2019/report", "2019/sub/report", "2020/report", "2020/sub/report", "copy/2019/report", "copy/2019/sub/report",
                        "report", "report~2"], "eight documents, each with records")
        XCTAssertEqual(Set(ids), Set(expected))
        XCTAssertEqual(ids.count, expected.count, "every record is a row")
        XCTAssertTrue(ids.contains("report~2#1") && ids.contains("copy/2019/sub/report#1"), "\(ids)")
    }
}
