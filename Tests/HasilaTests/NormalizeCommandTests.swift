import XCTest
@testable import Hasila

/// `hasila normalize` end to end: stdin and files, the folding switches.
final class NormalizeCommandTests: XCTestCase {
    func testStdinToStdout() throws {
        let result = try CLI.run(["normalize"], stdin: "وثَّقت ٥٢٣٣ مدنيًّا\u{200F} ﻻ أإآ\n")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "وثقت 5233 مدنيا لا أإآ\n")
    }

    func testFoldingSwitches() throws {
        XCTAssertEqual(try CLI.run(["normalize", "--fold-alef"], stdin: "أإآ ى ة").stdout, "ااا ى ة")
        XCTAssertEqual(try CLI.run(["normalize", "--fold-alef-maksura"], stdin: "أ ى ة").stdout, "أ ي ة")
        XCTAssertEqual(try CLI.run(["normalize", "--fold-teh-marbuta"], stdin: "أ ى ة").stdout, "أ ى ه")
        XCTAssertEqual(try CLI.run(["normalize", "--fold-all"], stdin: "إحصائيّة مستشفى").stdout, "احصائيه مستشفي")
    }

    func testFilesInOrderAndStreamingOfALargeFile() throws {
        let folder = TemporaryFolder()
        let line = "قُتِلَ ١٢٣ شخصاً في الـ٥ من آذار\n"
        let big = folder.write("big.txt", String(repeating: line, count: 60_000))  // ~3.5 MB, several chunks
        let small = folder.write("small.txt", "٤٥٦\n")
        let result = try CLI.run(["normalize", big, small])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, String(repeating: "قتل 123 شخصا في ال5 من آذار\n", count: 60_000) + "456\n")
    }

    func testAMissingFileIsNamed() throws {
        let result = try CLI.run(["normalize", "/no/such/file.txt"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("/no/such/file.txt"), result.stderr)
    }
}
