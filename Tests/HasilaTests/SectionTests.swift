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

    // MARK: A long file read in sections by the archive runner

    /// A long report in a file: the Corpus documents one after another, with a dateline at the top.
    private func longReport(in folder: TemporaryFolder) throws -> String {
        var text = "دمشق - 12 آب 2019\n\n"
        for document in try documents(SharedMaterial.corpus + "/documents") {
            text += String(decoding: UTF8Encoding.encode(document), as: UTF8.self) + "\n\n"
        }
        return folder.write("report.txt", text)
    }

    /// Runs the archive runner over `path` with the reader's sections at `sectionBytes`, into a file of `format`.
    private func run(_ path: String, sectionBytes: Int, format: String, into folder: TemporaryFolder, jobs: Int = 2) throws -> (String, RunSummary) {
        var reader = DocumentReader()
        reader.sectionBytes = sectionBytes
        let output = folder.path + "/out-\(sectionBytes)-\(jobs).\(format)"
        let sink: RecordSink
        switch format {
        case "csv": sink = try CSVSink(output: AtomicOutput(path: output), includeDates: true, inlineErrors: false)
        case "sqlite": sink = try SQLiteSink(path: output, includeDates: true, resume: false)
        default: sink = JSONLinesSink(output: try AtomicOutput(path: output), includeDates: true, inlineErrors: false)
        }
        let runner = ArchiveRunner(extractor: TestGrammar.extractor, reader: reader, jobs: jobs)
        let files = try DocumentCollector.collect([path, SharedMaterial.corpus + "/documents/a01.txt"])
        let summary = try runner.run(files, into: sink, warning: { _ in }, failure: { XCTFail("\($0)") })
        return (output, summary)
    }

    func testALongFileReadInSectionsGivesTheRecordsOfReadingItWhole() throws {
        let folder = TemporaryFolder()
        let report = try longReport(in: folder)
        for format in ["jsonl", "csv"] {
            let (whole, wholeSummary) = try run(report, sectionBytes: Int.max, format: format, into: folder)
            let (sectioned, summary) = try run(report, sectionBytes: 3_000, format: format, into: folder)
            let expected = try Data(contentsOf: URL(fileURLWithPath: whole)), actual = try Data(contentsOf: URL(fileURLWithPath: sectioned))
            XCTAssertGreaterThan(expected.count, 50_000)
            let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n")
            let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n")
            XCTAssertEqual(actualLines.count, expectedLines.count, format)
            if let first = zip(actualLines, expectedLines).first(where: { $0.0 != $0.1 }) {
                XCTFail("\(format): the sectioned run writes\n\(first.0)\nfor\n\(first.1)")
            }
            XCTAssertEqual(summary.documents, 2, "a file read in sections is one document")
            XCTAssertEqual(summary.documents, wholeSummary.documents)
            XCTAssertEqual(summary.figures, wholeSummary.figures)
            XCTAssertEqual(summary.dates, wholeSummary.dates)
            XCTAssertEqual(summary.bytes, wholeSummary.bytes)
        }
        // Record ids run on across sections and every parent names a record of the same document.
        let (jsonl, _) = try run(report, sectionBytes: 3_000, format: "jsonl", into: folder, jobs: 1)
        let records = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let figures = records.filter { $0["kind"] as? String == "figure" && $0["doc"] as? String == "report" }
        XCTAssertEqual(figures.map { $0["id"] as? String }, (1...figures.count).map { "report#\($0)" })
        let ids = Set(figures.compactMap { $0["id"] as? String })
        for figure in figures { if let parent = figure["parent"] as? String { XCTAssertTrue(ids.contains(parent), parent) } }
    }

    func testALongFileInSQLiteCountsItsRecordsOnce() throws {
        let folder = TemporaryFolder()
        let report = try longReport(in: folder)
        let (whole, _) = try run(report, sectionBytes: Int.max, format: "sqlite", into: folder)
        let (sectioned, _) = try run(report, sectionBytes: 3_000, format: "sqlite", into: folder)
        func dump(_ path: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                for table in ("documents", "figures", "dates"):
                    for row in db.execute(f"SELECT * FROM {table} ORDER BY 1"): print(table, row)
                """, path]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            try XCTSkipIf(process.terminationStatus != 0, "no python3 with sqlite3 to read the database back")
            return String(decoding: data, as: UTF8.self)
        }
        let expected = try dump(whole)
        XCTAssertTrue(expected.contains("documents ('report'"))
        XCTAssertEqual(try dump(sectioned), expected)
    }

    func testTheTextCommandPrintsALongFileWhole() throws {
        let folder = TemporaryFolder()
        let report = try longReport(in: folder)
        var reader = DocumentReader()
        reader.sectionBytes = 3_000
        let sectioned = try reader.text(of: DocumentCollector.collect([report])[0])
        let whole = try DocumentReader().text(of: DocumentCollector.collect([report])[0])
        XCTAssertEqual(sectioned.count, 1)
        XCTAssertEqual(sectioned, whole)
    }

    /// Forwards to a JSON-lines sink and dies (throws) at the n-th write, after putting what it has on disk.
    private final class DyingSink: RecordSink {
        struct Killed: Error {}
        let inner: JSONLinesSink
        let output: AtomicOutput
        var writesLeft: Int
        init(_ output: AtomicOutput, dieAt writes: Int) {
            self.output = output
            inner = JSONLinesSink(output: output, includeDates: true, inlineErrors: false)
            writesLeft = writes
        }
        var renderer: RecordRenderer? { inner.renderer }
        func write(rendered: [UInt8]) throws {
            writesLeft -= 1
            if writesLeft == 0 { try output.flush(); throw Killed() }
            try inner.write(rendered: rendered)
        }
        func write(_ extraction: DocumentExtraction, of document: Document) throws { try inner.write(extraction, of: document) }
        func write(_ failure: DocumentFailure) throws { try inner.write(failure) }
        func checkpoint(documents: Int) throws { try inner.checkpoint(documents: documents) }
        func finish() throws { try inner.finish() }
    }

    func testARunKilledInsideALongFileResumesWithoutLosingOrDuplicatingARecord() throws {
        let folder = TemporaryFolder()
        let report = try longReport(in: folder)
        let corpus = SharedMaterial.corpus + "/documents/"
        let files = try DocumentCollector.collect([corpus + "a01.txt", report, corpus + "a02.txt"])
        var reader = DocumentReader()
        reader.sectionBytes = 3_000
        let runner = ArchiveRunner(extractor: TestGrammar.extractor, reader: reader, jobs: 2)
        let clean = folder.path + "/clean.jsonl"
        _ = try runner.run(files, into: JSONLinesSink(output: try AtomicOutput(path: clean), includeDates: true, inlineErrors: false),
                           warning: { _ in }, failure: { XCTFail("\($0)") })
        let killed = folder.path + "/killed.jsonl"
        // Writes: a01, then the report's sections; the fifth write is the report's fourth section.
        XCTAssertThrowsError(try runner.run(files, into: DyingSink(try AtomicOutput(path: killed), dieAt: 5),
                                            warning: { _ in }, failure: { _ in }))
        XCTAssertFalse(FileManager.default.fileExists(atPath: killed), "a killed run leaves nothing under the final name")
        let resumed = try AtomicOutput(path: killed, resume: true)
        XCTAssertEqual(resumed.resumedDocuments, 1, "only a01 was complete")
        _ = try runner.run(files, into: JSONLinesSink(output: resumed, includeDates: true, inlineErrors: false), skip: resumed.resumedDocuments,
                           warning: { _ in }, failure: { XCTFail("\($0)") })
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: killed)), try Data(contentsOf: URL(fileURLWithPath: clean)))
    }

    func testTheCommandReadsAFileLargerThanASectionAsOneDocument() throws {
        // Over 8 MB (the reader's section size): mostly prose, with figures here and there.
        let filler = "وتناول التقرير الأوضاع الإنسانية في المنطقة بالتفصيل، مع التركيز على الخدمات الأساسية.\n\n"
        let figures = "وثقت الشبكة مقتل ما لا يقل عن 52 مدنياً، بينهم 14 طفلاً، في عام 2018.\n\nوخلال الفترة ذاتها أصيب 9 مدنيين.\n\n"
        var text = "دمشق - 12 آب 2019\n\n"
        for block in 0..<12 {
            text += figures + String(repeating: filler, count: 4_500) + "وقتل أمس \(block + 1) شخصا.\n\n"
        }
        XCTAssertGreaterThan(text.utf8.count, DocumentReader().sectionBytes)
        let folder = TemporaryFolder()
        let path = folder.write("long.txt", text)
        let result = try CLI.run(["extract", "--dates", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        // The records of the whole text read at once, as the library writes them.
        let whole = Extractor(grammar: TestGrammar.shared, sectionLength: Int.max)
            .extract(scalars: text.unicodeScalars.map(\.value), document: "long")
        let expected = String(decoding: RecordWriter(includeDates: true).lines(for: whole), as: UTF8.self)
        XCTAssertEqual(whole.figures.count, 12 * 4)
        XCTAssertEqual(result.stdout, expected)
        XCTAssertTrue(result.stderr.contains("1 documents"), result.stderr)
    }

    func testABinaryFileLargerThanASectionIsNamedAndSkipped() throws {
        let folder = TemporaryFolder()
        var bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]
        bytes += [UInt8](repeating: 0x41, count: DocumentReader().sectionBytes + 1000)
        let binary = folder.write("a-large.txt", bytes: bytes)
        folder.write("b-report.txt", "قتل 5 أشخاص في القصف.")
        let result = try CLI.run(["extract", folder.path])
        XCTAssertEqual(result.status, 1, "a skipped document makes the exit status 1")
        XCTAssertTrue(result.stderr.contains(binary) && result.stderr.contains("binary data"), result.stderr)
        XCTAssertEqual(result.records.map { $0["doc"] as? String }, ["b-report"], "the other document's records come out")
    }
}
