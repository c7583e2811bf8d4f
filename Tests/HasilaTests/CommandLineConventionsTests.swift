import Foundation
import XCTest
@testable import Hasila

/// The conventions of `hasila extract` and `hasila text` (issue 10), end to end through the command:
/// stdout as `-o -`, which kinds of records go where, unsupported and missing paths, folders
/// where a file is wanted.
final class CommandLineConventionsTests: XCTestCase {
    /// Two documents with figures and dates.
    private func archive() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("docs/first.txt", "قتل 7 مدنيين منذ 30 سبتمبر 2015 حتى 30/9/2017، بينهم 3 أطفال.")
        folder.write("docs/second.txt", "وفي 14 آذار 2019 أصيب 12 شخصا بجروح، واعتقل 40 آخرون.")
        return folder
    }

    private func kinds(_ result: CLI.Result) -> [String] { result.records.compactMap { $0["kind"] as? String } }

    func testADashOutputIsStdoutForJSONLinesAndCSV() throws {
        let folder = archive()
        let docs = folder.path + "/docs"
        let plain = try CLI.run(["extract", "--quiet", docs])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertFalse(plain.stdout.isEmpty)
        for option in ["-o", "--output"] {
            let dash = try CLI.run(["extract", "--quiet", option, "-", docs], directory: folder.path)
            XCTAssertEqual(dash.status, 0, dash.stderr)
            XCTAssertEqual(dash.stdout, plain.stdout)
        }
        let csv = try CLI.run(["extract", "--quiet", "--format", "csv", docs])
        let csvDash = try CLI.run(["extract", "--quiet", "--format", "csv", "-o", "-", docs], directory: folder.path)
        XCTAssertEqual(csvDash.status, 0, csvDash.stderr)
        XCTAssertTrue(csvDash.stdout.hasPrefix("kind,id,doc,value"), csvDash.stdout)
        XCTAssertEqual(csvDash.stdout, csv.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/-"), "no file named - is written")
    }

    func testSQLiteToStdoutIsAUsageError() throws {
        let folder = archive()
        let result = try CLI.run(["extract", "--format", "sqlite", "-o", "-", folder.path + "/docs"], directory: folder.path)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("cannot write to stdout"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/-"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/-.partial"))
    }

    func testKindsChooseWhichRecordsAreWritten() throws {
        let folder = archive()
        let docs = folder.path + "/docs"
        let figures = try CLI.run(["extract", "--quiet", docs])
        let explicit = try CLI.run(["extract", "--quiet", "--kinds", "figures", docs])
        let dates = try CLI.run(["extract", "--quiet", "--kinds", "dates", docs])
        let all = try CLI.run(["extract", "--quiet", "--kinds", "all", docs])
        let synonym = try CLI.run(["extract", "--quiet", "--dates", docs])
        for result in [figures, explicit, dates, all, synonym] { XCTAssertEqual(result.status, 0, result.stderr) }
        XCTAssertEqual(explicit.stdout, figures.stdout, "figures are the default")
        XCTAssertEqual(synonym.stdout, all.stdout, "--dates is --kinds all")
        XCTAssertEqual(Set(kinds(figures)), ["figure"])
        XCTAssertEqual(Set(kinds(dates)), ["date"])
        XCTAssertEqual(Set(kinds(all)), ["figure", "date"])
        XCTAssertEqual(figures.records.count + dates.records.count, all.records.count)
        // Each file has one type of value: integers for figures, ISO dates (or null) for dates.
        XCTAssertTrue(figures.records.allSatisfy { $0["value"] is Int })
        XCTAssertTrue(dates.records.allSatisfy { $0["value"] is String || $0["value"] is NSNull })
        // Date records keep the ids they have in a run with both.
        let allDates = all.records.filter { $0["kind"] as? String == "date" }.compactMap { $0["id"] as? String }
        XCTAssertEqual(dates.records.compactMap { $0["id"] as? String }, allDates)
        // The summary line counts the records written.
        let summaries = try ["figures", "dates", "all"].map { try CLI.run(["extract", "--kinds", $0, docs]).stderr }
        let figureCount = figures.records.count, dateCount = dates.records.count
        XCTAssertTrue(summaries[0].contains("\(figureCount) figures, 0 dates"), summaries[0])
        XCTAssertTrue(summaries[1].contains("0 figures, \(dateCount) dates"), summaries[1])
        XCTAssertTrue(summaries[2].contains("\(figureCount) figures, \(dateCount) dates"), summaries[2])
        let contradiction = try CLI.run(["extract", "--dates", "--kinds", "figures", docs])
        XCTAssertEqual(contradiction.status, 2)
        XCTAssertTrue(contradiction.stderr.contains("--kinds all"), contradiction.stderr)
    }

    func testDatesOutputPutsTheDatesInAFileOfTheirOwn() throws {
        let folder = archive()
        let docs = folder.path + "/docs"
        let all = try CLI.run(["extract", "--quiet", "--kinds", "all", docs])
        let figuresFile = folder.path + "/figures.jsonl", datesFile = folder.path + "/dates.jsonl"
        let split = try CLI.run(["extract", "--quiet", "-o", figuresFile, "--dates-output", datesFile, docs])
        XCTAssertEqual(split.status, 0, split.stderr)
        XCTAssertEqual(split.stdout, "")
        let figureLines = try String(contentsOfFile: figuresFile, encoding: .utf8).split(separator: "\n").map(String.init)
        let dateLines = try String(contentsOfFile: datesFile, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(figureLines, all.lines.filter { $0.hasPrefix("{\"kind\":\"figure\"") })
        XCTAssertEqual(dateLines, all.lines.filter { $0.hasPrefix("{\"kind\":\"date\"") })
        XCTAssertGreaterThan(dateLines.count, 2)
        XCTAssertGreaterThan(figureLines.count, 2)
        // The dates to stdout and the figures to a file.
        let datesToStdout = try CLI.run(["extract", "--quiet", "-o", figuresFile, "--dates-output", "-", docs])
        XCTAssertEqual(datesToStdout.status, 0, datesToStdout.stderr)
        XCTAssertEqual(datesToStdout.lines, dateLines)
        // CSV: both files carry the header; the rows split by kind.
        let csvAll = try CLI.run(["extract", "--quiet", "--format", "csv", "--dates", docs])
        let csvFigures = folder.path + "/figures.csv", csvDates = folder.path + "/dates.csv"
        let csvSplit = try CLI.run(["extract", "--quiet", "--format", "csv", "-o", csvFigures, "--dates-output", csvDates, docs])
        XCTAssertEqual(csvSplit.status, 0, csvSplit.stderr)
        let rows = csvAll.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = rows[0]
        XCTAssertEqual(try String(contentsOfFile: csvFigures, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty },
                       [header] + rows.filter { $0.hasPrefix("figure,") })
        XCTAssertEqual(try String(contentsOfFile: csvDates, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty },
                       [header] + rows.filter { $0.hasPrefix("date,") })
        // Usage errors: SQLite keeps its dates in a table; nothing would go to the main output; both on stdout.
        for arguments in [["--format", "sqlite", "-o", folder.path + "/r.db", "--dates-output", datesFile],
                          ["--kinds", "dates", "-o", figuresFile, "--dates-output", datesFile],
                          ["--dates-output", "-"],
                          ["-o", figuresFile, "--dates-output", figuresFile]] {
            let refused = try CLI.run(["extract"] + arguments + [docs])
            XCTAssertEqual(refused.status, 2, "\(arguments): \(refused.stderr)")
            XCTAssertTrue(refused.stderr.contains("--dates-output"), refused.stderr)
        }
    }

    func testSQLiteWritesTheKindsAskedFor() throws {
        let folder = archive()
        let docs = folder.path + "/docs"
        func count(_ database: String) throws -> (figures: Int, dates: Int) {
            var figures = 0, dates = 0
            try RecordFile.read(path: database, record: { $0.kind == .figure ? (figures += 1) : (dates += 1) }, skipped: { _ in })
            return (figures, dates)
        }
        let all = try CLI.run(["extract", "--quiet", "--kinds", "all", docs]).records
        for (kinds, expectFigures, expectDates) in [("figures", true, false), ("dates", false, true), ("all", true, true)] {
            let database = folder.path + "/\(kinds).db"
            let result = try CLI.run(["extract", "--quiet", "--format", "sqlite", "--kinds", kinds, "-o", database, docs])
            XCTAssertEqual(result.status, 0, result.stderr)
            let rows = try count(database)
            XCTAssertEqual(rows.figures, expectFigures ? all.filter { $0["kind"] as? String == "figure" }.count : 0, kinds)
            XCTAssertEqual(rows.dates, expectDates ? all.filter { $0["kind"] as? String == "date" }.count : 0, kinds)
        }
    }

    func testUnsupportedFilesInAFolderAreNamedAndCounted() throws {
        let folder = archive()
        let docs = folder.path + "/docs"
        folder.write("docs/notes.pdf", "%PDF-1.4")
        folder.write("docs/sub/table.csv", "a,b")
        folder.write("docs/.DS_Store", "hidden")
        let few = try CLI.run(["extract", docs])
        XCTAssertEqual(few.status, 0, "files passed over are not documents skipped: \(few.stderr)")
        XCTAssertTrue(few.stderr.contains("warning: \(docs)/notes.pdf: not a kind of file Hasila reads"), few.stderr)
        XCTAssertTrue(few.stderr.contains("warning: \(docs)/sub/table.csv: not a kind of file Hasila reads"), few.stderr)
        XCTAssertFalse(few.stderr.contains(".DS_Store"), "hidden files are left out silently: \(few.stderr)")
        XCTAssertTrue(few.stderr.contains("0 skipped, 2 unsupported, 2 warnings"), few.stderr)
        XCTAssertEqual(Set(few.records.compactMap { $0["doc"] as? String }), ["first", "second"])
        for index in 1...7 { folder.write("docs/scans/page\(index).jpg", "JFIF") }
        let many = try CLI.run(["extract", docs])
        XCTAssertEqual(many.status, 0, many.stderr)
        let lines = many.stderr.split(separator: "\n").filter { $0.contains("Hasila reads") }
        XCTAssertEqual(lines.count, 1, "one line for many: \(many.stderr)")
        XCTAssertTrue(lines[0].contains("9 files not of a kind Hasila reads were passed over"), many.stderr)
        XCTAssertTrue(lines[0].contains("\(docs)/notes.pdf"), "the first names, in order: \(lines[0])")
        XCTAssertTrue(many.stderr.contains("9 unsupported"), many.stderr)
    }

    func testAnUnsupportedFileNamedDirectlyIsAnErrorForThatPath() throws {
        let folder = archive()
        let pdf = folder.write("scan.pdf", "قتل 5 أشخاص.")
        let good = folder.path + "/docs/first.txt"
        let result = try CLI.run(["extract", pdf, good])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("error: \(pdf): not a kind of file Hasila reads"), result.stderr)
        XCTAssertEqual(Set(result.records.compactMap { $0["doc"] as? String }), ["first"], "the other path is read")
        let alone = try CLI.run(["extract", pdf])
        XCTAssertEqual(alone.status, 2, "nothing at all to read")
        XCTAssertEqual(alone.stdout, "")
        // A file without any extension, named directly, is read as plain text.
        let bare = folder.write("README", "قتل 5 أشخاص.")
        let plain = try CLI.run(["extract", "--quiet", bare])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertEqual(plain.records.first?["value"] as? Int, 5)
    }

    func testAMissingPathAmongSeveralIsAnErrorForItAlone() throws {
        let folder = archive()
        let missing = "2020"
        let result = try CLI.run(["extract", "docs", missing, "--errors", "errors.jsonl"], directory: folder.path)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("hasila: error: \(missing): no such file or folder"), result.stderr)
        XCTAssertTrue(result.stderr.contains("1 skipped"), result.stderr)
        XCTAssertEqual(Set(result.records.compactMap { $0["doc"] as? String }), ["docs/first", "docs/second"], "the others are read")
        let report = try String(contentsOfFile: folder.path + "/errors.jsonl", encoding: .utf8)
        XCTAssertTrue(report.contains(missing), report)
    }

    func testTextOfAFolderIsAUsageError() throws {
        let folder = archive()
        let result = try CLI.run(["text", folder.path + "/docs"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("is a folder"), result.stderr)
        let file = try CLI.run(["text", folder.path + "/docs/first.txt"])
        XCTAssertEqual(file.status, 0, file.stderr)
        XCTAssertTrue(file.stdout.hasPrefix("قتل 7"), file.stdout)
    }
}
