import XCTest
@testable import Hasila

/// `hasila eval --explain DOC@OFFSET` names the reader, the grammar rule (file:line) and the words
/// behind each field of a figure: what a researcher who doubts a record wants to see.
final class ExplainCommandTests: XCTestCase {
    private func grammarLine(_ location: String) throws -> String {
        let parts = location.split(separator: ":")
        let lines = try String(contentsOfFile: SharedMaterial.grammars + "/" + parts[0], encoding: .utf8).components(separatedBy: "\n")
        return lines[Int(parts[1])! - 1]
    }

    private func rules(in output: String, field: String) -> [String] {
        output.components(separatedBy: "\n").filter { $0.hasPrefix("  \(field):") }.compactMap { line in
            guard let open = line.lastIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
    }

    func testAnExplanationNamesTheRulesAndWordsBehindEachField() throws {
        let folder = TemporaryFolder()
        folder.write("docs/n.txt", "قالت الشرطة إن 12 شخصا على الأقل قتلوا، بينهم 3 أطفال.")
        folder.write("gold/figures.jsonl", "")
        // The offset of "3": count in code points, as the gold does.
        let offset = Array("قالت الشرطة إن 12 شخصا على الأقل قتلوا، بينهم ".unicodeScalars).count
        let run = try CLI.run(["eval", "--gold", folder.path + "/gold", "--explain", "n@\(offset)", folder.path + "/docs"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("n@\(offset) «3» value 3"), run.stdout)
        XCTAssertTrue(run.stdout.contains("found:    qualifier exact, category killed.children, parent 15 «12»"), run.stdout)
        // The parent came from the breakdown cue, and the rule it names is the line that holds بينهم.
        let parentRules = rules(in: run.stdout, field: "parent")
        XCTAssertEqual(parentRules.count, 1, run.stdout)
        XCTAssertTrue(try grammarLine(parentRules[0]).contains("بينهم"), parentRules[0])
        // The category came from the counted noun, whose rule lists أطفال.
        XCTAssertTrue(run.stdout.contains("counted noun phrase «أطفال»"), run.stdout)
        XCTAssertTrue(try rules(in: run.stdout, field: "category").contains { try grammarLine($0).contains("أطفال") }, run.stdout)

        // The total: its qualifier from the cue after its noun, its act after it.
        let total = try CLI.run(["eval", "--gold", folder.path + "/gold", "--explain", "n@15", folder.path + "/docs"])
        let qualifierRules = rules(in: total.stdout, field: "qualifier")
        XCTAssertEqual(qualifierRules.count, 1, total.stdout)
        XCTAssertTrue(try grammarLine(qualifierRules[0]).contains("على الأقل"), qualifierRules[0])
    }

    func testABadTargetIsAClearError() throws {
        let folder = TemporaryFolder()
        folder.write("docs/n.txt", "قتل 5 أشخاص.")
        folder.write("gold/figures.jsonl", "")
        let malformed = try CLI.run(["eval", "--gold", folder.path + "/gold", "--explain", "n-4", folder.path + "/docs"])
        XCTAssertEqual(malformed.status, 2)
        XCTAssertTrue(malformed.stderr.contains("DOC@OFFSET"), malformed.stderr)
        let missing = try CLI.run(["eval", "--gold", folder.path + "/gold", "--explain", "x@4", folder.path + "/docs"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no document 'x'"), missing.stderr)
        let nothing = try CLI.run(["eval", "--gold", folder.path + "/gold", "--explain", "n@0", folder.path + "/docs"])
        XCTAssertEqual(nothing.status, 1)
        XCTAssertTrue(nothing.stderr.contains("no figure of 'n' covers offset 0"), nothing.stderr)
    }
}
