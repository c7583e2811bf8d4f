import XCTest
@testable import Hasila

/// `hasila extract` end to end, as a researcher runs it, against fixture files.
final class ExtractCommandTests: XCTestCase {
    func testVersionAndHelp() throws {
        let version = try CLI.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.contains("hasila \(HasilaVersion.string)"))
        XCTAssertTrue(version.stdout.contains("ICU \(ICU.version)"))
        let help = try CLI.run(["--help"])
        for command in ["extract", "eval", "normalize"] { XCTAssertTrue(help.stdout.contains(command), help.stdout) }
        XCTAssertTrue(try CLI.run(["extract", "--help"]).stdout.contains("Exit status"))
    }

    func testRecordsCarryTheContractAndPointAtTheirCharacters() throws {
        let folder = TemporaryFolder()
        let marked = MarkedText("وثَّق التقرير مقتل ما لا يقل عن ⟦٥٢٣٣⟧ مدنيًا، بينهم ⟦1417⟧ طفلاً، و⟦868⟧ سيدة منذ 30 سبتمبر 2015.")
        folder.write("reports/syria/first.txt", marked.text)
        let result = try CLI.run(["extract", folder.path + "/reports"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let records = result.records
        XCTAssertEqual(records.count, 3)
        let schema = try RecordSchema()
        for record in records { XCTAssertEqual(schema.problems(record), []) }
        for (record, span) in zip(records, marked.spans) {
            XCTAssertEqual(record["doc"] as? String, "syria/first")
            XCTAssertEqual(record["start"] as? Int, span.lowerBound)
            XCTAssertEqual(record["end"] as? Int, span.upperBound)
            XCTAssertEqual(record["text"] as? String, marked.text.codePoints(span))
        }
        XCTAssertEqual(records.map { $0["id"] as? String }, ["syria/first#1", "syria/first#2", "syria/first#3"])
        XCTAssertEqual(records.map { $0["value"] as? Int }, [5233, 1417, 868])
        XCTAssertEqual(records.map { $0["qualifier"] as? String }, ["at_least", "exact", "exact"])
        XCTAssertEqual(records.map { $0["category"] as? String }, ["killed.civilians", "killed.children", "killed.women"])
        XCTAssertEqual(records.map { $0["parent"] as? String }, [nil, "syria/first#1", "syria/first#1"])
        XCTAssertEqual(records[0]["noun"] as? String, "مدنيًا")
        let period = try XCTUnwrap(records[0]["period"] as? [String: Any])
        XCTAssertEqual(period["start"] as? String, "2015-09-30")
        XCTAssertTrue(period["end"] is NSNull)
        let sentence = try XCTUnwrap(records[0]["sentence"] as? [String: Any])
        XCTAssertEqual(sentence["start"] as? Int, 0)
    }

    func testRunsAreStableAndTheOutputFileIsWrittenWhole() throws {
        let folder = TemporaryFolder()
        folder.write("b.txt", "قتل 5 أشخاص وأصيب 12 آخرون.")
        folder.write("a/c.txt", "نزوح 300 عائلة.")
        let elsewhere = TemporaryFolder()
        let output = elsewhere.path + "/out.jsonl"
        XCTAssertEqual(try CLI.run(["extract", "--output", output, folder.path]).status, 0)
        let first = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["extract", "--output", output, folder.path]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), first)
        XCTAssertEqual(first, try CLI.run(["extract", folder.path]).stdout)
        XCTAssertEqual(first.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .map { $0["doc"] as! String }, ["a/c", "b", "b"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), ["out.jsonl"], "no partial file is left")
    }

    func testDatesAreRecordsToo() throws {
        let folder = TemporaryFolder()
        let marked = MarkedText("قتل 7 مدنيين منذ ⟦30سبتمبر 2015⟧ حتى ⟦٣٠/٩/٢٠١٧⟧، وفي ⟦١٤ رمضان ١٤٣٩⟧ هـ وأمس.")
        folder.write("d.txt", marked.text)
        let records = try CLI.run(["extract", "--dates", folder.path + "/d.txt"]).records
        let dates = records.filter { $0["kind"] as? String == "date" }
        let schema = try RecordSchema()
        for record in records { XCTAssertEqual(schema.problems(record), []) }
        XCTAssertEqual(dates.count, 4)
        for (record, span) in zip(dates, marked.spans) {
            XCTAssertEqual(record["start"] as? Int, span.lowerBound)
            XCTAssertEqual(record["end"] as? Int, span.upperBound)
        }
        XCTAssertEqual(dates.map { $0["value"] as? String }, ["2015-09-30", "2017-09-30", "2018-05-29", nil])
        XCTAssertEqual(dates[2]["calendar"] as? String, "islamic")
        XCTAssertEqual(dates[3]["relative"] as? Bool, true)
        XCTAssertEqual(dates[0]["range_end"] as? String, "2017-09-30")
        let figure = try XCTUnwrap(records.first { $0["kind"] as? String == "figure" })
        XCTAssertEqual((figure["period"] as? [String: Any])?["end"] as? String, "2017-09-30")
    }

    func testBadInputCostsOnlyItselfAndNamesTheFile() throws {
        let folder = TemporaryFolder()
        folder.write("good.txt", "مقتل 12 شخصا.")
        // Invalid UTF-8 in the middle: a warning with the byte offset, and the document is still read.
        folder.write("latin.txt", bytes: Array("مقتل 3 أشخاص ".utf8) + [0xFF, 0xFE] + Array(" و4 جرحى".utf8))
        // A file that cannot be read: a link to nowhere.
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/gone.txt", withDestinationPath: folder.path + "/nowhere.txt")
        let result = try CLI.run(["extract", folder.path])
        XCTAssertEqual(result.status, 1, "some documents were skipped")
        XCTAssertTrue(result.stderr.contains("gone.txt"), result.stderr)
        XCTAssertTrue(result.stderr.contains("hasila: 2 documents,") && result.stderr.contains("1 skipped"), "the summary line: \(result.stderr)")
        XCTAssertTrue(result.stderr.contains("latin.txt: invalid UTF-8 at byte"), result.stderr)
        let docs = result.records.map { $0["doc"] as? String }
        XCTAssertTrue(docs.contains("good"))
        XCTAssertTrue(docs.contains("latin"))
        XCTAssertEqual(result.records.first { $0["doc"] as? String == "latin" }?["value"] as? Int, 3)
    }

    func testAMissingPathIsAUsageError() throws {
        let result = try CLI.run(["extract", "/no/such/folder"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("/no/such/folder"))
        XCTAssertEqual(result.stdout, "")
    }

    func testRunsWithAnEmptyEnvironmentFromAnyDirectory() throws {
        let folder = TemporaryFolder()
        let doc = folder.write("a.txt", "مقتل 9 أشخاص.")
        let result = try CLI.run(["extract", doc], environment: [:], directory: "/")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.records.first?["value"] as? Int, 9)
    }

    func testEveryRealArticleGoesThroughWithValidSpans() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: SharedMaterial.realNews), "../shared/real-news is not here")
        let result = try CLI.run(["extract", "--quiet", "--dates", SharedMaterial.realNews])
        XCTAssertEqual(result.status, 0, result.stderr)
        // No warnings but the two files beside the articles that are not documents, and --quiet drops the summary line.
        XCTAssertEqual(result.stderr.split(separator: "\n").map { $0.components(separatedBy: ": not a kind of file")[0] },
                       ["hasila: warning: \(SharedMaterial.realNews)/README.md", "hasila: warning: \(SharedMaterial.realNews)/manifest.tsv"])
        var texts: [String: String] = [:]
        let schema = try RecordSchema()
        XCTAssertGreaterThan(result.records.count, 1000)
        var linked = 0
        for record in result.records {
            let doc = record["doc"] as! String
            let text = try texts[doc] ?? String(contentsOfFile: SharedMaterial.realNews + "/\(doc).txt", encoding: .utf8)
            texts[doc] = text
            let span = (record["start"] as! Int)..<(record["end"] as! Int)
            XCTAssertEqual(text.codePoints(span), record["text"] as? String, "\(doc)@\(span)")
            XCTAssertEqual(schema.problems(record), [])
            // The actors, place and source point at their own words in the original too.
            var names = (record["actors"] as? [[String: Any]]) ?? []
            for field in ["place", "source"] { if let name = record[field] as? [String: Any] { names.append(name) } }
            for name in names {
                let range = (name["start"] as! Int)..<(name["end"] as! Int)
                XCTAssertFalse(range.isEmpty, "\(doc)@\(span): empty name span")
                XCTAssertEqual(text.codePoints(range), name["text"] as? String, "\(doc)@\(span): \(name)")
                linked += 1
            }
        }
        XCTAssertEqual(Set(result.records.map { $0["doc"] as! String }).count, 200, "every article yields records")
        XCTAssertGreaterThan(linked, 500, "real news names actors, places and sources")
    }
}
