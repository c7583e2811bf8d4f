import CSQLite
import Foundation
import XCTest
@testable import Hasila

/// The recipes of docs/recipes run on the Corpus (and the composed example of one toll in three
/// articles) as the guide tells an analyst to run them, and give the answers the records give:
/// each recipe's answer is computed again here in Swift from the JSON lines and compared.
/// The SQL recipes run through SQLite (the one Hasila links), the Python ones when a python3
/// with pandas and duckdb is found. A second set of records carries the fields of the dates and
/// link work (`when`, `cumulative`, `repeats`, `source`), so the recipes are held to use them.
final class RecipeTests: XCTestCase {
    static let recipes = SharedMaterial.repository + "/docs/recipes"
    static let inputs = [SharedMaterial.corpus + "/documents", recipes + "/examples/same-toll.jsonl"]

    /// A record's field by path ("when.start"), nil for null or absent.
    private static func field(_ record: [String: Any], _ path: String) -> Any? {
        var current: Any? = record
        for part in path.split(separator: ".") {
            guard let object = current as? [String: Any], let next = object[String(part)], !(next is NSNull) else { return nil }
            current = next
        }
        return current
    }

    private static func string(_ record: [String: Any], _ path: String) -> String? { field(record, path) as? String }

    /// A cell as the comparison sees it, whichever engine gave it.
    private static func cell(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return "null"
        case let text as String: return text
        case let number as Int64: return "\(number)"
        case let number as Int: return "\(number)"
        case let number as NSNumber: return "\(number.int64Value)"
        default: return "\(value!)"
        }
    }

    /// The answers the recipes must give, computed from the figure records.
    struct Answers: Equatable {
        var killedPerMonthAndCategory: [String] = []
        var killedPerMonthAcrossDocuments: [String] = []
        var documentsWithMostFigures: [String] = []
        var figuresWithoutCategory: [String] = []
        var uncategorisedNouns: Set<String> = []
        var unmarkedRepeats: [String] = []
        var sameTollAcrossDocuments: Set<String> = []

        /// The answers in the rows of an engine (column name to value), recipe by recipe.
        init(rows: [String: [[String: Any?]]]) {
            func line(_ row: [String: Any?], _ columns: [String]) -> String { columns.map { RecipeTests.cell(row[$0] ?? nil) }.joined(separator: "|") }
            killedPerMonthAndCategory = (rows["killed_per_month_and_category"] ?? []).map { line($0, ["month", "category", "killed", "figures"]) }
            killedPerMonthAcrossDocuments = (rows["killed_per_month_across_documents"] ?? []).map { line($0, ["month", "category", "killed", "tolls"]) }
            documentsWithMostFigures = (rows["documents_with_most_figures"] ?? []).map { line($0, ["doc", "figures", "uncategorised"]) }
            figuresWithoutCategory = (rows["figures_without_category"] ?? []).map { line($0, ["id", "doc", "value", "text", "noun", "start"]) }
            uncategorisedNouns = Set((rows["uncategorised_nouns"] ?? []).map { line($0, ["noun", "figures"]) })
            unmarkedRepeats = (rows["unmarked_repeats"] ?? []).map { line($0, ["id", "doc", "value", "category", "date_start", "same_as"]) }
            sameTollAcrossDocuments = Set((rows["same_toll_across_documents"] ?? []).map { row in
                let ids = RecipeTests.cell(row["ids"] ?? nil).split(separator: " ").sorted().joined(separator: " ")
                return line(row, ["value", "category", "date_start", "date_end", "source_key", "documents"]) + "|" + ids
            })
        }

        /// The answers computed from the JSON-lines records, as the guide defines each recipe.
        init(records: [[String: Any]]) {
            let figures = records.filter { $0["kind"] as? String == "figure" }
            func killed(_ category: String?) -> Bool { category == "killed" || category?.hasPrefix("killed.") == true }
            // The event's dates: the record's `when` when it has one, else its period.
            func hasWhen(_ f: [String: Any]) -> Bool { RecipeTests.string(f, "when.start") != nil || RecipeTests.string(f, "when.end") != nil }
            func dateStart(_ f: [String: Any]) -> String? { RecipeTests.string(f, hasWhen(f) ? "when.start" : "period.start") }
            func dateEnd(_ f: [String: Any]) -> String? { RecipeTests.string(f, hasWhen(f) ? "when.end" : "period.end") }
            // A month only when those dates lie within one month.
            func month(_ f: [String: Any]) -> String? {
                guard let start = dateStart(f), start.count >= 7 else { return nil }
                if let end = dateEnd(f), end.prefix(7) != start.prefix(7) { return nil }
                return String(start.prefix(7))
            }
            func value(_ f: [String: Any]) -> Int64 { (f["value"] as! NSNumber).int64Value }
            let killedIDs = Set(figures.filter { killed(RecipeTests.string($0, "category")) }.map { $0["id"] as! String })

            // Killed per month and category: no breakdown of a killed toll, no running total, no repeat.
            let counted = figures.filter { f in
                killed(RecipeTests.string(f, "category")) && RecipeTests.field(f, "cumulative") as? Bool != true
                    && RecipeTests.string(f, "repeats") == nil && !(RecipeTests.string(f, "parent").map(killedIDs.contains) ?? false)
            }
            func perMonth(_ figures: [[String: Any]]) -> [String] {
                var sums: [String: (month: String?, category: String, killed: Int64, figures: Int)] = [:]
                for f in figures {
                    let category = RecipeTests.string(f, "category")!
                    let key = "\(month(f) ?? "")|\(category)"
                    var sum = sums[key] ?? (month(f), category, 0, 0)
                    sum.killed += value(f)
                    sum.figures += 1
                    sums[key] = sum
                }
                return sums.values
                    .sorted { ($0.month ?? "", $0.category) < ($1.month ?? "", $1.category) }
                    .map { "\($0.month ?? "null")|\($0.category)|\($0.killed)|\($0.figures)" }
            }
            killedPerMonthAndCategory = perMonth(counted)
            // Across documents: one figure per value, category, dates and source; an undated figure stands alone.
            var seen = Set<String>()
            killedPerMonthAcrossDocuments = perMonth(counted.filter { f in
                let undated = dateStart(f) == nil ? f["id"] as! String : "null"
                let key = [month(f) ?? "null", RecipeTests.string(f, "category")!, String(value(f)), dateStart(f) ?? "null", dateEnd(f) ?? "null",
                           RecipeTests.string(f, "source.key") ?? "null", undated].joined(separator: "|")
                return seen.insert(key).inserted
            })

            // Documents with the most figures, ten, ties by document id.
            var perDocument: [String: (figures: Int, uncategorised: Int)] = [:]
            for f in figures {
                var counts = perDocument[f["doc"] as! String] ?? (0, 0)
                counts.figures += 1
                if RecipeTests.string(f, "category") == nil { counts.uncategorised += 1 }
                perDocument[f["doc"] as! String] = counts
            }
            documentsWithMostFigures = perDocument.sorted { ($1.value.figures, $0.key) < ($0.value.figures, $1.key) }
                .prefix(10).map { "\($0.key)|\($0.value.figures)|\($0.value.uncategorised)" }

            // Figures without a category, by document and position, and their nouns.
            let missing = figures.filter { RecipeTests.string($0, "category") == nil }
            figuresWithoutCategory = missing
                .sorted { ($0["doc"] as! String, ($0["start"] as! NSNumber).intValue) < ($1["doc"] as! String, ($1["start"] as! NSNumber).intValue) }
                .map { f in ["id", "doc", "value", "text", "noun", "start"].map { RecipeTests.cell(RecipeTests.field(f, $0)) }.joined(separator: "|") }
            var nouns: [String: Int] = [:]
            for f in missing { nouns[RecipeTests.string(f, "noun") ?? "null", default: 0] += 1 }
            uncategorisedNouns = Set(nouns.map { "\($0.key)|\($0.value)" })

            // Figures with an earlier figure of the same value and category in their document, no repeats, no breakdowns.
            func start(_ f: [String: Any]) -> Int { (f["start"] as! NSNumber).intValue }
            let totals = figures.filter { RecipeTests.string($0, "category") != nil && RecipeTests.string($0, "parent") == nil }
            unmarkedRepeats = totals.filter { RecipeTests.string($0, "repeats") == nil }
                .sorted { ($0["doc"] as! String, start($0)) < ($1["doc"] as! String, start($1)) }
                .compactMap { f in
                    let earlier = totals.filter { e in
                        e["doc"] as! String == f["doc"] as! String && value(e) == value(f)
                            && RecipeTests.string(e, "category") == RecipeTests.string(f, "category") && start(e) < start(f)
                    }.min { start($0) < start($1) }
                    guard let earlier else { return nil }
                    return ["id", "doc", "value", "category"].map { RecipeTests.cell(RecipeTests.field(f, $0)) }.joined(separator: "|")
                        + "|\(dateStart(f) ?? "null")|\(earlier["id"] as! String)"
                }

            // The same toll in several documents: value, category, dates and source alike.
            var groups: [String: (docs: Set<String>, ids: [String])] = [:]
            for f in figures {
                guard let category = RecipeTests.string(f, "category"), RecipeTests.string(f, "parent") == nil,
                      RecipeTests.string(f, "repeats") == nil, let start = dateStart(f) else { continue }
                let key = [String(value(f)), category, start, dateEnd(f) ?? "null", RecipeTests.string(f, "source.key") ?? "null"].joined(separator: "|")
                var group = groups[key] ?? ([], [])
                group.docs.insert(f["doc"] as! String)
                group.ids.append(f["id"] as! String)
                groups[key] = group
            }
            sameTollAcrossDocuments = Set(groups.filter { $0.value.docs.count > 1 }
                .map { "\($0.key)|\($0.value.docs.count)|\($0.value.ids.sorted().joined(separator: " "))" })
        }
    }

    // MARK: Running the recipes

    /// The named queries of recipes.sql and the statements before them (the view).
    private func sqlRecipes() throws -> (prelude: String, queries: [(name: String, sql: String)]) {
        let text = try String(contentsOfFile: RecipeTests.recipes + "/recipes.sql", encoding: .utf8)
        var prelude = "", queries: [(name: String, sql: String)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- recipe: ") {
                queries.append((String(line.dropFirst("-- recipe: ".count)), ""))
            } else if queries.isEmpty {
                prelude += line + "\n"
            } else {
                queries[queries.count - 1].sql += line + "\n"
            }
        }
        return (prelude, queries)
    }

    /// Runs recipes.sql on a database through SQLite: each recipe's rows.
    private func runSQL(database path: String) throws -> [String: [[String: Any?]]] {
        var database: OpaquePointer?
        guard sqlite3_open(path, &database) == SQLITE_OK else { throw XCTSkip("cannot open \(path)") }
        defer { sqlite3_close(database) }
        let (prelude, queries) = try sqlRecipes()
        var error: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(database, prelude, nil, nil, &error) != SQLITE_OK {
            XCTFail("the view of recipes.sql: \(String(cString: error!))")
            sqlite3_free(error)
        }
        var results: [String: [[String: Any?]]] = [:]
        for (name, sql) in queries {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else {
                XCTFail("recipe \(name): \(String(cString: sqlite3_errmsg(database)))"); continue
            }
            defer { sqlite3_finalize(statement) }
            var rows: [[String: Any?]] = []
            while sqlite3_step(statement) == SQLITE_ROW {
                var row: [String: Any?] = [:]
                for column in 0..<sqlite3_column_count(statement) {
                    let label = String(cString: sqlite3_column_name(statement, column))
                    switch sqlite3_column_type(statement, column) {
                    case SQLITE_NULL: row[label] = .some(nil)
                    case SQLITE_INTEGER: row[label] = sqlite3_column_int64(statement, column)
                    default: row[label] = String(cString: sqlite3_column_text(statement, column))
                    }
                }
                rows.append(row)
            }
            results[name] = rows
        }
        return results
    }

    /// The records of the recipes' inputs, extracted by the command in three formats once for
    /// all the tests (in a folder kept for the run); the SQLite database is copied into `folder`,
    /// where a test may change it.
    private static let extracted = NSTemporaryDirectory() + "hasila-recipes-" + UUID().uuidString
    private static let extraction: Result<Void, Error> = Result {
        try FileManager.default.createDirectory(atPath: extracted, withIntermediateDirectories: true)
        for format in ["jsonl", "csv", "sqlite"] {
            let run = try CLI.run(["extract", "--quiet", "--dates", "--format", format, "--output", extracted + "/records." + format]
                                  + RecipeTests.inputs)
            guard run.status == 0 else { throw HasilaError.missingPath(path: "extract --format \(format) failed: \(run.stderr)") }
        }
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(atPath: extracted)
        super.tearDown()
    }

    private func extract(into folder: TemporaryFolder) throws -> (jsonl: String, csv: String, sqlite: String) {
        try RecipeTests.extraction.get()
        let database = folder.path + "/records.db"
        try FileManager.default.copyItem(atPath: RecipeTests.extracted + "/records.sqlite", toPath: database)
        return (RecipeTests.extracted + "/records.jsonl", RecipeTests.extracted + "/records.csv", database)
    }

    private func records(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// A python3 that imports pandas and duckdb, or nil.
    private func pythonWithRecipeModules() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").map { $0 + "/python3" } + ["/usr/local/bin/python3", "/usr/bin/python3", "/root/.pyenv/shims/python3"]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: candidate)
            probe.arguments = ["-c", "import pandas, duckdb"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { continue }
            probe.waitUntilExit()
            if probe.terminationStatus == 0 { return candidate }
        }
        return nil
    }

    /// Runs recipes.py --json: engine name to each recipe's rows.
    private func runPython(_ python: String, _ arguments: [String]) throws -> [String: [String: [[String: Any?]]]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [RecipeTests.recipes + "/recipes.py", "--json"] + arguments
        let folder = TemporaryFolder()
        let outPath = folder.path + "/out.json", errPath = folder.path + "/err.txt"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        try process.run()
        process.waitUntilExit()
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        XCTAssertEqual(process.terminationStatus, 0, stderr)
        XCTAssertFalse(stderr.contains("Warning"), stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: outPath)))
        let engines = try XCTUnwrap(object as? [String: [String: [[String: Any]]]])
        return engines.mapValues { $0.mapValues { $0.map { $0.mapValues { $0 is NSNull ? nil : Optional($0) } } } }
    }

    // MARK: The tests

    func testSQLRecipesGiveTheRecordsAnswers() throws {
        let folder = TemporaryFolder()
        let outputs = try extract(into: folder)
        let expected = Answers(records: try records(outputs.jsonl))
        let rows = try runSQL(database: outputs.sqlite)
        XCTAssertEqual(Set(rows.keys), ["killed_per_month_and_category", "killed_per_month_across_documents", "documents_with_most_figures", "figures_without_category",
                                        "uncategorised_nouns", "unmarked_repeats", "same_toll_across_documents"], "every recipe is checked here")
        XCTAssertEqual(Answers(rows: rows), expected)
        // Not answers that cannot fail: the Corpus has tolls, uncategorised figures and one toll in two articles.
        XCTAssertGreaterThan(expected.killedPerMonthAndCategory.count, 10)
        XCTAssertGreaterThan(expected.figuresWithoutCategory.count, 10)
        XCTAssertEqual(expected.documentsWithMostFigures.count, 10)
        XCTAssertEqual(expected.sameTollAcrossDocuments.count, 2, "\(expected.sameTollAcrossDocuments)")
        XCTAssertNotEqual(expected.killedPerMonthAcrossDocuments, expected.killedPerMonthAndCategory, "the composed articles repeat a toll")
        XCTAssertFalse(expected.unmarkedRepeats.isEmpty, "the Corpus has headlines that repeat their body without its date")
    }

    /// The file runs as the guide says, `sqlite3 -header -column DB < recipes.sql`, when the
    /// sqlite3 command is installed.
    func testSQLRecipesRunInTheSQLiteShell() throws {
        let shell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try XCTSkipIf(shell == nil, "no sqlite3 command here; the recipes ran through SQLite in testSQLRecipesGiveTheRecordsAnswers")
        let folder = TemporaryFolder()
        let outputs = try extract(into: folder)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell!)
        process.arguments = ["-bail", "-header", "-column", outputs.sqlite]
        process.standardInput = FileHandle(forReadingAtPath: RecipeTests.recipes + "/recipes.sql")
        let out = folder.path + "/out.txt", err = folder.path + "/err.txt"
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle(forWritingAtPath: err)
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
        let printed = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(printed.contains("market-1#1 market-2#1") || printed.contains("market-2#1 market-1#1"), printed)
    }

    func testPythonRecipesGiveTheRecordsAnswers() throws {
        guard let python = pythonWithRecipeModules() else {
            throw XCTSkip("no python3 with pandas and duckdb (pip install pandas duckdb): the Python recipes were not run")
        }
        let folder = TemporaryFolder()
        let outputs = try extract(into: folder)
        let expected = Answers(records: try records(outputs.jsonl))
        let engines = try runPython(python, ["--jsonl", outputs.jsonl, "--csv", outputs.csv])
        XCTAssertEqual(Set(engines.keys), ["pandas (JSON lines)", "DuckDB (JSON lines)", "DuckDB (CSV)"])
        for (engine, rows) in engines {
            XCTAssertEqual(Answers(rows: rows), expected, engine)
        }
    }

    // MARK: Records with the fields of the dates and link work

    /// The records with `when`, `doc_date`, `cumulative`, `repeats` and `source` set, as the dates
    /// and link work will write them: every figure gets an event date other than its period, some
    /// are running totals or repeats, the composed articles credit one source.
    private func withNewFields(_ records: [[String: Any]]) -> [[String: Any]] {
        var figureIndex = 0
        var previous: String?
        return records.map { record in
            guard record["kind"] as? String == "figure" else { return record }
            var record = record
            figureIndex += 1
            let day = String(format: "2025-%02d-%02d", figureIndex % 12 + 1, figureIndex % 28 + 1)
            record["when"] = figureIndex % 5 == 0 ? NSNull() : ["start": day, "end": day, "basis": "document"]
            record["doc_date"] = day
            record["cumulative"] = figureIndex % 7 == 0
            record["repeats"] = figureIndex % 11 == 0 ? (previous as Any? ?? NSNull()) : NSNull()
            record["source"] = (record["doc"] as! String).hasPrefix("market-") ? ["key": "org.example", "text": "x", "start": 0, "end": 1] : NSNull()
            previous = record["id"] as? String
            return record
        }
    }

    func testRecipesUseTheEventDateRunningTotalsRepeatsAndSource() throws {
        let folder = TemporaryFolder()
        let outputs = try extract(into: folder)
        let current = try records(outputs.jsonl)
        let extended = withNewFields(current)
        let expected = Answers(records: extended)
        XCTAssertNotEqual(expected.killedPerMonthAndCategory, Answers(records: current).killedPerMonthAndCategory,
                          "the new fields change the months and the sums, or this test tests nothing")

        // SQLite: the columns the new fields take in the figures table, added where this Hasila does not write them yet.
        var database: OpaquePointer?
        XCTAssertEqual(sqlite3_open(outputs.sqlite, &database), SQLITE_OK)
        var existing = Set<String>()
        var info: OpaquePointer?
        XCTAssertEqual(sqlite3_prepare_v2(database, "PRAGMA table_info(figures)", -1, &info, nil), SQLITE_OK)
        while sqlite3_step(info) == SQLITE_ROW { existing.insert(String(cString: sqlite3_column_text(info, 1))) }
        sqlite3_finalize(info)
        let columns = ["when_start", "when_end", "when_basis", "doc_date", "cumulative", "repeats", "source_key", "country"]
        for column in columns where !existing.contains(column) {
            XCTAssertEqual(sqlite3_exec(database, "ALTER TABLE figures ADD COLUMN \(column)", nil, nil, nil), SQLITE_OK)
        }
        var update: OpaquePointer?
        XCTAssertEqual(sqlite3_prepare_v2(database, "UPDATE figures SET when_start = ?, when_end = ?, when_basis = ?, doc_date = ?, cumulative = ?, repeats = ?, source_key = ? WHERE id = ?", -1, &update, nil), SQLITE_OK)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        XCTAssertEqual(sqlite3_exec(database, "BEGIN", nil, nil, nil), SQLITE_OK)
        for record in extended where record["kind"] as? String == "figure" {
            let texts: [String?] = [RecipeTests.string(record, "when.start"), RecipeTests.string(record, "when.end"), RecipeTests.string(record, "when.basis"),
                                    RecipeTests.string(record, "doc_date")]
            for (index, text) in texts.enumerated() {
                if let text { sqlite3_bind_text(update, Int32(index + 1), text, -1, transient) } else { sqlite3_bind_null(update, Int32(index + 1)) }
            }
            sqlite3_bind_int(update, 5, record["cumulative"] as? Bool == true ? 1 : 0)
            for (index, text) in [RecipeTests.string(record, "repeats"), RecipeTests.string(record, "source.key"), record["id"] as? String].enumerated() {
                if let text { sqlite3_bind_text(update, Int32(index + 6), text, -1, transient) } else { sqlite3_bind_null(update, Int32(index + 6)) }
            }
            XCTAssertEqual(sqlite3_step(update), SQLITE_DONE)
            sqlite3_reset(update)
        }
        sqlite3_finalize(update)
        XCTAssertEqual(sqlite3_exec(database, "COMMIT", nil, nil, nil), SQLITE_OK)
        sqlite3_close(database)
        XCTAssertEqual(Answers(rows: try runSQL(database: outputs.sqlite)), expected)

        // Python: the JSON lines with the new fields.
        guard let python = pythonWithRecipeModules() else {
            throw XCTSkip("no python3 with pandas and duckdb (pip install pandas duckdb): the Python recipes were not run")
        }
        let lines = try extended.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        let path = folder.write("extended.jsonl", lines.joined(separator: "\n") + "\n")
        let engines = try runPython(python, ["--jsonl", path])
        XCTAssertEqual(Set(engines.keys), ["pandas (JSON lines)", "DuckDB (JSON lines)"])
        for (engine, rows) in engines {
            XCTAssertEqual(Answers(rows: rows), expected, engine)
        }
    }
}
