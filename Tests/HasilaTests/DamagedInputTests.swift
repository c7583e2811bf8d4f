import Foundation
import XCTest
@testable import Hasila

/// Inputs damaged on the way: a truncated .gz, character references that name no character.
final class DamagedInputTests: XCTestCase {
    private func gzip(_ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-f", path]
        try process.run()
        process.waitUntilExit()
    }

    /// Cuts a file to half its size, as an interrupted download leaves it.
    private func truncate(_ path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
    }

    func testATruncatedGzipIsReportedNotReadAsAShortDocument() throws {
        let folder = TemporaryFolder()
        try gzip(folder.write("book.txt", String(repeating: "قتل 5 أشخاص في القصف. ", count: 3000)))
        try truncate(folder.path + "/book.txt.gz")
        try gzip(folder.write("lines.jsonl", (1...3000).map { "{\"id\":\"l\($0)\",\"text\":\"قتل \($0) أشخاص\"}\n" }.joined()))
        try truncate(folder.path + "/lines.jsonl.gz")
        folder.write("plain.txt", "وأصيب 40 شخصا بجروح.")
        let errors = folder.path + "/errors.jsonl"
        let result = try CLI.run(["extract", "--quiet", "--errors", errors, folder.path + "/book.txt.gz", folder.path + "/lines.jsonl.gz",
                                  folder.path + "/plain.txt"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("book.txt.gz") && result.stderr.contains("truncated"), result.stderr)
        let report = try String(contentsOfFile: errors, encoding: .utf8)
        XCTAssertTrue(report.contains("\"path\":\"\(folder.path)/book.txt.gz\""), report)
        XCTAssertTrue(report.contains("lines.jsonl.gz"), report)
        XCTAssertFalse(result.records.contains { $0["doc"] as? String == "book" })
        // The lines before the cut keep their records, and the plain file its own.
        XCTAssertTrue(result.records.contains { $0["doc"] as? String == "l1" })
        XCTAssertTrue(result.records.contains { $0["doc"] as? String == "plain" })
    }

    func testANumericReferenceToNULIsTheReplacementCharacter() {
        let text = HTMLText.text(of: "<p>a&#0;b&#x0;c&#xD800;d&#99999999;e</p>".unicodeScalars.map(\.value))
        XCTAssertFalse(text.contains(0))
        XCTAssertEqual(String(String.UnicodeScalarView(text.compactMap(Unicode.Scalar.init))), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\n")
    }
}
