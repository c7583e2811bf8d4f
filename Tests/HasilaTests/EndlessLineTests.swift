import Foundation
import XCTest
@testable import Hasila

/// Text without blank lines (scraped pages often have no line break at all) is still cut into
/// sections, at sentence ends, so its memory is that of a section and its records are all there.
final class EndlessLineTests: XCTestCase {
    /// Self-contained sentences on one line: each figure's cues, noun and date are in its sentence.
    static let line: String = (1...400).map { "قتل \($0) أشخاص في القصف يوم 3 آذار 2019." }.joined(separator: " ")

    func testTheExtractorCutsALineWithoutBlankLinesAtSentenceEnds() {
        let scalars = EndlessLineTests.line.unicodeScalars.map(\.value)
        let whole = Extractor(grammar: TestGrammar.shared, sectionLength: Int.max).extract(scalars: scalars, document: "line")
        let cut = Extractor(grammar: TestGrammar.shared, sectionLength: 500, longestSection: 2_000).extract(scalars: scalars, document: "line")
        XCTAssertEqual(whole.figures.count, 400)
        XCTAssertEqual(cut.figures, whole.figures)
        // Dates compare by what is written of them (their token indices are the section's own).
        XCTAssertEqual(cut.dates.map { "\($0.range) \($0.value?.description ?? "-") \($0.text)" },
                       whole.dates.map { "\($0.range) \($0.value?.description ?? "-") \($0.text)" })
        // Not even a space to cut at: still bounded, and every span is its text.
        let word = [UInt32](repeating: 0x0627, count: 10_000) + " قتل 5 أشخاص.".unicodeScalars.map(\.value)
        let odd = Extractor(grammar: TestGrammar.shared, sectionLength: 500, longestSection: 2_000).extract(scalars: word, document: "w")
        XCTAssertEqual(odd.figures.map(\.value), [5])
        XCTAssertEqual(odd.figures.first?.range, 10_005..<10_006)
    }

    func testTheReaderCutsAOneLineFileAtSentenceEnds() throws {
        let folder = TemporaryFolder()
        let path = folder.write("line.txt", EndlessLineTests.line)
        var reader = DocumentReader()
        reader.sectionBytes = 2_000
        reader.longestSectionBytes = 8_000
        var sections: [Document] = []
        try reader.read(DocumentCollector.collect([path])) { input in
            if case .document(let document) = input { sections.append(document) }
        }
        XCTAssertGreaterThan(sections.count, 5)
        XCTAssertTrue(sections.allSatisfy { $0.scalars.count < 8_000 })
        // Each section ends after a full stop and its space, and together they are the file.
        for section in sections.dropLast() { XCTAssertEqual(section.scalars.suffix(2), [0x2E, 0x20]) }
        XCTAssertEqual(sections.flatMap(\.scalars), EndlessLineTests.line.unicodeScalars.map(\.value))
        XCTAssertEqual(sections.last?.section?.isLast, true)
    }

    /// A long .txt.gz is streamed in sections too, not held whole (nor refused above --max-bytes).
    func testALongGzipTextIsReadInSections() throws {
        let folder = TemporaryFolder()
        let path = folder.write("line.txt", EndlessLineTests.line)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-f", path]
        try gzip.run()
        gzip.waitUntilExit()
        var reader = DocumentReader(maxBytes: 4_000)
        reader.sectionBytes = 2_000
        reader.longestSectionBytes = 8_000
        var sections: [Document] = []
        try reader.read(DocumentCollector.collect([path + ".gz"])) { input in
            if case .document(let document) = input { sections.append(document) }
            if case .failure(let failure) = input { XCTFail(failure.description) }
        }
        XCTAssertGreaterThan(sections.count, 5)
        XCTAssertEqual(sections.flatMap(\.scalars), EndlessLineTests.line.unicodeScalars.map(\.value))
    }

    /// Through the command, with the bundled section sizes: a one-line file longer than a section
    /// (and than --max-bytes: plain text is streamed, not held) gives all its records.
    func testAOneLineFileThroughTheCommand() throws {
        let folder = TemporaryFolder()
        let sentence = "قتل 7 أشخاص في القصف يوم 3 آذار 2019. "
        let count = (9 << 20) / sentence.utf8.count + 1
        let path = folder.write("line.txt", String(repeating: sentence, count: count))
        let result = try CLI.run(["extract", "--quiet", "--max-bytes", "\(1 << 20)", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.lines.count, count)
    }

    /// What must be held whole is refused above --max-bytes, with what to do, and costs only itself.
    func testALineOverMaxBytesIsRefusedAndTheOthersRead() throws {
        let folder = TemporaryFolder()
        let long = String(repeating: "قتل 7 أشخاص. ", count: 100_000)
        let path = folder.write("news.jsonl", "{\"id\":\"a\",\"text\":\"قتل 5 أشخاص\"}\n{\"id\":\"b\",\"text\":\"\(long)\"}\n{\"id\":\"c\",\"text\":\"قتل 6 أشخاص\"}\n")
        folder.write("page.html", "<p>" + long + "</p>")
        let result = try CLI.run(["extract", "--quiet", "--max-bytes", "\(1 << 20)", path, folder.path + "/page.html"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.records.compactMap { $0["doc"] as? String }, ["a", "c"])
        XCTAssertTrue(result.stderr.contains("news.jsonl:2: line larger than --max-bytes"), result.stderr)
        XCTAssertTrue(result.stderr.contains("page.html: larger than --max-bytes"), result.stderr)
        XCTAssertTrue(result.stderr.contains("raise --max-bytes"), result.stderr)
    }
}
