import Foundation
import XCTest
@testable import Hasila

/// Dates of documents and of events (issue 10): where a document's date comes from, the `when`
/// of each figure and its basis, running totals (`cumulative`) and counts said twice (`repeats`).
final class EventDateTests: XCTestCase {
    private let extractor = TestGrammar.extractor

    private func day(_ iso: String) -> DateValue { DateValue(iso: iso)! }

    private func when(_ figure: Figure) -> String {
        guard let when = figure.when else { return "nil" }
        return "\(when.start?.description ?? "nil")..\(when.end?.description ?? "nil") \(when.basis.rawValue)"
    }

    // MARK: The document's date

    func testADocumentsOwnDateBeatsItsDatelineWhichBeatsTheRunsDate() {
        let text = "دمشق - 12 آذار 2019: قتل 5 مدنيين أمس في قصف على البلدة."
        XCTAssertEqual(extractor.extract(text, date: day("2019-04-02"), fallback: day("2020-01-01")).documentDate, day("2019-04-02"))
        XCTAssertEqual(extractor.extract(text, fallback: day("2020-01-01")).documentDate, day("2019-03-12"), "the dateline beats --date")
        XCTAssertEqual(extractor.extract("قتل 5 مدنيين أمس.", fallback: day("2020-01-01")).documentDate, day("2020-01-01"))
        XCTAssertNil(extractor.extract("قتل 5 مدنيين أمس.").documentDate)
        let slashed = extractor.extract("الرياض 5/8/2015 - أصيب 14 شخصا في حادث سير.")
        XCTAssertEqual(slashed.documentDate, day("2015-08-05"), "a numeric dateline after a place")
        XCTAssertNil(extractor.extract("في 5/8/2015 أصيب 14 شخصا في حادث سير.").documentDate, "a date the story opens with is no dateline")
        // The dateline's date is the figures' period (what the text states), but not when they happened.
        let datelined = extractor.extract(text).figures
        XCTAssertEqual(datelined.map { $0.period?.start?.description }, ["2019-03-12"])
        XCTAssertEqual(datelined.map(when), ["2019-03-11..nil relative"])
    }

