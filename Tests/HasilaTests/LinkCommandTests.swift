import CSQLite
import XCTest
@testable import Hasila

/// The four linked fields end to end through the command: the bundled grammars plus a few names of
/// each kind written as a researcher would add them, then JSON lines, CSV, SQLite, the example tokens
/// of check-grammars and `eval`'s accuracies.
final class LinkCommandTests: XCTestCase {
    static let names = """
        place SY = سوريا
        place SY-HL = حلب | محافظة حلب
        place SY-ID = إدلب | ريف إدلب
        place SY-RD town = دوما
        nationality SY = السوري | السورية
        actor sy.state = قوات النظام
        actor ru.state = القوات الروسية
        actor *.state = الجيش
        source org.sohr = المرصد السوري
        source gov.*.emergency = الدفاع المدني
          + قتلت قوات النظام 14 مدنيا في دوما بحسب الدفاع المدني => 14 actor:sy.state place:SY-RD country:SY source:gov.sy.emergency
          + قتل 9 أشخاص على يد قوات النظام والقوات الروسية في حلب => 9 actor:sy.state actor:ru.state place:SY-HL
          - قتل 9 أشخاص على يد قوات النظام والقوات الروسية في حلب => 9 actor:ru.state actor:sy.state
          + توفي 3 أشخاص غرقا => 3 actor:none place:none country:none source:none

        """

