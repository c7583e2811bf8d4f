import Foundation
import XCTest
@testable import Hasila

/// A document that crashes the process does not take the archive with it: `--resume` after a
/// crash goes on, and a document in flight at two crashes in a row is quarantined (reported as an
/// error, every other document's records written). The crash is the debug builds' hook
/// (HASILA_DEBUG_CRASH_ON, see ArchiveRunner), as a bug in the extractor would trap.
final class CrashContainmentTests: XCTestCase {
    static let marker = "CRASH-HERE"

    private func archive(jsonLines: Bool) -> (TemporaryFolder, String) {
        let folder = TemporaryFolder()
        if jsonLines {
            // Line 5 is no JSON: its error must be reported once, across the crashes and resumes.
            let lines = (1...300).map { n in n == 5 ? "not json" : "{\"id\":\"n\(n)\",\"text\":\"قتل \(n) أشخاص في القصف.\(n == 137 ? " " + CrashContainmentTests.marker : "")\"}" }
            return (folder, folder.write("news.jsonl", lines.joined(separator: "\n") + "\n"))
        }
        // A binary file first: its error must be reported once, across the crashes and resumes.
        folder.write("docs/d000.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01])
        for n in 1...150 {
            folder.write(String(format: "docs/d%03d.txt", n), "قتل \(n) أشخاص في القصف." + (n == 77 ? " " + CrashContainmentTests.marker : ""))
        }
        return (folder, folder.path + "/docs")
    }

    private func contain(jsonLines: Bool, format: String) throws {
        let (folder, input) = archive(jsonLines: jsonLines)
        let output = folder.path + "/records.out", errors = folder.path + "/errors.jsonl"
        let environment = ["HASILA_DEBUG_CRASH_ON": CrashContainmentTests.marker, "HASILA_GRAMMARS": SharedMaterial.grammars,
                           "SWIFT_BACKTRACE": "enable=no"]
        let arguments = ["extract", "--quiet", "--jobs", "2", "--format", format, "--output", output, "--errors", errors, input]
        let first = try CLI.run(arguments, environment: environment)
        XCTAssertNotEqual(first.status, 0)
        XCTAssertTrue(first.stderr.contains("--resume"), first.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
        let second = try CLI.run(arguments + ["--resume"], environment: environment)
        XCTAssertNotEqual(second.status, 0, "in flight once: tried again, alone, and it crashes again")
        let third = try CLI.run(arguments + ["--resume"], environment: environment)
        XCTAssertEqual(third.status, 1, third.stderr)
        XCTAssertTrue(third.stderr.contains("quarantined"), third.stderr)
        let report = try String(contentsOfFile: errors, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(report.count, 2, "\(report)")
        XCTAssertTrue(report.first?.contains(jsonLines ? "\"line\":5" : "d000.txt") ?? false, "\(report)")
        XCTAssertTrue(report.last?.contains("quarantined") ?? false)
        XCTAssertTrue(report.last?.contains(jsonLines ? "\"line\":137" : "d077.txt") ?? false, "\(report)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + ".partial.crashes"))
        // Every other document's records, exactly once, as a run without the crashing document gives them.
        let clean = folder.path + "/clean.out"
        XCTAssertEqual(try CLI.run(["extract", "--quiet", "--jobs", "2", "--format", format, "--output", clean, input]).status, 1, "the bad document is skipped there too")
        if format == "jsonl" {
            let got = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
            let want = try String(contentsOfFile: clean, encoding: .utf8).split(separator: "\n")
                .filter { !$0.contains(jsonLines ? "\"n137\"" : "\"d077\"") }
            XCTAssertEqual(got.count, (jsonLines ? 300 - 1 : 150) - 1)
            XCTAssertEqual(got, want)
        }
    }

    func testADocumentThatCrashesTwiceIsQuarantinedAndTheRestComesOut() throws {
        try contain(jsonLines: false, format: "jsonl")
    }

    func testAJSONLineThatCrashesTwiceIsQuarantined() throws {
        try contain(jsonLines: true, format: "jsonl")
    }

    func testQuarantineWithSQLite() throws {
        try contain(jsonLines: false, format: "sqlite")
    }

    /// The crash log: two crashes that share a document quarantine it; a kill without a crash does not.
    func testTheLogQuarantinesOnlyWhatTwoCrashesInARowShare() throws {
        let folder = TemporaryFolder()
        let partial = folder.path + "/out.partial"
        folder.write("out.partial.crashes", "crashed 1 64\ncrashed 17 17\n")
        let log = try CrashLog(partial: partial, resume: true)
        XCTAssertEqual(log.quarantined, [17])
        XCTAssertEqual(log.suspects, 17...17)
        XCTAssertEqual(try CrashLog(partial: partial, resume: true).quarantined, [17], "kept for later resumes")
        folder.write("out.partial.crashes", "crashed 1 64\n")
        XCTAssertEqual(try CrashLog(partial: partial, resume: true).quarantined, [])
        folder.write("out.partial.crashes", "crashed 1 64\ncrashed 65 128\n")
        XCTAssertEqual(try CrashLog(partial: partial, resume: true).quarantined, [])
        _ = try CrashLog(partial: partial, resume: false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: partial + ".crashes"), "a fresh run starts a fresh log")
    }
}
