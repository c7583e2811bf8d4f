import Foundation
import XCTest
@testable import Hasila

/// Archives as researchers have them: mixed formats and encodings, streams, all cores,
/// CSV and SQLite, bad documents and killed runs.
final class ArchiveTests: XCTestCase {
    static let report = "وثقت الشبكة مقتل ما لا يقل عن 5233 مدنياً، بينهم 1417 طفلاً، و868 سيدة في إدلب أمس."

    private func gzip(_ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-f", path]
        try process.run()
        process.waitUntilExit()
    }

    private func python(_ script: String, _ arguments: [String]) throws -> String {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3", "/root/.pyenv/shims/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try XCTSkipIf(python == nil, "no python3 to read the output back with")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = ["-c", script] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A folder with every kind of input, good and bad.
    private func mixedFolder() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("plain.txt", ArchiveTests.report)
        folder.write("page.html", """
            <html><head><title>تقرير</title><style>p { color: red }</style><script>var x = "مقتل 99 شخصا";</script></head>
            <body><p>قتل &#1633;&#1634; مدنياً &amp; أصيب 30 آخرون</p><div>نزوح 300&nbsp;عائلة</div><!-- 77 قتيلا --></body></html>
            """)
        folder.write("stream.jsonl", """
            {"id": "s1", "text": "قتل 5 أشخاص أمس", "date": "2015-07-22 10:04:16", "source": "okaz"}
            {"id": 2, "text": "أصيب 7 مدنيين"}
            not json at all
            {"id": "s3", "text": "اعتقال 12 صحفيا"}
            """)
        folder.write("old/win.txt", bytes: try cp1256(ArchiveTests.report))
        folder.write("old/utf16.txt", bytes: [0xFF, 0xFE] + ArchiveTests.report.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let gz = folder.write("packed.txt", "مقتل 44 شخصا")
        try gzip(gz)
        folder.write("binary.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02, 0x00])
        folder.write("huge.txt", String(repeating: "مقتل 1 شخص. ", count: 3000))
        folder.write("ignored.pdf", "not read")
        return folder
    }

    /// The text in windows-1256, through Python's codec (the test skips without Python).
    private func cp1256(_ text: String) throws -> [UInt8] {
        let hex = try python("import sys; sys.stdout.write(sys.argv[1].encode('cp1256').hex())", [text])
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    func testAMixedFolderGivesEveryGoodDocumentsRecords() throws {
        let folder = try mixedFolder()
        let reports = TemporaryFolder()
        let errors = reports.path + "/errors.jsonl"
        let result = try CLI.run(["extract", "--max-bytes", "20000", "--errors", errors, folder.path])
        XCTAssertEqual(result.status, 1, "some documents were skipped")
        let byDoc = Dictionary(grouping: result.records, by: { $0["doc"] as! String })
        XCTAssertEqual(byDoc["plain"]?.map { $0["value"] as! Int }, [5233, 1417, 868])
        XCTAssertEqual(byDoc["old/win"]?.map { $0["value"] as! Int }, [5233, 1417, 868], "windows-1256 detected and converted")
        XCTAssertEqual(byDoc["old/utf16"]?.map { $0["value"] as! Int }, [5233, 1417, 868], "UTF-16 with a BOM")
        XCTAssertEqual(byDoc["packed"]?.map { $0["value"] as! Int }, [44], ".gz")
        XCTAssertEqual(byDoc["page"]?.map { $0["value"] as! Int }, [12, 30, 300], "script, style and comments dropped, entities decoded")
        XCTAssertEqual(byDoc["s1"]?.first?["value"] as? Int, 5)
        XCTAssertEqual(byDoc["2"]?.first?["value"] as? Int, 7)
        XCTAssertEqual(byDoc["s3"]?.first?["category"] as? String, "detained")
        XCTAssertNil(byDoc["ignored"])
        for bad in ["binary.txt", "huge.txt", "stream.jsonl:3"] { XCTAssertTrue(result.stderr.contains(bad), "\(bad) named in \(result.stderr)") }
        let report = try String(contentsOfFile: errors, encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(report.count, 3)
        XCTAssertTrue(report.contains { $0["line"] as? Int == 3 && ($0["path"] as? String)?.hasSuffix("stream.jsonl") == true })
        XCTAssertTrue(report.contains { ($0["error"] as? String)?.contains("--max-bytes") == true })
    }

    func testOffsetsOfAnHTMLPageIndexTheTextHasilaPrints() throws {
        let folder = try mixedFolder()
        let text = try CLI.run(["text", folder.path + "/page.html"]).stdout
        XCTAssertFalse(text.contains("<"))
        XCTAssertFalse(text.contains("99"), "script text is dropped")
        XCTAssertTrue(text.contains("قتل ١٢ مدنياً & أصيب 30 آخرون"))
        for record in try CLI.run(["extract", folder.path + "/page.html"]).records {
            XCTAssertEqual(text.codePoints((record["start"] as! Int)..<(record["end"] as! Int)), record["text"] as? String)
        }
    }

    func testJSONLinesPassTheirFieldsThroughAndDateTheirRelativeDates() throws {
        let folder = try mixedFolder()
        let records = try CLI.run(["extract", "--dates", folder.path + "/stream.jsonl"]).records
        let first = try XCTUnwrap(records.first { $0["doc"] as? String == "s1" && $0["kind"] as? String == "figure" })
        XCTAssertEqual((first["meta"] as? [String: Any])?["source"] as? String, "okaz")
        let yesterday = try XCTUnwrap(records.first { $0["kind"] as? String == "date" })
        XCTAssertEqual(yesterday["value"] as? String, "2015-07-21", "أمس against the line's date")
    }

    func testTheStreamContract() throws {
        // JSON lines in on stdin, records out on stdout, a bad line inline as an error record.
        var lines: [String] = []
        for index in 0..<60 {
            lines.append(#"{"id": "d\#(index)", "text": "قتل \#(index + 1) أشخاص وأصيب \#(index * 2 + 3) آخرون"}"#)
            if index == 30 { lines.append("{broken") }
        }
        let input = lines.joined(separator: "\n") + "\n"
        let whole = try CLI.run(["extract", "--quiet", "--errors", "inline", "-"], stdin: input)
        XCTAssertEqual(whole.status, 1)
        XCTAssertTrue(whole.records.contains { $0["kind"] as? String == "error" && $0["line"] as? Int == 32 })
        XCTAssertEqual(whole.records.filter { $0["kind"] as? String == "figure" }.count, 120)
        XCTAssertTrue(whole.stderr.contains("stdin") || whole.stderr.contains("-:32"), whole.stderr)
        // However the input is split, the figures' records are the same (an error record's line is the chunk's own).
        func figures(_ output: String) -> [String] { output.split(separator: "\n").map(String.init).filter { $0.hasPrefix(#"{"kind":"figure""#) } }
        let parts = [Array(lines[0..<20]), Array(lines[20..<41]), Array(lines[41...])]
        var joined = ""
        for part in parts {
            joined += try CLI.run(["extract", "--quiet", "--errors", "inline", "-"], stdin: part.joined(separator: "\n") + "\n").stdout
        }
        XCTAssertEqual(figures(joined), figures(whole.stdout))
        XCTAssertEqual(figures(joined).count, 120)
    }

    func testOutputIsByteIdenticalWhateverTheNumberOfJobs() throws {
        let folder = TemporaryFolder()
        for index in 0..<150 {
            folder.write("d\(index / 50)/\(index).txt", "قتل \(index + 1) مدنيين بينهم \(index % 7 + 1) أطفال منذ 1 آذار 2019 حتى 31 آذار 2019.")
        }
        let one = try CLI.run(["extract", "--quiet", "--dates", "--jobs", "1", folder.path, SharedMaterial.corpus + "/documents"])
        let eight = try CLI.run(["extract", "--quiet", "--dates", "--jobs", "8", folder.path, SharedMaterial.corpus + "/documents"])
        XCTAssertEqual(one.status, 0)
        XCTAssertGreaterThan(one.records.count, 900)
        XCTAssertEqual(one.stdout, eight.stdout)
    }

    func testCSVReadsBackWithPythonsCSVModule() throws {
        let folder = try mixedFolder()
        let out = TemporaryFolder()
        let csv = out.path + "/records.csv", jsonl = out.path + "/records.jsonl"
        _ = try CLI.run(["extract", "--quiet", "--dates", "--format", "csv", "--excel", "--output", csv, folder.path])
        _ = try CLI.run(["extract", "--quiet", "--dates", "--output", jsonl, folder.path])
        let check = """
            import csv, json, sys
            rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
            recs = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
            assert open(sys.argv[1], 'rb').read(3) == b'\\xef\\xbb\\xbf', 'BOM'
            assert len(rows) == len(recs), (len(rows), len(recs))
            for row, rec in zip(rows, recs):
                assert row['kind'] == rec['kind'] and row['id'] == rec['id'] and row['doc'] == rec['doc']
                assert row['text'] == rec['text'] and int(row['start']) == rec['start'] and int(row['end']) == rec['end']
                if rec['kind'] == 'figure':
                    assert int(row['value']) == rec['value'] and row['qualifier'] == rec['qualifier']
                    assert (row['category'] or None) == rec['category'] and (row['parent'] or None) == rec['parent']
                    assert row['actors'] == ';'.join(a['key'] for a in rec['actors']), (row, rec)
                    for field in ('place', 'source'):
                        assert (row[field] or None) == (rec[field]['key'] if rec[field] else None), (row, rec)
                    assert (row['country'] or None) == rec['country']
                else:
                    assert (row['value'] or None) == rec['value'] and row['relative'] == str(rec['relative']).lower()
            print('ok', len(rows))
            """
        XCTAssertTrue(try python(check, [csv, jsonl]).hasPrefix("ok "))
    }

    func testSQLiteReadsBackWithPythonsSQLiteModule() throws {
        let folder = try mixedFolder()
        let out = TemporaryFolder()
        let database = out.path + "/records.db", jsonl = out.path + "/records.jsonl"
        _ = try CLI.run(["extract", "--quiet", "--dates", "--format", "sqlite", "--output", database, folder.path])
        _ = try CLI.run(["extract", "--quiet", "--dates", "--output", jsonl, folder.path])
        let check = """
            import json, sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            recs = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
            figs = {r[0]: r for r in db.execute('SELECT id, doc, value, text, start, "end", qualifier, category, parent FROM figures')}
            dates = {r[0]: r for r in db.execute('SELECT id, doc, text, start, "end", value, relative FROM dates')}
            links = {r[0]: r[1:] for r in db.execute('SELECT id, place_key, place_text, place_start, place_end, country, '
                                                       'source_key, source_text, source_start, source_end FROM figures')}
            actors = {}
            for r in db.execute('SELECT figure_id, key, text, start, "end" FROM figure_actors ORDER BY figure_id, position'):
                actors.setdefault(r[0], []).append({'key': r[1], 'text': r[2], 'start': r[3], 'end': r[4]})
            def name(row):
                return None if row[0] is None else {'key': row[0], 'text': row[1], 'start': row[2], 'end': row[3]}
            assert len(figs) == sum(r['kind'] == 'figure' for r in recs)
            assert len(dates) == sum(r['kind'] == 'date' for r in recs)
            for r in recs:
                if r['kind'] == 'figure':
                    assert figs[r['id']][1:] == (r['doc'], r['value'], r['text'], r['start'], r['end'], r['qualifier'], r['category'], r['parent']), r
                    link = links[r['id']]
                    assert (name(link[0:4]), link[4], name(link[5:9])) == (r['place'], r['country'], r['source']), r
                    assert actors.get(r['id'], []) == r['actors'], r
                else:
                    assert dates[r['id']][1:] == (r['doc'], r['text'], r['start'], r['end'], r['value'], int(r['relative'])), r
            indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
            assert {'figures_doc', 'figures_category', 'dates_doc', 'figure_actors_key', 'figure_actors_figure'} <= indexes, indexes
            docs = db.execute('SELECT count(*) FROM documents').fetchone()[0]
            print('ok', len(figs), docs)
            """
        XCTAssertTrue(try python(check, [database, jsonl]).hasPrefix("ok "))
    }

    func testAKilledRunResumesWithoutLosingOrDuplicatingARecord() throws {
        let folder = TemporaryFolder()
        var lines: [String] = []
        for index in 0..<6000 {
            lines.append(#"{"id": "n\#(index)", "text": "وثقت الشبكة مقتل ما لا يقل عن \#(index + 10) مدنيين بينهم \#(index % 9 + 1) أطفال و\#(index % 5 + 2) نساء، وإصابة \#(index + 3) آخرين في قصف على سوق شعبي منذ 1 آذار 2019."}"#)
        }
        let input = folder.write("big.jsonl", lines.joined(separator: "\n") + "\n")
        let out = TemporaryFolder()
        let clean = out.path + "/clean.jsonl", resumed = out.path + "/resumed.jsonl"
        XCTAssertEqual(try CLI.run(["extract", "--quiet", "--jobs", "2", "--output", clean, input]).status, 0)

        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["extract", "--quiet", "--jobs", "1", "--output", resumed, input]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once it has checkpointed part of the way.
        let journal = resumed + ".partial.journal"
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: journal, encoding: .utf8), text.split(separator: "\n").count >= 2 { break }
            usleep(2000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertFalse(FileManager.default.fileExists(atPath: resumed), "a killed run leaves nothing under the final name")
        XCTAssertTrue(FileManager.default.fileExists(atPath: resumed + ".partial"))

        let again = try CLI.run(["extract", "--quiet", "--resume", "--jobs", "2", "--output", resumed, input])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try String(contentsOfFile: resumed, encoding: .utf8), try String(contentsOfFile: clean, encoding: .utf8))
        XCTAssertFalse(FileManager.default.fileExists(atPath: resumed + ".partial"))
    }

    func testUsageErrorsExitWithTwo() throws {
        XCTAssertEqual(try CLI.run(["extract", "--jobs", "0", "x"]).status, 2)
        XCTAssertEqual(try CLI.run(["extract", "--format", "sqlite", "x"]).status, 2)
        XCTAssertEqual(try CLI.run(["extract", "--no-such-flag", "x"]).status, 2)
        XCTAssertTrue(try CLI.run(["extract", "--help"]).stdout.contains("Exit status"))
    }

    func testUnknownEncodingIsNamed() throws {
        let folder = TemporaryFolder()
        let doc = folder.write("a.txt", "مقتل 5")
        let result = try CLI.run(["extract", "--encoding", "klingon-7", doc])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("klingon-7"), result.stderr)
    }
}

/// A per-partition command must not hold records back: each document's records come out
/// before the next document is sent.
final class StreamingTests: XCTestCase {
    func testRecordsComeOutBeforeTheInputEnds() throws {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["extract", "--quiet", "--jobs", "1", "-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = output.fileHandleForReading
        for index in 1...3 {
            input.fileHandleForWriting.write(Data(#"{"id": "d\#(index)", "text": "مقتل \#(index * 10) أشخاص"}"#.utf8 + [0x0A]))
            let arrived = DispatchSemaphore(value: 0)
            let box = LineBox()
            DispatchQueue.global().async {
                box.data = reader.availableData
                arrived.signal()
            }
            XCTAssertEqual(arrived.wait(timeout: .now() + 20), .success, "document \(index)'s record did not come out")
            XCTAssertTrue(String(decoding: box.data, as: UTF8.self).contains(#""value":\#(index * 10)"#))
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }
}

private final class LineBox: @unchecked Sendable {
    var data = Data()
}
