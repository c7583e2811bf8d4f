import Foundation
import XCTest
@testable import Hasila

/// Every record keeps its own id and its own row: the same file names under several folders,
/// the same id twice in a JSON-lines file, and SQLite never dropping a row.
final class DocumentIdentityTests: XCTestCase {
    private func roots() -> TemporaryFolder {
        let folder = TemporaryFolder()
        for (root, base) in [("2019", 5), ("2020", 6), ("extra/2021", 7)] {
            folder.write("\(root)/a.txt", "قتل \(base) أشخاص في القصف.")
            folder.write("\(root)/sub/b.txt", "وأصيب \(base * 10) شخصا بجروح.")
        }
        return folder
    }

    func testIdsAreUniqueAcrossRootsAndStableForOne() throws {
        let folder = roots()
        let one = try CLI.run(["extract", "--quiet", folder.path + "/2019"], directory: folder.path)
        XCTAssertEqual(one.records.compactMap { $0["doc"] as? String }, ["a", "sub/b"])
        let several = try CLI.run(["extract", "--quiet", "2019", "2020/", "./extra/2021"], directory: folder.path)
        XCTAssertEqual(several.status, 0, several.stderr)
        XCTAssertEqual(several.records.compactMap { $0["id"] as? String },
                       ["2019/a#1", "2019/sub/b#1", "2020/a#1", "2020/sub/b#1", "extra/2021/a#1", "extra/2021/sub/b#1"])
    }

    func testSQLiteKeepsEveryRowOfSeveralRoots() throws {
        let folder = roots()
        folder.write("stream.jsonl", "{\"id\":\"s\",\"text\":\"قتل 3 أشخاص\"}\n{\"id\":\"s\",\"text\":\"قتل 4 أشخاص\"}\n")
        let database = folder.path + "/records.db", jsonl = folder.path + "/records.jsonl"
        let paths = [folder.path + "/2019", folder.path + "/2020", folder.path + "/extra/2021", folder.path + "/stream.jsonl",
                     folder.path + "/2019/a.txt", folder.path + "/2020/a.txt"]
        let sqlite = try CLI.run(["extract", "--dates", "--format", "sqlite", "--output", database] + paths)
        let lines = try CLI.run(["extract", "--quiet", "--dates", "--output", jsonl] + paths)
        XCTAssertEqual(sqlite.status, 0, sqlite.stderr)
        XCTAssertEqual(lines.status, 0, lines.stderr)
        let records = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(records.count, 10)
        let ids = records.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String }
        XCTAssertEqual(Set(ids).count, ids.count, "ids: \(ids)")
        XCTAssertTrue(ids.contains("s~2#1") && ids.contains("a~2#1"), "\(ids)")
        XCTAssertTrue(sqlite.stderr.contains("\"s\" is taken"), sqlite.stderr)
        XCTAssertTrue(sqlite.stderr.contains("10 figures"), sqlite.stderr)
        let count = Process()
        count.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        count.arguments = ["sqlite3", database, "SELECT (SELECT count(*) FROM figures) + (SELECT count(*) FROM dates)"]
        let pipe = Pipe()
        count.standardOutput = pipe
        try count.run()
        count.waitUntilExit()
        try XCTSkipIf(count.terminationStatus != 0, "no sqlite3 to count the rows with")
        XCTAssertEqual(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), "10")
    }
}
