import Foundation
import XCTest
@testable import Hasila

/// `hasila report` end to end, as a researcher runs it: extract, then report, then read the page.
final class ReportCommandTests: XCTestCase {
    /// Extracts `paths` (with dates) into a JSON-lines file in `folder`, returning it and its records.
    private func extract(_ paths: [String], in folder: TemporaryFolder, extra: [String] = []) throws -> (path: String, records: [[String: Any]]) {
        let output = folder.path + "/records-\(UUID().uuidString).jsonl"
        let result = try CLI.run(["extract", "--quiet", "--dates", "--output", output] + extra + paths)
        XCTAssertTrue(result.status == 0 || result.status == 1, result.stderr)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let records = text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        return (output, records)
    }

    private func report(_ records: String, texts: [String], in folder: TemporaryFolder, extra: [String] = []) throws -> String {
        let page = folder.path + "/report-\(UUID().uuidString).html"
        let result = try CLI.run(["report", records, "--output", page] + (texts.isEmpty ? [] : ["--texts"] + texts) + extra)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try String(contentsOfFile: page, encoding: .utf8)
    }

    func testEveryRecordOfTheCorpusIsHighlightedOnceOnItsOwnText() throws {
        let folder = TemporaryFolder()
        let corpus = SharedMaterial.corpus + "/documents"
        let (records, expected) = try extract([corpus], in: folder)
        let page = ReportMarkup(try report(records, texts: [corpus], in: folder))
        XCTAssertGreaterThan(expected.count, 700)
        let byID = Dictionary(grouping: page.records, by: \.id)
        for record in expected {
            let id = record["id"] as! String
            let elements = byID[id] ?? []
            XCTAssertEqual(elements.count, 1, "\(id) appears \(elements.count) times")
            guard let element = elements.first else { continue }
            XCTAssertEqual(element.tag, "mark", "\(id) is highlighted, not flagged")
            XCTAssertEqual(element.text, record["text"] as? String, id)
            if record["kind"] as? String == "figure" {
                XCTAssertTrue(element.classes.contains("fig"))
                XCTAssertEqual(element.attributes["data-v"], String(record["value"] as! Int))
                XCTAssertEqual(element.attributes["data-q"], record["qualifier"] as? String)
                XCTAssertEqual(element.attributes["data-cat"], (record["category"] as? String) ?? "")
                XCTAssertEqual(element.attributes["data-parent"], record["parent"] as? String)
                XCTAssertEqual(element.classes.contains("cnull"), record["category"] is NSNull, id)
            } else {
                XCTAssertTrue(element.classes.contains("date"))
                XCTAssertEqual(element.attributes["data-v"], (record["value"] as? String) ?? "")
            }
        }
        XCTAssertEqual(page.records.count, expected.count, "no element carries a record that is not in the records")
        XCTAssertEqual(Set(page.records.map(\.id)).count, page.records.count)
        // Each main category has one colour class, the same for all its figures.
        var slots: [String: Set<String>] = [:]
        for element in page.records where element.classes.contains("fig") {
            let main = String((element.attributes["data-cat"] ?? "").split(separator: ".").first ?? "")
            slots[main, default: []].formUnion(element.classes.filter { $0.hasPrefix("c") })
        }
        XCTAssertTrue(slots.values.allSatisfy { $0.count == 1 }, "\(slots)")
        XCTAssertEqual(Set(slots.values.map { $0.first! }).count, slots.count, "main categories have distinct colours")
        let documents = Set(expected.map { $0["doc"] as! String }).count
        XCTAssertTrue(page.html.contains("All \(documents) documents with records"), "\(documents) documents")
    }

