import Foundation
import XCTest
@testable import Hasila

/// `--output` (and `--errors`) may only replace a regular file: a folder, a device, an input or a
/// missing folder is refused before any work, and nothing but the earlier output is ever replaced.
final class OutputTargetTests: XCTestCase {
    private func archive() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("docs/a.txt", "قتل 5 أشخاص في القصف.")
        folder.write("docs/b.txt", "وأصيب 40 شخصا بجروح.")
        return folder
    }

    func testAFolderAsTheOutputIsRefusedAndKept() throws {
        let folder = archive()
        folder.write("out/keep.txt", "a file of the user's")
        for format in ["jsonl", "csv", "sqlite"] {
            for target in [folder.path + "/out", folder.path + "/docs"] {
                let result = try CLI.run(["extract", "--quiet", "--format", format, "--output", target, folder.path + "/docs"])
                XCTAssertEqual(result.status, 2, result.stderr)
                XCTAssertTrue(result.stderr.contains("it is a folder"), result.stderr)
            }
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path + "/out/keep.txt"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path + "/docs/a.txt"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/out.partial"))
    }

    func testADeviceAnInputAndAMissingFolderAreRefusedBeforeAnyWork() throws {
        let folder = archive()
        let cases: [(String, String)] = [("/dev/null", "it is a device"), (folder.path + "/docs/a.txt", "it is one of the inputs"),
                                         (folder.path + "/nowhere/out.jsonl", "does not exist")]
        for (target, reason) in cases {
            let result = try CLI.run(["extract", "--quiet", "--output", target, folder.path + "/docs"])
            XCTAssertEqual(result.status, 2, target)
            XCTAssertTrue(result.stderr.contains(reason), result.stderr)
            XCTAssertEqual(result.stdout, "")
        }
        let errors = try CLI.run(["extract", "--quiet", "--errors", folder.path + "/docs", folder.path + "/docs"])
        XCTAssertEqual(errors.status, 2)
        XCTAssertTrue(errors.stderr.contains("--errors"), errors.stderr)
        XCTAssertEqual(try String(contentsOfFile: folder.path + "/docs/a.txt", encoding: .utf8), "قتل 5 أشخاص في القصف.")
    }

    func testAnEarlierOutputIsReplacedAndDashIsStdout() throws {
        let folder = archive()
        let target = folder.write("out.jsonl", "an earlier output\n")
        XCTAssertEqual(try CLI.run(["extract", "--quiet", "--output", target, folder.path + "/docs"]).status, 0)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        XCTAssertFalse(written.contains("an earlier output"))
        XCTAssertEqual(written.split(separator: "\n").count, 2)
        let stdout = try CLI.run(["extract", "--quiet", "--output", "-", folder.path + "/docs"])
        XCTAssertEqual(stdout.status, 0)
        XCTAssertEqual(stdout.stdout, written)
    }

    /// The last step is a rename over a file: a folder put in the output's place meanwhile stays.
    func testReplacingNeverRemovesAFolder() throws {
        let folder = archive()
        let finished = folder.write("records.partial", "records\n")
        try FileManager.default.createDirectory(atPath: folder.path + "/records", withIntermediateDirectories: true)
        folder.write("records/keep.txt", "kept")
        XCTAssertThrowsError(try OutputTarget.replace(folder.path + "/records", with: finished))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path + "/records/keep.txt"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: finished))
    }
}
