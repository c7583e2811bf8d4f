import Foundation
import XCTest
@testable import Hasila

/// `--dates-output`: figures and dates rendered on the workers in one frame and written to two
/// files, whatever the cuts (a long text's dates are held and replayed in chunks).
final class SplitSinkTests: XCTestCase {
    /// A long report of composed paragraphs, each with figures and dates.
    private func longReport(in folder: TemporaryFolder) -> String {
        var text = "دمشق - 12 آب 2019\n\n"
        for index in 1...400 {
            text += "وفي \(index % 28 + 1) آذار 2018 قتل \(index + 4) مدنيين بينهم \(index % 5 + 1) أطفال، وأصيب \(index * 3) آخرون منذ 1 كانون الثاني 2017.\n\n"
        }
        return folder.write("report.txt", text)
    }

    private func run(_ paths: [String], sectionBytes: Int, sink: RecordSink) throws {
        var reader = DocumentReader()
        reader.sectionBytes = sectionBytes
        let runner = ArchiveRunner(extractor: TestGrammar.extractor, reader: reader, jobs: 2)
        _ = try runner.run(try DocumentCollector.collect(paths), into: sink, warning: { _ in }, failure: { XCTFail("\($0)") })
    }

    private func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    }

    func testFiguresAndDatesSplitExactlyAsOneOutputHoldsThem() throws {
        let folder = TemporaryFolder()
        let paths = [longReport(in: folder), folder.write("short.txt", "قتل 4 أشخاص في 3 أيار 2020.")]
        for sectionBytes in [Int.max, 2_000] {
            let both = folder.path + "/both-\(sectionBytes).jsonl"
            try run(paths, sectionBytes: sectionBytes, sink: JSONLinesSink(output: try AtomicOutput(path: both), includeDates: true, inlineErrors: false))
            let figures = folder.path + "/figures-\(sectionBytes).jsonl", dates = folder.path + "/dates-\(sectionBytes).jsonl"
            let split = SplitSink(figures: JSONLinesSink(output: try AtomicOutput(path: figures), includeDates: false, inlineErrors: false),
                                  dates: JSONLinesSink(output: try AtomicOutput(path: dates), includeDates: true, includeFigures: false, inlineErrors: false))
            XCTAssertNotNil(split.renderer, "rendered on the workers")
            try run(paths, sectionBytes: sectionBytes, sink: split)
            let all = try lines(both)
            XCTAssertGreaterThan(all.count, 1000)
            XCTAssertEqual(try lines(figures), all.filter { $0.hasPrefix("{\"kind\":\"figure\"") }, "sections of \(sectionBytes) bytes")
            XCTAssertEqual(try lines(dates), all.filter { $0.hasPrefix("{\"kind\":\"date\"") }, "sections of \(sectionBytes) bytes")
        }
    }

    func testFramesCutAnywhereAreReassembled() throws {
        let folder = TemporaryFolder()
        let text = "قتل 5 أشخاص وأصيب 12 آخرون في 3 آذار 2019."
        let document = Document(id: "a", path: "a.txt", line: nil, scalars: text.unicodeScalars.map(\.value), date: nil, meta: nil,
                                byteCount: 0, warnings: [])
        let extraction = TestGrammar.extractor.extract(scalars: document.scalars, document: "a")
        let figures = folder.path + "/f.jsonl", dates = folder.path + "/d.jsonl"
        let split = SplitSink(figures: JSONLinesSink(output: try AtomicOutput(path: figures), includeDates: false, inlineErrors: false),
                              dates: JSONLinesSink(output: try AtomicOutput(path: dates), includeDates: true, includeFigures: false, inlineErrors: false))
        let frame = try XCTUnwrap(split.renderer).render(extraction, of: document)
        let stream = frame + frame + frame
        // Fed 7 bytes at a time: no frame arrives whole.
        var offset = 0
        while offset < stream.count {
            try split.write(rendered: Array(stream[offset..<min(offset + 7, stream.count)]))
            offset += 7
        }
        try split.finish()
        let figureLine = String(decoding: RecordWriter().lines(for: extraction), as: UTF8.self)
        let dateLine = String(decoding: RecordWriter(includeDates: true, includeFigures: false).lines(for: extraction), as: UTF8.self)
        XCTAssertFalse(figureLine.isEmpty)
        XCTAssertFalse(dateLine.isEmpty)
        XCTAssertEqual(try String(contentsOfFile: figures, encoding: .utf8), String(repeating: figureLine, count: 3))
        XCTAssertEqual(try String(contentsOfFile: dates, encoding: .utf8), String(repeating: dateLine, count: 3))
    }
}

extension SplitSinkTests {
    /// A run killed after the dates file checkpointed and before the figures file did: resumed,
    /// both go back to the figures' checkpoint, so no date is written twice or lost.
    func testAResumedSplitGoesBackToTheCheckpointBothReached() throws {
        let folder = TemporaryFolder()
        let figures = folder.path + "/f.jsonl", dates = folder.path + "/d.jsonl"
        func document(_ id: String, _ text: String) -> (Document, DocumentExtraction) {
            let document = Document(id: id, path: id + ".txt", line: nil, scalars: text.unicodeScalars.map(\.value), date: nil, meta: nil,
                                    byteCount: 0, warnings: [])
            return (document, TestGrammar.extractor.extract(scalars: document.scalars, document: id))
        }
        let first = document("a", "قتل 5 أشخاص في 3 آذار 2019."), second = document("b", "أصيب 8 أشخاص في 4 آذار 2019.")
        do {
            let figureSink = JSONLinesSink(output: try AtomicOutput(path: figures), includeDates: false, inlineErrors: false)
            let dateSink = JSONLinesSink(output: try AtomicOutput(path: dates), includeDates: true, includeFigures: false, inlineErrors: false)
            let split = SplitSink(figures: figureSink, dates: dateSink)
            try split.write(rendered: split.renderer!.render(first.1, of: first.0))
            try split.checkpoint(documents: 1)
            try split.write(rendered: split.renderer!.render(second.1, of: second.0))
            try dateSink.checkpoint(documents: 2)  // killed here, before the figures' checkpoint
        }
        let figureOutput = try AtomicOutput(path: figures, resume: true)
        XCTAssertEqual(figureOutput.resumedDocuments, 1)
        let dateOutput = try AtomicOutput(path: dates, resume: true, upTo: figureOutput.resumedDocuments)
        XCTAssertEqual(dateOutput.resumedDocuments, 1)
        let split = SplitSink(figures: JSONLinesSink(output: figureOutput, includeDates: false, inlineErrors: false),
                              dates: JSONLinesSink(output: dateOutput, includeDates: true, includeFigures: false, inlineErrors: false))
        try split.write(rendered: split.renderer!.render(second.1, of: second.0))
        try split.checkpoint(documents: 2)
        try split.finish()
        let dateLines = try lines(dates)
        XCTAssertEqual(dateLines.count, 2, "\(dateLines)")
        XCTAssertEqual(dateLines.map { $0.contains("\"doc\":\"a\"") }, [true, false])
        XCTAssertEqual(try lines(figures).count, first.1.figures.count + second.1.figures.count)
    }
}