    func testTheOverviewsAggregatesAreTheRecordsSums() throws {
        let folder = TemporaryFolder()
        let corpus = SharedMaterial.corpus + "/documents"
        let (records, expected) = try extract([corpus], in: folder)
        let page = ReportMarkup(try report(records, texts: [corpus], in: folder))
        let figures = expected.filter { $0["kind"] as? String == "figure" }
        let rows = page.table(after: "hasila-categories")
        XCTAssertGreaterThan(rows.count, 10)
        func number(_ text: String) -> Int { Int(text.replacingOccurrences(of: ",", with: ""))! }
        for row in rows {
            let key = row[0]
            let under: [[String: Any]]
            switch key {
            case "all figures": under = figures
            case "(null category)": under = figures.filter { $0["category"] is NSNull }
            default: under = figures.filter { ($0["category"] as? String).map { $0 == key || $0.hasPrefix(key + ".") } ?? false }
            }
            XCTAssertEqual(number(row[1]), under.count, key)
            XCTAssertEqual(number(row[2]), under.filter { $0["parent"] is NSNull }.reduce(0) { $0 + ($1["value"] as! Int) }, key)
        }
        XCTAssertTrue(rows.contains { $0[0] == "killed" } && rows.contains { $0[0] == "killed.civilians" })
        // The qualifiers' table and the bar chart hold the same counts.
        for row in page.table(after: "hasila-qualifiers") {
            XCTAssertEqual(number(row[1]), figures.filter { $0["qualifier"] as? String == row[0] }.count, row[0])
        }
        let killed = figures.filter { ($0["category"] as? String)?.hasPrefix("killed") ?? false }.count
        XCTAssertTrue(page.html.contains("<title>killed: \(SVGNumber.count(killed))</title>"), "the chart's killed bar is \(killed)")
        // The months: every figure with a month-precise period start is charted in its month.
        let march2019 = figures.filter { (($0["period"] as? [String: Any])?["start"] as? String)?.hasPrefix("2019-03") ?? false }
        XCTAssertFalse(march2019.isEmpty)
        let top = page.table(after: "hasila-top")
        XCTAssertEqual(top.count, 20)
        let perDocument = Dictionary(grouping: figures, by: { $0["doc"] as! String }).mapValues(\.count)
        XCTAssertEqual(number(top[0][1]), perDocument.values.max())
        XCTAssertEqual(perDocument[top[0][0]], perDocument.values.max())
    }