    func testTheCommandTakesEachSourceOfADocumentsDateInItsOrder() throws {
        let folder = TemporaryFolder()
        // own: a JSON line's date, which the manifest does not override.
        folder.write("docs/lines.jsonl", #"{"id": "own", "date": "2019-06-10 08:00:00", "text": "قتل 3 مدنيين أمس."}"# + "\n")
        // manifest: beats the dateline.
        folder.write("docs/listed.txt", "حلب - 2 شباط 2018: قتل 4 مدنيين أمس.")
        // dateline: beats --date.
        folder.write("docs/datelined.txt", "حلب - 2 شباط 2018: قتل 6 مدنيين أمس.")
        // --date: nothing else.
        folder.write("docs/bare.txt", "قتل 7 مدنيين أمس.")
        let manifest = folder.write("manifest.tsv", "id\tnewspaper\tdate\nown\tx\t2001-01-01\nlisted\ty\t2017-11-30 23:59:59\n")
        let result = try CLI.run(["extract", "--quiet", "--dates", "--doc-dates", manifest, "--date", "2010-05-05", folder.path + "/docs"])
        XCTAssertEqual(result.status, 0, result.stderr)
        var docDates: [String: String] = [:], whens: [String: String] = [:]
        for record in result.records {
            let doc = record["doc"] as! String
            if let date = record["doc_date"] as? String { XCTAssertEqual(docDates[doc] ?? date, date, "one date a document"); docDates[doc] = date }
            if record["kind"] as? String == "figure", let when = record["when"] as? [String: Any] {
                whens[doc] = "\(when["start"] as? String ?? "nil") \(when["basis"] as? String ?? "nil")"
            }
        }
        let own = try XCTUnwrap(result.records.first { $0["doc"] as? String == "own" })
        XCTAssertEqual((own["meta"] as? [String: Any])?["date"] as? String, "2019-06-10 08:00:00", "a JSON line's date is kept as written")
        XCTAssertEqual(docDates, ["own": "2019-06-10", "listed": "2017-11-30", "datelined": "2018-02-02", "bare": "2010-05-05"])
        // "أمس" resolved against each of them.
        XCTAssertEqual(whens, ["own": "2019-06-09 relative", "listed": "2017-11-29 relative",
                               "datelined": "2018-02-01 relative", "bare": "2010-05-04 relative"])
    }

    // MARK: when

    func testWhenIsTheStatedPeriodFirst() {
        let document = day("2015-07-22")
        let single = extractor.extract("وفي 3 آذار 2019 قتل 7 مدنيين في غارة على السوق.", date: document).figures
        XCTAssertEqual(single.map(when), ["2019-03-03..nil stated"])
        let month = extractor.extract("وخلال شهر آذار 2019 وثقت الشبكة مقتل 40 مدنيا.", date: document).figures
        XCTAssertEqual(month.map(when), ["2019-03-01..2019-03-31 stated"])
        let since = extractor.extract("وقتل منذ آذار 2011 ما لا يقل عن 400 مدني.", date: document).figures
        XCTAssertEqual(since.map(when), ["2011-03-01..2015-07-22 stated"], "an open end closes on the document date")
        XCTAssertEqual(extractor.extract("وقتل منذ آذار 2011 ما لا يقل عن 400 مدني.").figures.map(when), ["2011-03-01..nil stated"])
        let backwards = extractor.extract("وثقت الرابطة مقتل 70 إعلاميا منذ آذار 2021 حتى 31/12/2019.", date: document).figures
        XCTAssertEqual(backwards.first?.period?.start?.description, "2021-03", "period keeps what the text states")
        XCTAssertEqual(backwards.map(when), ["2019-12-31..2021-03-31 stated"], "when runs forwards (found by the fuzzer)")
        let year = extractor.extract("سجل التقرير خلال عام 2014 اعتقال 1200 شخص.", date: document).figures
        XCTAssertEqual(year.map(when), ["2014-01-01..2014-12-31 stated"])
        XCTAssertEqual(year.first?.period?.start?.description, "2014", "period keeps what the text states")
    }

    func testWhenIsTheSentencesRelativeDateNext() {
        let document = day("2020-01-05")   // a Sunday
        let text = "قتل 5 أشخاص أمس في قصف على الحي. ونزح 300 شخص الأسبوع الماضي. ونزح 200 شخص الشهر الماضي. وأصيب 9 أشخاص العام الماضي."
        XCTAssertEqual(extractor.extract(text, date: document).figures.map(when), [
            "2020-01-04..nil relative", "2019-12-29..2020-01-04 relative", "2019-12-01..2019-12-31 relative",
            "2019-01-01..2019-12-31 relative",
        ])
        // "اليوم" dates what is said; another relative date of the sentence dates the event.
        let said = extractor.extract("وقالت المنظمة اليوم إن 40 مدنيا قتلوا الأسبوع الماضي.", date: document).figures
        XCTAssertEqual(said.map(when), ["2019-12-29..2020-01-04 relative"])
        XCTAssertEqual(extractor.extract("قتل 4 مدنيين اليوم.", date: document).figures.map(when), ["2020-01-05..nil relative"])
    }

    func testWhenIsTheDocumentsDateLastAndNilWithoutOne() {
        let text = "قتل 12 مدنيا في غارة على سوق البلدة، بينهم 5 أطفال."
        XCTAssertEqual(extractor.extract(text, date: day("2016-02-10")).figures.map(when),
                       ["2016-02-10..nil document", "2016-02-10..nil document"])
        XCTAssertEqual(extractor.extract(text, date: DateValue(year: 2016, month: 2)).figures.first.map(when),
                       "2016-02-01..2016-02-29 document", "a document dated to a month")
        XCTAssertEqual(extractor.extract(text).figures.map(when), ["nil", "nil"])
    }

    func testABreakdownTakesItsTotalsWhen() {
        let figures = extractor.extract("قتل 20 مدنيا أمس، بينهم 6 أطفال.", date: day("2020-01-05")).figures
        XCTAssertEqual(figures.count, 2)
        XCTAssertEqual(figures[1].parent, 0)
        XCTAssertEqual(figures.map(when), ["2020-01-04..nil relative", "2020-01-04..nil relative"])
    }

    // MARK: cumulative

    func testRunningTotalsAreCumulativeAndSingleEventsAreNot() {
        func cumulative(_ text: String) -> [Int: Bool] {
            Dictionary(extractor.extract(text, date: day("2020-01-05")).figures.map { ($0.value, $0.cumulative) }, uniquingKeysWith: { a, _ in a })
        }
        XCTAssertEqual(cumulative("قتل 4 أشخاص أمس في قصف على الحي، لترتفع حصيلة القتلى منذ بدء الحملة إلى 112 قتيلا."), [4: false, 112: true])
        XCTAssertEqual(cumulative("وارتفعت حصيلة الضحايا إلى 300 قتيل و450 جريحا."), [300: true, 450: true], "joined by و to a running total")
        XCTAssertEqual(cumulative("وثقت الشبكة مقتل 230 صحفيا حتى الآن."), [230: true])
        XCTAssertEqual(cumulative("ومنذ آذار 2011 قتل 900 مدني."), [900: true], "a period open at its end")
        XCTAssertEqual(cumulative("وبلغ العدد الإجمالي للقتلى 950 قتيلا، بينهم 120 طفلا."), [950: true, 120: true], "a breakdown of a running total")
        XCTAssertEqual(cumulative("قتل 12 مدنيا في غارة على سوق البلدة أمس."), [12: false])
        XCTAssertEqual(cumulative("وارتفعت حصيلة القصف إلى 73 قتيلا، فيما أصيب 8 أشخاص في حادث سير."), [73: true, 8: false],
                       "a clause boundary ends the cue's reach")
    }

    func testAnExplanationSaysWhyAFigureIsCumulativeAndWhen() throws {
        let folder = TemporaryFolder()
        let text = "حلب - 2 شباط 2018 (وكالات)\nقتل 4 أشخاص أمس في قصف على الحي، لترتفع حصيلة القتلى منذ بدء الحملة إلى 112 قتيلا."
        folder.write("docs/n.txt", text)
        folder.write("gold/figures.jsonl", "")
        let offset = text.components(separatedBy: "112")[0].unicodeScalars.count
        let run = try CLI.run(["eval", "--gold", folder.path + "/gold", "--explain", "n@\(offset)", folder.path + "/docs"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("dates:    document 2018-02-02, when 2018-02-01..null relative, cumulative true, repeats null"), run.stdout)
        XCTAssertTrue(run.stdout.contains("cumulative: true <- running-total cue in its clause before it «لترتفع حصيلة»"), run.stdout)
        XCTAssertTrue(run.stdout.contains("[cues/cumulative.grammar:"), run.stdout)
        XCTAssertTrue(run.stdout.contains("when: 2018-02-01..null relative <- the nearest relative date of its sentence «أمس»"), run.stdout)
    }

    // MARK: repeats

    func testACountSaidAgainRepeatsTheFirst() {
        let text = "قتل 8 مدنيين أمس في غارة على سوق البلدة. وأوضح المصدر أن 3 جرحى نقلوا إلى المستشفى. وكانت الغارة قد أدت إلى مقتل 8 مدنيين كانوا في السوق، وأصيب 8 أشخاص."
        let figures = extractor.extract(text, date: day("2020-01-05")).figures
        XCTAssertEqual(figures.map(\.value), [8, 3, 8, 8])
        XCTAssertEqual(figures.map(\.repeats), [nil, nil, 0, nil], "the same value, category and period; not 8 injured")
        let stated = extractor.extract("قتل 8 مدنيين في عام 2014. وقتل 8 مدنيين في عام 2015.").figures
        XCTAssertEqual(stated.map(\.repeats), [nil, nil], "another period is another count")
        // The first of each count is remembered across a long document's sections.
        let long = String(repeating: text + "\n\n", count: 4)
        let sectioned = Extractor(grammar: TestGrammar.shared, sectionLength: 64, longestSection: 256)
        let parts = sectioned.extract(long, date: day("2020-01-05")).figures
        XCTAssertEqual(parts, extractor.extract(long, date: day("2020-01-05")).figures)
        XCTAssertEqual(parts.map(\.repeats), [nil, nil, 0, nil, 0, 1, 0, 3, 0, 1, 0, 3, 0, 1, 0, 3])
    }

    func testRecordsCarryTheNewFieldsAsTheSchemaSays() throws {
        let folder = TemporaryFolder()
        let doc = folder.write("a.txt", "حلب - 2 شباط 2018 (وكالات)\nقتل 8 مدنيين أمس. وارتفعت حصيلة القتلى منذ بدء الحملة إلى 90 قتيلا. وكان القصف قد أدى إلى مقتل 8 مدنيين.")
        let records = try CLI.run(["extract", "--dates", doc]).records
        let figures = records.filter { $0["kind"] as? String == "figure" }
        XCTAssertEqual(figures.count, 3)
        XCTAssertEqual(figures.map { $0["doc_date"] as? String }, ["2018-02-02", "2018-02-02", "2018-02-02"])
        XCTAssertEqual(figures.map { $0["cumulative"] as? Bool }, [false, true, false])
        XCTAssertEqual(figures.map { $0["repeats"] as? String }, [nil, nil, "a#1"])
        XCTAssertEqual((figures[0]["when"] as? [String: Any])?["basis"] as? String, "relative")
        XCTAssertEqual((figures[0]["when"] as? [String: Any])?["start"] as? String, "2018-02-01")
        XCTAssertTrue((figures[0]["when"] as? [String: Any])?["end"] is NSNull)
        XCTAssertEqual((figures[2]["when"] as? [String: Any])?["basis"] as? String, "document")
        let schema = try RecordSchema()
        for record in records {
            XCTAssertEqual(schema.problems(record), [] as [String], "\(record)")
            XCTAssertNotNil(record["doc_date"] as? String, "date records carry it too")
        }
    }

    // MARK: The manifest

    func testManifestsInTSVCSVAndJSONLines() throws {
        let folder = TemporaryFolder()
        let tsv = folder.write("m.tsv", "id\tpath\trecord\tnewspaper\tdate\nr1\tx.zip\t1.json#3\tokaz\t2015-07-22 10:04:16\nr2\ty.zip\t2.json#4\taawsat\t2015-08-01\n\n")
        XCTAssertEqual(try DocumentDates(contentsOf: tsv).dates, ["r1": day("2015-07-22"), "r2": day("2015-08-01")])
        let csv = folder.write("m.csv", "\u{FEFF}date,title,id\r\n2016-01-02T09:00:00Z,\"قصف، ثم \"\"نزوح\"\"\",a/b\r\n,no date,c\r\n")
        XCTAssertEqual(try DocumentDates(contentsOf: csv).dates, ["a/b": day("2016-01-02")], "columns found by name; an empty date is none")
        let jsonl = folder.write("m.jsonl", "{\"id\": \"x\", \"date\": \"2014-12-31\"}\n{\"id\": 7, \"date\": \"2014-01-01 00:00\"}\n{\"id\": \"z\", \"date\": null}\n")
        XCTAssertEqual(try DocumentDates(contentsOf: jsonl).dates, ["x": day("2014-12-31"), "7": day("2014-01-01")])
        let sniffed = folder.write("manifest", "{\"id\": \"x\", \"date\": \"2014-12-31\"}\n")
        XCTAssertEqual(try DocumentDates(contentsOf: sniffed).dates, ["x": day("2014-12-31")], "JSON lines found by their first line")
    }

    func testABadManifestLineNamesTheFileAndLine() {
        let folder = TemporaryFolder()
        func error(_ name: String, _ text: String) -> String {
            let path = folder.write(name, text)
            do { _ = try DocumentDates(contentsOf: path); return "no error" } catch { return "\(error)" }
        }
        let tsv = folder.path + "/bad.tsv"
        XCTAssertEqual(error("bad.tsv", "id\tdate\nr1\t2015-07-22\nr2\t22/07/2015\n"),
                       "\(tsv):3: bad --doc-dates manifest: date \"22/07/2015\" of \"r2\" is not YYYY-MM-DD (with an optional time)")
        XCTAssertTrue(error("days.tsv", "id\tdate\nr1\t2015-02-30\n").hasPrefix(folder.path + "/days.tsv:2:"), "no 30 February")
        XCTAssertTrue(error("fields.tsv", "id\tdate\nr1\n").contains("fields.tsv:2: bad --doc-dates manifest: 1 fields where the header has 2"))
        XCTAssertTrue(error("header.csv", "doc,when\nr1,2015-07-22\n").contains("header.csv:1: bad --doc-dates manifest: the header row must name the columns id and date"))
        XCTAssertTrue(error("twice.csv", "id,date\nr1,2015-07-22\nr1,2015-07-23\n").contains("twice.csv:3:"))
        XCTAssertTrue(error("quote.csv", "id,date\n\"r1,2015-07-22\n").contains("quote.csv:2:"))
        XCTAssertTrue(error("bad.jsonl", "{\"id\": \"x\", \"date\": \"2014-12-31\"}\n{\"id\": \"y\", \"date\": 2014}\n").contains("bad.jsonl:2:"))
        XCTAssertTrue(error("broken.jsonl", "{\"id\": \"x\", \"date\": \"2014-12-31\"}\n{\"id\": \n").contains("broken.jsonl:2: bad --doc-dates manifest: not a JSON object"))
    }

    func testTheCommandStopsOnABadManifestBeforeWritingAnything() throws {
        let folder = TemporaryFolder()
        let doc = folder.write("a.txt", "قتل 5 أشخاص أمس")
        let manifest = folder.write("m.tsv", "id\tdate\na\t2015-13-01\n")
        let output = folder.path + "/out.jsonl"
        let result = try CLI.run(["extract", "--doc-dates", manifest, "--output", output, doc])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("\(manifest):2: bad --doc-dates manifest"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + ".partial"))
        XCTAssertEqual(try CLI.run(["extract", "--doc-dates", folder.path + "/none.tsv", doc]).status, 2)
    }

    // MARK: CSV and SQLite

    private func python(_ script: String, _ arguments: [String]) throws -> String {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try XCTSkipIf(python == nil, "no python3 to read the output back with")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = ["-c", script] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    private func datedFolder() -> (TemporaryFolder, String) {
        let folder = TemporaryFolder()
        folder.write("docs/a.txt", "حلب - 2 شباط 2018 (وكالات)\nقتل 8 مدنيين أمس. وارتفعت حصيلة القتلى منذ بدء الحملة إلى 90 قتيلا. وكان القصف قد أدى إلى مقتل 8 مدنيين.")
        folder.write("docs/b.txt", "قتل 12 مدنيا في غارة على سوق البلدة الشهر الماضي، بينهم 5 أطفال. ومنذ آذار 2011 قتل 900 مدني.")
        folder.write("docs/c.txt", "أصيب 3 أشخاص في حادث سير.")
        let manifest = folder.write("m.csv", "id,date\nb,2019-05-20 12:00:00\n")
        return (folder, manifest)
    }

    func testCSVAndSQLiteCarryTheSameDatesAsTheJSONLines() throws {
        let (folder, manifest) = datedFolder()
        let csv = folder.path + "/r.csv", db = folder.path + "/r.db", jsonl = folder.path + "/r.jsonl"
        for (format, output) in [("csv", csv), ("sqlite", db), ("jsonl", jsonl)] {
            let result = try CLI.run(["extract", "--quiet", "--dates", "--doc-dates", manifest, "--format", format, "--output", output, folder.path + "/docs"])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let check = """
            import csv, json, sqlite3, sys
            recs = [json.loads(l) for l in open(sys.argv[3], encoding='utf-8')]
            figs = [r for r in recs if r['kind'] == 'figure']
            assert len(figs) == 7, len(figs)
            rows = {r['id']: r for r in csv.DictReader(open(sys.argv[1], encoding='utf-8', newline=''))}
            db = sqlite3.connect(sys.argv[2])
            q = 'SELECT id, when_start, when_end, when_basis, cumulative, repeats FROM figures'
            table = {r[0]: r[1:] for r in db.execute(q)}
            docs = dict(db.execute('SELECT doc, date FROM documents'))
            for r in recs:
                row = rows[r['id']]
                assert (row['doc_date'] or None) == r['doc_date'], (row, r)
                if r['kind'] != 'figure':
                    continue
                w = r['when'] or {}
                expected = (w.get('start'), w.get('end'), w.get('basis'), int(r['cumulative']), r['repeats'])
                assert table[r['id']] == expected, (table[r['id']], expected)
                assert ((row['when_start'] or None), (row['when_end'] or None), (row['when_basis'] or None),
                        row['cumulative'] == 'true', (row['repeats'] or None)) == (w.get('start'), w.get('end'), w.get('basis'), r['cumulative'], r['repeats']), row
                assert docs[r['doc']] == r['doc_date'], (docs, r)
            assert docs == {'a': '2018-02-02', 'b': '2019-05-20', 'c': None}, docs
            indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
            assert 'figures_when' in indexes, indexes
            summary = sorted((r['doc'], r['value'], (r['when'] or {}).get('basis'), r['cumulative'], r['repeats']) for r in figs)
            print('ok', summary)
            """
        let output = try python(check, [csv, db, jsonl])
        XCTAssertTrue(output.hasPrefix("ok "), output)
        XCTAssertTrue(output.contains("('a', 8, 'document', False, 'a#1')"), output)
        XCTAssertTrue(output.contains("('a', 8, 'relative', False, None)"), output)
        XCTAssertTrue(output.contains("('a', 90, 'document', True, None)"), output)
        XCTAssertTrue(output.contains("('b', 12, 'relative', False, None)"), output)
        XCTAssertTrue(output.contains("('b', 900, 'stated', True, None)"), output)
        XCTAssertTrue(output.contains("('c', 3, None, False, None)"), output)
    }

    func testALongDocumentReadInSectionsCarriesItsDateToEveryRecord() throws {
        let folder = TemporaryFolder()
        let paragraph = "قتل 8 مدنيين أمس في غارة على سوق البلدة. وارتفعت حصيلة القتلى منذ بدء الحملة إلى 90 قتيلا.\n\n"
        let report = folder.write("long.txt", "حلب - 2 شباط 2018: تقرير.\n\n" + String(repeating: paragraph, count: 200))
        func records(sectionBytes: Int) throws -> [String] {
            var reader = DocumentReader()
            reader.sectionBytes = sectionBytes
            let output = folder.path + "/out-\(sectionBytes).jsonl"
            let sink = JSONLinesSink(output: try AtomicOutput(path: output), includeDates: true, inlineErrors: false)
            _ = try ArchiveRunner(extractor: TestGrammar.extractor, reader: reader, jobs: 2, date: day("2000-01-01"))
                .run(DocumentCollector.collect([report]), into: sink, warning: { _ in }, failure: { XCTFail("\($0)") })
            return try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        let whole = try records(sectionBytes: Int.max), sectioned = try records(sectionBytes: 2_000)
        XCTAssertEqual(sectioned, whole)
        XCTAssertGreaterThan(whole.count, 600)
        XCTAssertTrue(whole.allSatisfy { $0.contains("\"doc_date\":\"2018-02-02\"") }, "the dateline dates every record, not --date")
        XCTAssertTrue(whole.contains { $0.contains("\"repeats\":\"long#1\"") })
    }

    // MARK: The real news

    /// The README's question: killed civilians per month, from one query, each figure behind it readable.
    func testKilledCiviliansPerMonthOnTheRealNews() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: SharedMaterial.realNews + "/manifest.tsv"), "no ../shared/real-news")
        let folder = TemporaryFolder()
        let db = folder.path + "/news.db"
        let result = try CLI.run(["extract", "--quiet", "--doc-dates", SharedMaterial.realNews + "/manifest.tsv", "--format", "sqlite",
                                  "--output", db, SharedMaterial.realNews])
        XCTAssertEqual(result.status, 0, result.stderr)
        let check = """
            import csv, sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            manifest = {r['id']: r['date'][:10] for r in csv.DictReader(open(sys.argv[2], encoding='utf-8'), delimiter='\\t')}
            docs = dict(db.execute('SELECT doc, date FROM documents'))
            assert docs == manifest, 'every document has its manifest date'
            per_month = db.execute('''
                SELECT substr(when_start, 1, 7) AS month, count(*), sum(value) FROM figures
                WHERE category = 'killed.civilians' AND NOT cumulative AND repeats IS NULL
                  AND substr(when_start, 1, 7) = substr(coalesce(when_end, when_start), 1, 7)
                GROUP BY month ORDER BY month''').fetchall()
            assert per_month, 'some months'
            for month, count, total in per_month:
                rows = db.execute('''SELECT id, value, text, sentence_start, sentence_end, doc FROM figures
                    WHERE category = 'killed.civilians' AND NOT cumulative AND repeats IS NULL
                      AND substr(when_start, 1, 7) = ? AND substr(coalesce(when_end, when_start), 1, 7) = ?''', (month, month)).fetchall()
                assert len(rows) == count and sum(r[1] for r in rows) == total
                for id, value, text, s, e, doc in rows:
                    sentence = open(sys.argv[3] + '/' + doc + '.txt', encoding='utf-8').read()[s:e]
                    assert text in sentence, (id, text)
            print('ok', per_month)
            """
        let output = try python(check, [db, SharedMaterial.realNews + "/manifest.tsv", SharedMaterial.realNews])
        XCTAssertTrue(output.hasPrefix("ok "), output)
        XCTAssertTrue(output.contains("'2015-07'") && output.contains("'2015-08'"), output)
    }
}
