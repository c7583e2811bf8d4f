import Foundation
import XCTest
@testable import Hasila

/// The analyst's guide stays true: docs/taxonomy.md documents exactly the keys the loaded grammars
/// declare, its typical words are words of a rule for their key, and the links of the README and
/// docs/ resolve in a clone of the repository (none reaches outside it, such as ../shared).
final class AnalystGuideTests: XCTestCase {
    static let taxonomyPage = SharedMaterial.repository + "/docs/taxonomy.md"

    /// The rows of the page's "Keys" table: key and its typical words, in the page's order.
    private func documentedKeys() throws -> [(key: String, words: [String])] {
        let page = try String(contentsOfFile: AnalystGuideTests.taxonomyPage, encoding: .utf8)
        var rows: [(key: String, words: [String])] = []
        var inKeys = false
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inKeys = line == "## Keys"; continue }
            guard inKeys, line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertEqual(cells.count, 5, "a row of the Keys table has three cells: \(line)")
            guard cells.count == 5 else { continue }
            let key = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            // Typical words are separated by the Arabic comma (U+060C).
            let words = cells[3].split(separator: "\u{060C}").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            rows.append((key, words))
        }
        return rows
    }

    func testEveryTaxonomyKeyIsDocumentedAndNoOther() throws {
        let documented = try documentedKeys().map(\.key)
        XCTAssertFalse(documented.isEmpty, "docs/taxonomy.md has no Keys table")
        XCTAssertEqual(documented.count, Set(documented).count, "a key is documented twice: \(documented)")
        let declared = Set(TestGrammar.shared.taxonomyKeys)
        XCTAssertFalse(declared.isEmpty)
        let undocumented = declared.subtracting(documented).sorted()
        let unknown = Set(documented).subtracting(declared).sorted()
        XCTAssertEqual(undocumented, [], "keys of Grammars/categories/taxonomy.grammar missing from docs/taxonomy.md")
        XCTAssertEqual(unknown, [], "keys documented in docs/taxonomy.md that the grammars do not declare")
    }

    func testTypicalWordsAreWordsOfARuleForTheirKey() throws {
        var checked = 0
        for (key, words) in try documentedKeys() {
            XCTAssertGreaterThanOrEqual(words.count, 2, "\(key): list at least two typical words")
            for word in words {
                let keys = TestGrammar.shared.categoryKeys(naming: word)
                XCTAssertTrue(keys.contains(key), "docs/taxonomy.md lists '\(word)' under \(key), but the category rules give it \(keys.map { $0 ?? "null" }.sorted())")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    /// The check itself can fail: a word of one key is not a word of another, and a word of no rule gives nothing.
    func testCategoryKeysTellKeysApart() throws {
        let rows = try documentedKeys()
        let civilians = try XCTUnwrap(rows.first { $0.key == "killed.civilians" }?.words.first)
        let hospital = try XCTUnwrap(rows.first { $0.key == "attacks.medical" }?.words.first)
        XCTAssertTrue(TestGrammar.shared.categoryKeys(naming: civilians).contains("killed.civilians"))
        XCTAssertFalse(TestGrammar.shared.categoryKeys(naming: civilians).contains("attacks.medical"))
        XCTAssertFalse(TestGrammar.shared.categoryKeys(naming: hospital).contains("killed.civilians"))
        XCTAssertEqual(TestGrammar.shared.categoryKeys(naming: "xyzzy"), [])
        XCTAssertEqual(TestGrammar.shared.categoryKeys(naming: ""), [])
    }

    /// Every Markdown link of the README and docs/ points at a file of the repository (and, for
    /// an anchor into a Markdown file, at one of its headings): a reader of a clone can follow it.
    func testLinksResolveInAClone() throws {
        let root = URL(fileURLWithPath: SharedMaterial.repository).standardizedFileURL
        var pages = ["README.md"]
        if let walker = FileManager.default.enumerator(atPath: root.path + "/docs") {
            for case let relative as String in walker where relative.hasSuffix(".md") { pages.append("docs/" + relative) }
        }
        XCTAssertTrue(pages.contains("docs/guide.md") && pages.contains("docs/taxonomy.md"), "\(pages)")
        let link = try NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
        var checked = 0
        for page in pages {
            let text = try String(contentsOfFile: root.path + "/" + page, encoding: .utf8)
            let folder = root.appendingPathComponent(page).deletingLastPathComponent()
            for match in link.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let target = String(text[Range(match.range(at: 1), in: text)!])
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let file = parts[0].isEmpty ? root.appendingPathComponent(page) : folder.appendingPathComponent(parts[0]).standardizedFileURL
                XCTAssertTrue(file.path.hasPrefix(root.path + "/"), "\(page): the link \(target) leaves the repository")
                XCTAssertTrue(FileManager.default.fileExists(atPath: file.path), "\(page): the link \(target) points at nothing")
                if parts.count == 2, file.pathExtension == "md", let linked = try? String(contentsOf: file, encoding: .utf8) {
                    XCTAssertTrue(headingAnchors(linked).contains(parts[1]), "\(page): no heading of \(parts[0].isEmpty ? page : parts[0]) has the anchor #\(parts[1])")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 5)
    }

    /// GitHub's anchors for the headings of a Markdown page: lower case, spaces as hyphens,
    /// punctuation other than hyphens and underscores dropped.
    private func headingAnchors(_ markdown: String) -> Set<String> {
        var anchors = Set<String>()
        var inCode = false
        for line in markdown.split(separator: "\n") {
            if line.hasPrefix("```") { inCode.toggle(); continue }
            guard !inCode, line.hasPrefix("#") else { continue }
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
            let kept = title.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == " " }
            anchors.insert(String(String.UnicodeScalarView(kept)).replacingOccurrences(of: " ", with: "-"))
        }
        return anchors
    }
}