    func testThePageReferencesNothingOutsideItselfWhateverTheTextsSay() throws {
        let folder = TemporaryFolder()
        // Texts, names and meta that carry addresses: they must reach the page as data, never as references.
        folder.write("in/http-notes.txt", "نقلا عن HTTPS://example.org/x قتل 5 أشخاص وأصيب 12 آخرون. <script src=\"http://evil\"></script>")
        folder.write("in/feed.jsonl", #"{"id": "http://feed/1", "text": "قتل 7 مدنيين في القصف.", "url": "http://news.example/1"}"# + "\n")
        let (records, expected) = try extract([folder.path + "/in"], in: folder)
        XCTAssertEqual(expected.filter { $0["kind"] as? String == "figure" }.count, 3)
        let html = try report(records, texts: [folder.path + "/in"], in: folder)
        XCTAssertFalse(html.lowercased().contains("http"), "no address in the page's bytes")
        // Data never writes a raw "<" (it is escaped), so the page's tags are its own: none loads anything.
        let tags = html.matches(of: /<[a-zA-Z][^>]*>/).map { String($0.output).lowercased() }
        XCTAssertGreaterThan(tags.count, 100)
        for tag in tags {
            XCTAssertFalse(tag.contains(" src=") || tag.contains(" srcset=") || tag.contains(" action=") || tag.contains(" xmlns"), tag)
            let name = tag.dropFirst().prefix { $0.isLetter }
            XCTAssertFalse(["link", "img", "iframe", "object", "embed", "video", "audio", "source", "base", "form"].contains(String(name)), tag)
        }
        let style = try XCTUnwrap(html.range(of: "<style>").flatMap { start in html.range(of: "</style>").map { html[start.upperBound..<$0.lowerBound] } })
        XCTAssertFalse(style.contains("url(") || style.contains("@import") || style.contains("@font-face"))
        let page = ReportMarkup(html)
        XCTAssertFalse(page.hrefs.isEmpty)
        XCTAssertTrue(page.hrefs.allSatisfy { $0.hasPrefix("#") }, "\(page.hrefs.filter { !$0.hasPrefix("#") })")
        // The texts are still shown as written: the references decode back to them, and their markup is text.
        XCTAssertTrue(ReportMarkup.decode(html).contains("HTTPS://example.org/x"))
        XCTAssertTrue(html.contains("&lt;script src=\"&#104;ttp://evil\"&gt;"), "the text's markup shows as text")
        XCTAssertNotNil(page.element("http://feed/1#1"))
        XCTAssertEqual(page.element("http-notes#1")?.text, "5")
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 1, "one script: the page's own")
    }

    func testTheSameRecordsGiveTheSameBytesFromJSONLinesAndFromSQLite() throws {
        let folder = TemporaryFolder()
        let corpus = SharedMaterial.corpus + "/documents"
        let (records, _) = try extract([corpus], in: folder)
        let database = folder.path + "/records.sqlite"
        let sqlite = try CLI.run(["extract", "--quiet", "--dates", "--format", "sqlite", "--output", database, corpus])
        XCTAssertEqual(sqlite.status, 0, sqlite.stderr)
        let first = try report(records, texts: [corpus], in: folder)
        let second = try report(records, texts: [corpus], in: folder)
        let fromSQLite = try report(database, texts: [corpus], in: folder)
        XCTAssertEqual(first, second, "the same records give the same bytes")
        XCTAssertEqual(first, fromSQLite, "SQLite input gives the same page as JSON lines")
        XCTAssertGreaterThan(first.utf8.count, 100_000)
    }

    func testARecordWhoseTextChangedIsFlaggedAndNotShifted() throws {
        let folder = TemporaryFolder()
        let file = folder.write("in/report.txt", "قتل 5 أشخاص في الهجوم. وأصيب 12 آخرون في اليوم نفسه.")
        let (records, expected) = try extract([folder.path + "/in"], in: folder)
        let figures = expected.filter { $0["kind"] as? String == "figure" }
        XCTAssertEqual(figures.count, 2)
        // The text changes after extraction: the second sentence moves by three code points.
        try "قتل 5 أشخاص في الهجوم. كما وأصيب 12 آخرون في اليوم نفسه.".write(toFile: file, atomically: true, encoding: .utf8)
        let html = try report(records, texts: [folder.path + "/in"], in: folder)
        let page = ReportMarkup(html)
        let first = try XCTUnwrap(page.element("report#1")), second = try XCTUnwrap(page.element("report#2"))
        XCTAssertEqual(first.tag, "mark")
        XCTAssertEqual(first.text, "5")
        XCTAssertEqual(second.tag, "span", "listed, not highlighted")
        XCTAssertTrue(second.classes.contains("flagged"))
        XCTAssertEqual(second.attributes["data-why"], "text does not match")
        XCTAssertFalse(html.contains("<mark id=\"report#2\""), "never highlighted elsewhere")
        XCTAssertEqual(page.records.filter { $0.id == "report#2" }.count, 1)
        let flaggedRows = page.table(after: "hasila-flagged")
        XCTAssertEqual(flaggedRows.count, 1)
        XCTAssertEqual(flaggedRows.first?.first, "report#2")
        XCTAssertTrue(html.contains("href=\"#report%232\""), "the flagged record is linked by its percent-encoded id")
        // A text that is gone flags all its records.
        try FileManager.default.removeItem(atPath: file)
        folder.write("in/other.txt", "لا أرقام هنا.")
        let gone = ReportMarkup(try report(records, texts: [folder.path + "/in"], in: folder))
        XCTAssertTrue(gone.records.allSatisfy { $0.classes.contains("flagged") && $0.attributes["data-why"] == "document text not read" })
        XCTAssertEqual(gone.records.count, expected.count)
        XCTAssertTrue(gone.html.contains("<bdi>other</bdi>"), "a document without records is named")
    }

    func testHTMLAndJSONLinesTextsAreReadAgainAsExtractReadThem() throws {
        let folder = TemporaryFolder()
        folder.write("in/page.html", "<html><head><style>p{}</style><script>var x = 1;</script></head><body><p>نزوح &amp; تشريد</p><p>قتل <b>5</b> أشخاص وأصيب 12 آخرون.</p></body></html>")
        // An astral character (4 bytes in UTF-8, 2 UTF-16 units, 1 code point) before the figures.
        folder.write("in/feed.jsonl", [
            #"{"id": "one", "date": "2015-07-22", "text": "😀 قتل 30 مدنيا وأصيب 40 آخرون أمس."}"#,
            #"{"id": "two", "text": "𝟘 اعتقال 300 شخص."}"#,
        ].joined(separator: "\n") + "\n")
        let (records, expected) = try extract([folder.path + "/in"], in: folder)
        XCTAssertGreaterThanOrEqual(expected.filter { $0["kind"] as? String == "figure" }.count, 4)
        let html = try report(records, texts: [folder.path + "/in"], in: folder)
        let page = ReportMarkup(html)
        for record in expected {
            let element = try XCTUnwrap(page.element(record["id"] as! String))
            XCTAssertEqual(element.tag, "mark")
            XCTAssertEqual(element.text, record["text"] as? String)
        }
        XCTAssertTrue(html.contains("dir=\"rtl\" lang=\"ar\""))
        // Figures of the dated JSON line without a period are charted in its month.
        XCTAssertTrue(html.contains("2015-07"), "the document's date places its figures")
        XCTAssertTrue(html.contains("take its document&#39;s date") || html.contains("takes its document's date"))
    }

    func testWithoutTextsTheRecordsAreListedAndTheOverviewIsWhole() throws {
        let folder = TemporaryFolder()
        let corpus = SharedMaterial.corpus + "/documents"
        let (records, expected) = try extract([corpus], in: folder)
        let withTexts = ReportMarkup(try report(records, texts: [corpus], in: folder))
        let html = try report(records, texts: [], in: folder)
        let page = ReportMarkup(html)
        XCTAssertEqual(page.records.count, expected.count, "every record is still listed once")
        XCTAssertTrue(page.records.allSatisfy { $0.tag == "span" && $0.attributes["data-why"] == "document text not read" })
        XCTAssertTrue(html.contains("No texts were given (<code>--texts</code>), so no record was checked"))
        XCTAssertTrue(page.table(after: "hasila-flagged").isEmpty, "not a table of every record")
        XCTAssertEqual(page.table(after: "hasila-categories"), withTexts.table(after: "hasila-categories"), "the overview needs no text")
    }

    func testTheReviewIsCappedAndSaysSo() throws {
        let folder = TemporaryFolder()
        let corpus = SharedMaterial.corpus + "/documents"
        let (records, expected) = try extract([corpus], in: folder)
        let html = try report(records, texts: [corpus], in: folder, extra: ["--max-docs", "5"])
        let page = ReportMarkup(html)
        let firstFive = Set(expected.map { $0["doc"] as! String }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.prefix(5))
        XCTAssertEqual(Set(page.records.map { String($0.id.split(separator: "#").first!) }), firstFive)
        XCTAssertEqual(page.records.count, expected.filter { firstFive.contains($0["doc"] as! String) }.count)
        let documents = Set(expected.map { $0["doc"] as! String }).count
        XCTAssertTrue(html.contains("The review shows the first 5 of the \(documents) documents with records"), "\(documents) documents")
        XCTAssertTrue(html.contains("(capped by --max-docs 5)"))
        XCTAssertEqual(html.components(separatedBy: "<article class=\"doc\"").count - 1, 5)
        // The overview still counts every figure.
        XCTAssertTrue(page.table(after: "hasila-categories").contains { $0[0] == "all figures" && $0[1] == SVGNumber.count(expected.filter { $0["kind"] as? String == "figure" }.count) })
    }

    func testSkippedDocumentsAreListedFromErrorRecordsAndErrorsReports() throws {
        let folder = TemporaryFolder()
        folder.write("in/good.txt", "قتل 5 أشخاص.")
        folder.write("in/bad.txt", bytes: [0x00, 0x01, 0x02, 0x00])
        folder.write("in/lines.jsonl", "not json\n")
        let inline = try extract([folder.path + "/in"], in: folder, extra: ["--errors", "inline"])
        let html = try report(inline.path, texts: [folder.path + "/in"], in: folder)
        let rows = ReportMarkup(html).table(after: "hasila-skipped")
        XCTAssertEqual(rows.map { $0[0] }.sorted(), ["bad", "lines:1"])
        XCTAssertTrue(rows.contains { $0[3].contains("binary data") })
        let errors = folder.path + "/errors.jsonl"
        let separate = try extract([folder.path + "/in"], in: folder, extra: ["--errors", errors])
        let fromReport = ReportMarkup(try report(separate.path, texts: [folder.path + "/in"], in: folder, extra: ["--errors", errors]))
        XCTAssertEqual(fromReport.table(after: "hasila-skipped").map { $0[0] }.sorted(), ["bad", "lines:1"])
    }

    func testPlacesActorsAndSourcesAreTabledWhenRecordsCarryThem() throws {
        let folder = TemporaryFolder()
        // No place, actor or source the gazetteer knows: the records carry none until the test adds them.
        let text = "قتل 30 مدنيا في القرية وأصيب 40 آخرون في البلدة المجاورة."
        folder.write("in/d.txt", text)
        let (plain, expected) = try extract([folder.path + "/in"], in: folder)
        let without = try report(plain, texts: [folder.path + "/in"], in: folder)
        XCTAssertFalse(without.contains("id=\"hasila-places\""), "no table when no record carries a place")
        // The same records with the who/where/source fields, in both shapes (a key, an object with a key).
        var lines: [String] = []
        for (index, var record) in expected.enumerated() where record["kind"] as? String == "figure" {
            record["place"] = index == 0 ? "SY-ID" : ["key": "SY-HL", "name": "حلب"]
            record["actors"] = index == 0 ? ["sy.state", "ru.state"] : [["key": "sy.state"]]
            record["source"] = ["key": "org.snhr"]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self))
        }
        let enriched = folder.write("enriched.jsonl", lines.joined(separator: "\n") + "\n")
        let html = try report(enriched, texts: [folder.path + "/in"], in: folder)
        let page = ReportMarkup(html)
        XCTAssertEqual(page.table(after: "hasila-places").map { [$0[0], $0[1], $0[2]] }, [["SY-HL", "1", "40"], ["SY-ID", "1", "30"]])
        XCTAssertEqual(page.table(after: "hasila-actors").map { [$0[0], $0[1]] }, [["sy.state", "2"], ["ru.state", "1"]])
        XCTAssertEqual(page.table(after: "hasila-sources").map { [$0[0], $0[1], $0[2]] }, [["org.snhr", "2", "70"]])
        XCTAssertEqual(page.element("d#1")?.attributes["data-actors"], "sy.state, ru.state")
        XCTAssertEqual(page.element("d#2")?.attributes["data-place"], "SY-HL")
    }

    func testExtractWritesTheReportAsAShortcut() throws {
        let folder = TemporaryFolder()
        let corpus = SharedMaterial.corpus + "/documents"
        let (records, _) = try extract([corpus], in: folder)
        let direct = try report(records, texts: [corpus], in: folder)
        let page = folder.path + "/short.html", output = folder.path + "/short.jsonl"
        let result = try CLI.run(["extract", "--quiet", "--dates", "--output", output, "--report", page, corpus])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOfFile: page, encoding: .utf8), direct)
        let misuse = try CLI.run(["extract", "--report", page, corpus])
        XCTAssertEqual(misuse.status, 2)
        XCTAssertTrue(misuse.stderr.contains("--report needs --output"), misuse.stderr)
        let missing = try CLI.run(["report", folder.path + "/none.jsonl", "--output", page])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("none.jsonl: cannot read the records"), missing.stderr)
        let bad = folder.write("bad.jsonl", "{\"kind\": \"figure\"}\n")
        let malformed = try CLI.run(["report", bad, "--output", page])
        XCTAssertEqual(malformed.status, 2)
        XCTAssertTrue(malformed.stderr.contains("bad.jsonl:1: not a Hasila record"), malformed.stderr)
    }

    func testALongTextReadInSectionsIsReviewedWhole() throws {
        // Over 8 MB, so both extract and the report read it a section at a time.
        let prose = "وناقش الاجتماع سبل تحسين الخدمات في المدينة، وأكد المشاركون أهمية التعاون بين الجهات المعنية.\n\n"
        var text = ""
        for block in 0..<10 {
            text += "أصيب \(block + 3) أشخاص في انفجار، وقتل اثنان منهم.\n\n" + String(repeating: prose, count: 5_000)
        }
        text += "وفي الختام أصيب 40 شخصا.\n"
        XCTAssertGreaterThan(text.utf8.count, DocumentReader().sectionBytes)
        let folder = TemporaryFolder()
        folder.write("in/long.txt", text)
        let (records, expected) = try extract([folder.path + "/in"], in: folder)
        // Each block gives two figures ("3 أشخاص", and "اثنان منهم", two of them), and the last line one.
        XCTAssertEqual(expected.count, 21)
        // Its bytes before it are more than a section's: it is read in the second section.
        let offsetOfLast = text.unicodeScalars.count - "40 شخصا.\n".unicodeScalars.count
        XCTAssertGreaterThan(text.utf8.count - "40 شخصا.\n".utf8.count, DocumentReader().sectionBytes)
        XCTAssertEqual(expected.last?["start"] as? Int, offsetOfLast, "the last figure, past the first section")
        let page = ReportMarkup(try report(records, texts: [folder.path + "/in"], in: folder))
        XCTAssertEqual(page.records.count, expected.count)
        for record in expected {
            let element = page.element(record["id"] as! String)
            XCTAssertEqual(element?.tag, "mark", "\(record["id"]!) at \(record["start"]!) is highlighted")
            XCTAssertEqual(element?.text, record["text"] as? String)
        }
    }

    func testTheRealNewsReportIsQuickAndEveryRecordMatches() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: SharedMaterial.realNews), "../shared/real-news is not here")
        let folder = TemporaryFolder()
        let (records, expected) = try extract([SharedMaterial.realNews], in: folder)
        let started = Date()
        let html = try report(records, texts: [SharedMaterial.realNews], in: folder)
        let seconds = Date().timeIntervalSince(started)
        let page = ReportMarkup(html)
        XCTAssertEqual(page.records.count, expected.count)
        XCTAssertTrue(page.records.allSatisfy { $0.tag == "mark" }, "every record matches its text")
        for record in expected { XCTAssertEqual(page.element(record["id"] as! String)?.text, record["text"] as? String) }
        XCTAssertFalse(html.lowercased().contains("http"))
        XCTAssertLessThan(seconds, 10, "the report of 200 articles takes seconds (debug build)")
    }
}