    /// The bundled grammars with `extra` as names/test.grammar.
    private func grammars(_ extra: String = LinkCommandTests.names) throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        let bundled = SharedMaterial.grammars
        for relative in FileManager.default.enumerator(atPath: bundled)!.compactMap({ $0 as? String }) where relative.hasSuffix(".grammar") {
            folder.write(relative, try String(contentsOfFile: bundled + "/" + relative, encoding: .utf8))
        }
        folder.write("names/test.grammar", extra)
        return folder
    }

    static let report = "أفاد المرصد السوري بمقتل 12 مدنيا بنيران قوات النظام في ريف إدلب، بينهم 5 أطفال.\nوقتل 7 أشخاص في حلب.\n"

    func testTheRecordsCarryTheFourFieldsWithTheirSpans() throws {
        let folder = try grammars()
        let text = TemporaryFolder()
        let doc = text.write("r.txt", LinkCommandTests.report)
        let run = try CLI.run(["extract", "--grammars", folder.path, doc])
        XCTAssertEqual(run.status, 0, run.stderr)
        let records = run.records
        XCTAssertEqual(records.count, 3)
        let original = Array(LinkCommandTests.report.unicodeScalars)
        func span(_ name: [String: Any]) -> String {
            String(String.UnicodeScalarView(original[(name["start"] as! Int)..<(name["end"] as! Int)]))
        }
        let total = records[0], breakdown = records[1], later = records[2]
        let actors = try XCTUnwrap(total["actors"] as? [[String: Any]])
        XCTAssertEqual(actors.map { $0["key"] as? String }, ["sy.state"])
        XCTAssertEqual(actors.map(span), ["قوات النظام"])
        let place = try XCTUnwrap(total["place"] as? [String: Any])
        XCTAssertEqual(place["key"] as? String, "SY-ID")
        XCTAssertEqual(span(place), place["text"] as? String)
        XCTAssertEqual(total["country"] as? String, "SY")
        XCTAssertEqual((total["source"] as? [String: Any])?["key"] as? String, "org.sohr")
        // The breakdown inherits; the next sentence keeps the document's source and has no actor.
        XCTAssertEqual((breakdown["actors"] as? [[String: Any]])?.compactMap { $0["key"] as? String }, ["sy.state"])
        XCTAssertEqual((breakdown["place"] as? [String: Any])?["key"] as? String, "SY-ID")
        XCTAssertEqual((later["actors"] as? [Any])?.count, 0)
        XCTAssertEqual((later["place"] as? [String: Any])?["key"] as? String, "SY-HL")
        XCTAssertEqual((later["source"] as? [String: Any])?["key"] as? String, "org.sohr")
        let schema = try RecordSchema()
        for record in records { XCTAssertEqual(schema.problems(record), []) }
    }

    /// Back-references and pronoun subjects end to end: "التنظيم" after "تنظيم الدولة" names it, "أنها" takes the
    /// subject before it; an occasion's place is no place, and "others" take the place of the figure they continue.
    func testBackReferencesPronounsOccasionsAndOthersThroughTheCommand() throws {
        let folder = try grammars(LinkCommandTests.names + """
            actor group.isis = تنظيم الدولة
            actor ru.state = القوات الروسية

            """)
        let text = TemporaryFolder()
        let doc = text.write("r.txt", """
            أصدرت الشبكة تقريرا، بمناسبة مرور عام على التدخل في سوريا، وثقت فيه مقتل 500 مدني.
            هاجم تنظيم الدولة حاجزا في حلب فقتل 5 جنود. وقال مسؤول إن التنظيم خطف 3 رعاة.
            وأكد التقرير أن القوات الروسية نفذت 40 غارة على إدلب، في حين أنها قصفت 12 مدرسة في حلب.
            قتل 4 أشخاص في قصف على محافظة حلب، فيما أصيب 9 آخرون.

            """)
        let run = try CLI.run(["extract", "--grammars", folder.path, doc])
        XCTAssertEqual(run.status, 0, run.stderr)
        func record(_ value: Int) throws -> [String: Any] { try XCTUnwrap(run.records.first { $0["value"] as? Int == value }, "no figure \(value)") }
        func actors(_ value: Int) throws -> [String] { try ((record(value)["actors"] as? [[String: Any]]) ?? []).compactMap { $0["key"] as? String } }
        func place(_ value: Int) throws -> String? { try (record(value)["place"] as? [String: Any])?["key"] as? String }
        XCTAssertNil(try place(500))
        XCTAssertEqual(try record(500)["country"] as? String, "SY")
        XCTAssertEqual(try actors(3), ["group.isis"])
        let reference = try XCTUnwrap((try record(3)["actors"] as? [[String: Any]])?.first)
        XCTAssertEqual(reference["text"] as? String, "التنظيم")
        XCTAssertEqual(try actors(12), ["ru.state"])
        XCTAssertEqual(try place(9), "SY-HL")
    }

    func testCSVJoinsTheActorKeysAndSQLiteHoldsAFigureActorsTable() throws {
        let folder = try grammars()
        let text = TemporaryFolder()
        let doc = text.write("r.txt", "قتل 9 أشخاص على يد قوات النظام والقوات الروسية في حلب.\n")
        let csv = try CLI.run(["extract", "--grammars", folder.path, "--format", "csv", doc])
        let lines = csv.stdout.components(separatedBy: "\r\n")   // "\r\n" is one Character: split by it whole
        XCTAssertEqual(lines.count, 3, csv.stdout)
        let header = lines[0].components(separatedBy: ",")
        let row = lines[1].components(separatedBy: ",")
        let field = { (name: String) in row[header.firstIndex(of: name)!] }
        XCTAssertEqual(field("actors"), "sy.state;ru.state")
        XCTAssertEqual(field("place"), "SY-HL")
        XCTAssertEqual(field("country"), "SY")
        XCTAssertEqual(field("source"), "")

        let out = TemporaryFolder()
        let database = out.path + "/r.db"
        let run = try CLI.run(["extract", "--quiet", "--grammars", folder.path, "--format", "sqlite", "--output", database, doc])
        XCTAssertEqual(run.status, 0, run.stderr)
        var db: OpaquePointer?
        XCTAssertEqual(sqlite3_open(database, &db), SQLITE_OK)
        defer { sqlite3_close(db) }
        XCTAssertEqual(rows(db, "SELECT position, key, text FROM figure_actors ORDER BY position"),
                       [["1", "sy.state", "قوات النظام"], ["2", "ru.state", "القوات الروسية"]])
        XCTAssertEqual(rows(db, "SELECT place_key, place_text, country, source_key FROM figures"), [["SY-HL", "حلب", "SY", "NULL"]])
        // The README's query runs: killed people by actor and governorate.
        XCTAssertEqual(rows(db, """
            SELECT COALESCE(a.key, 'none'), f.place_key, SUM(f.value) FROM figures f LEFT JOIN figure_actors a ON a.figure_id = f.id
            WHERE f.category LIKE 'killed%' AND f.parent IS NULL AND f.place_key LIKE '%-%' GROUP BY 1, 2 ORDER BY 1
            """), [["ru.state", "SY-HL", "9"], ["sy.state", "SY-HL", "9"]])
    }

    func testTheExampleTokensAreCheckedAndAWrongOneIsNamed() throws {
        let folder = try grammars()
        let good = try CLI.run(["check-grammars", "--grammars", folder.path])
        XCTAssertEqual(good.status, 0, good.stderr)
        let wrongFolder = try grammars(LinkCommandTests.names + "  + قتل 4 أشخاص في حلب => 4 place:SY-ID\n")
        let wrong = try CLI.run(["check-grammars", "--grammars", wrongFolder.path])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.contains("place:SY-HL"), wrong.stderr)
        let malformedFolder = try grammars(LinkCommandTests.names + "  + قتل 4 أشخاص في حلب => 4 country:syria\n")
        let malformed = try CLI.run(["check-grammars", "--grammars", malformedFolder.path])
        XCTAssertEqual(malformed.status, 2, malformed.stderr)
    }

    func testADatelineOnlyPlaceCountsInTheDatelineAndNowhereElse() throws {
        let folder = try grammars(LinkCommandTests.names + "place SY-HM dateline = المدينة\n")
        let text = TemporaryFolder()
        let dated = text.write("dated.txt", "المدينة – 4 آب 2019 (خاص)\nقال الدفاع المدني إن 8 أشخاص قتلوا في انفجار.\n")
        let plain = text.write("plain.txt", "قتل 8 أشخاص في انفجار وسط المدينة – بحسب الدفاع المدني.\n")
        let run = try CLI.run(["extract", "--grammars", folder.path, dated, plain])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.records.map { $0["country"] as? String }, ["SY", nil])
        XCTAssertEqual(run.records.map { ($0["source"] as? [String: Any])?["key"] as? String }, ["gov.sy.emergency", nil])
        XCTAssertEqual(run.records.map { $0["place"] is NSNull }, [true, true])
        // Its division must be a place a rule defines, as for towns (G009).
        let wrongFolder = try grammars(LinkCommandTests.names + "place SY-ZZ dateline = المدينة\n")
        let wrong = try CLI.run(["check-grammars", "--grammars", wrongFolder.path])
        XCTAssertEqual(wrong.status, 2, wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("G009"), wrong.stderr)
    }

    func testEvalScoresTheFourFieldsWhereTheGoldGivesThem() throws {
        let folder = try grammars()
        let text = TemporaryFolder()
        text.write("docs/r.txt", LinkCommandTests.report)
        // Right actors and place for the total; a wrong source for the breakdown; the third figure's gold says nothing of them.
        text.write("gold/figures.jsonl", """
            {"doc": "r", "offset": 25, "surface": "12", "value": 12, "qualifier": "exact", "category": "killed.civilians", "parent": null, "period": null, "actors": ["sy.state"], "place": "SY-ID", "country": "SY", "source": "org.sohr"}
            {"doc": "r", "offset": 72, "surface": "5", "value": 5, "qualifier": "exact", "category": "killed.children", "parent": 25, "period": null, "actors": ["sy.state"], "place": "SY-ID", "country": "SY", "source": null}
            {"doc": "r", "offset": 86, "surface": "7", "value": 7, "qualifier": "exact", "category": "killed", "parent": null, "period": null}

            """)
        let run = try CLI.run(["eval", "--json", "--grammars", folder.path, "--gold", text.path + "/gold", text.path + "/docs"])
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stderr)
        XCTAssertEqual((report["figures"] as? [String: Any])?["matched"] as? Int, 3, run.stdout)
        XCTAssertEqual((report["actors"] as? [String: Any])?["total"] as? Int, 2)
        XCTAssertEqual((report["actors"] as? [String: Any])?["correct"] as? Int, 2)
        XCTAssertEqual((report["source"] as? [String: Any])?["correct"] as? Int, 1)
        XCTAssertEqual((report["place"] as? [String: Any])?["accuracy"] as? Double, 1.0)
        let text2 = try CLI.run(["eval", "--grammars", folder.path, "--gold", text.path + "/gold", text.path + "/docs"])
        XCTAssertTrue(text2.stdout.contains("source accuracy 0.5000  (1/2)"), text2.stdout)
        XCTAssertTrue(text2.stdout.contains("expected null, found org.sohr"), text2.stdout)
        let explain = try CLI.run(["eval", "--grammars", folder.path, "--gold", text.path + "/gold", "--explain", "r@25", text.path + "/docs"])
        XCTAssertTrue(explain.stdout.contains("actors: [sy.state] <- agent-cue after the figure «قوات النظام»"), explain.stdout)
    }

    private func rows(_ db: OpaquePointer?, _ sql: String) -> [[String]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { return [["error: " + String(cString: sqlite3_errmsg(db))]] }
        defer { sqlite3_finalize(statement) }
        var result: [[String]] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            result.append((0..<sqlite3_column_count(statement)).map { column in
                sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "NULL"
            })
        }
        return result
    }
}
