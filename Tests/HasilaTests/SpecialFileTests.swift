import Foundation
import XCTest
@testable import Hasila

/// What is not a regular file: named pipes, sockets and link loops are skipped with a warning
/// (a pipe nobody writes to would hang the run), and a missing path costs only itself.
final class SpecialFileTests: XCTestCase {
    func testAPipeAndALinkLoopInAFolderAreSkippedNotWaitedOn() throws {
        let folder = TemporaryFolder()
        folder.write("docs/a.txt", "قتل 5 أشخاص في القصف.")
        XCTAssertEqual(mkfifo(folder.path + "/docs/pipe.txt", 0o644), 0)
        XCTAssertEqual(symlink("loop2.txt", folder.path + "/docs/loop1.txt"), 0)
        XCTAssertEqual(symlink("loop1.txt", folder.path + "/docs/loop2.txt"), 0)
        XCTAssertEqual(symlink("pipe.txt", folder.path + "/docs/to-pipe.txt"), 0)
        let started = Date()
        let result = try CLI.run(["extract", "--quiet", folder.path + "/docs", folder.path + "/docs/pipe.txt"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.records.count, 1)
        for name in ["pipe.txt: a named pipe", "loop1.txt: a symbolic link loop", "loop2.txt: a symbolic link loop", "to-pipe.txt: a link to a named pipe"] {
            XCTAssertTrue(result.stderr.contains(name), "\(name) in \(result.stderr)")
        }
    }

    func testAMissingPathAmongSeveralCostsOnlyItself() throws {
        let folder = TemporaryFolder()
        let a = folder.write("a.txt", "قتل 5 أشخاص في القصف.")
        let b = folder.write("b.txt", "وأصيب 40 شخصا بجروح.")
        let errors = folder.path + "/errors.jsonl"
        let result = try CLI.run(["extract", "--quiet", "--errors", errors, a, folder.path + "/nothere", b, folder.path + "/gone/"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.records.compactMap { $0["value"] as? Int }, [5, 40])
        XCTAssertTrue(result.stderr.contains("nothere: no such file or folder"), result.stderr)
        let report = try String(contentsOfFile: errors, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(report.count, 2)
        XCTAssertTrue(report[0].contains("nothere"))
    }
}
