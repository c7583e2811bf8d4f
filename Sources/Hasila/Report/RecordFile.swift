import CSQLite
import Foundation

/// Reads back what `hasila extract` wrote, JSON lines or its SQLite file (told apart by the
/// SQLite header, not the name), handing over one record or skipped document at a time, in the
/// order they were written, so that a million records are aggregated without being held.
public enum RecordFile {
    public static func read(path: String, record: (ReportRecord) throws -> Void, skipped: (SkippedDocument) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReportError.unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if header.starts(with: Array("SQLite format 3".utf8)) {
            try readSQLite(path: path, record: record, skipped: skipped)
        } else {
            try readJSONLines(path: path, record: record, skipped: skipped)
        }
    }

    // MARK: JSON lines

    static func readJSONLines(path: String, record: (ReportRecord) throws -> Void, skipped: (SkippedDocument) throws -> Void) throws {
        var pending: [UInt8] = []
        var number = 0
        func line() throws {
            number += 1
            defer { pending.removeAll(keepingCapacity: true) }
            if pending.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
            guard let object = try? JSONSerialization.jsonObject(with: Data(pending)) as? [String: Any] else {
                throw ReportError.badRecord(path: path, line: number, reason: "not a JSON object")
            }
            switch object["kind"] as? String {
            case "error":
                try skipped(SkippedDocument(doc: object["doc"] as? String ?? "", path: object["path"] as? String ?? "",
                                            line: (object["line"] as? NSNumber)?.intValue, reason: object["error"] as? String ?? ""))
            case "figure", "date":
                try record(parse(object, path: path, line: number))
            default:
                throw ReportError.badRecord(path: path, line: number, reason: "\"kind\" is not figure, date or error")
            }
        }
        do {
            try ByteSource.chunks(path: path, gzip: path.hasSuffix(".gz")) { chunk in
                var start = 0
                for index in 0..<chunk.count where chunk[index] == 0x0A {
                    pending.append(contentsOf: chunk[start..<index])
                    try line()
                    start = index + 1
                }
                if start < chunk.count { pending.append(contentsOf: chunk[start...]) }
            }
        } catch let error as HasilaError {
            throw ReportError.unreadable(path: path, reason: error.description)
        }
        if !pending.isEmpty { try line() }
    }

    /// A record object as JSON lines carry it.
    static func parse(_ object: [String: Any], path: String, line: Int) throws -> ReportRecord {
        func string(_ key: String) -> String? { object[key] as? String }
        func integer(_ key: String) throws -> Int {
            guard let number = object[key] as? NSNumber else { throw ReportError.badRecord(path: path, line: line, reason: "no integer \"\(key)\"") }
            return number.intValue
        }
        guard let kind = string("kind").flatMap(ReportRecord.Kind.init(rawValue:)), let id = string("id"), let doc = string("doc"),
              let text = string("text") else {
            throw ReportError.badRecord(path: path, line: line, reason: "missing kind, id, doc or text")
        }
        var record = ReportRecord(kind: kind, id: id, doc: doc, text: text, start: try integer("start"), end: try integer("end"))
        switch kind {
        case .figure:
            record.value = try integer("value")
            record.qualifier = string("qualifier")
            record.category = string("category")
            record.noun = string("noun")
            record.parent = string("parent")
            if let period = object["period"] as? [String: Any] {
                record.periodStart = period["start"] as? String
                record.periodEnd = period["end"] as? String
            }
            if let sentence = object["sentence"] as? [String: Any] {
                record.sentenceStart = (sentence["start"] as? NSNumber)?.intValue
                record.sentenceEnd = (sentence["end"] as? NSNumber)?.intValue
            }
        case .date:
            record.dateValue = string("value")
            record.calendar = string("calendar")
            record.relative = (object["relative"] as? Bool) ?? false
        }
        record.place = key(of: object["place"])
        record.actors = keys(of: object["actors"])
        record.source = key(of: object["source"])
        record.country = object["country"] as? String
        return record
    }

    /// A key given as a string or as an object with a "key".
    static func key(of value: Any?) -> String? {
        if let text = value as? String { return text }
        if let object = value as? [String: Any] { return object["key"] as? String }
        return nil
    }

    /// Keys given as a list (of strings or objects with a "key"), or one key alone.
    static func keys(of value: Any?) -> [String] {
        if let list = value as? [Any] { return list.compactMap { key(of: $0) } }
        return key(of: value).map { [$0] } ?? []
    }

    // MARK: SQLite

    static func readSQLite(path: String, record: (ReportRecord) throws -> Void, skipped: (SkippedDocument) throws -> Void) throws {
        var database: OpaquePointer?
        guard sqlite3_open_v2(path, &database, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            let reason = database.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(database)
            throw ReportError.unreadable(path: path, reason: reason)
        }
        defer { sqlite3_close(database) }
        func columns(_ table: String) -> [String] {
            var names: [String] = []
            query(database, "PRAGMA table_info(\(table))") { row in names.append(row.text(1) ?? "") }
            return names
        }
        let figureColumns = columns("figures")
        guard !figureColumns.isEmpty else { throw ReportError.notRecords(path: path, reason: "no table figures") }
        // The who/where/source fields: as `hasila extract --format sqlite` writes them (place_key, source_key, and the
        // figure_actors table), or as columns of their own name holding a key or JSON.
        let optional: [(column: String, field: String)] = ["place", "actors", "source", "country"].compactMap { field in
            if figureColumns.contains(field) { return (field, field) }
            if field != "actors", figureColumns.contains(field + "_key") { return (field + "_key", field) }
            return nil
        }
        var actorsOf: [String: [String]] = [:]
        if !optional.contains(where: { $0.field == "actors" }), !columns("figure_actors").isEmpty {
            query(database, "SELECT figure_id, key FROM figure_actors ORDER BY figure_id, position") { row in
                if let id = row.text(0), let key = row.text(1) { actorsOf[id, default: []].append(key) }
            }
        }
        let sentence = figureColumns.contains("sentence_start") && figureColumns.contains("sentence_end")
        let figureSQL = "SELECT id, doc, value, text, start, \"end\", qualifier, category, noun, parent, period_start, period_end"
            + optional.map { ", " + $0.column }.joined() + (sentence ? ", sentence_start, sentence_end" : "") + " FROM figures ORDER BY rowid"
        var failure: Error?
        let ok = query(database, figureSQL) { row in
            guard failure == nil else { return }
            var figure = ReportRecord(kind: .figure, id: row.text(0) ?? "", doc: row.text(1) ?? "", text: row.text(3) ?? "",
                                      start: row.integer(4) ?? 0, end: row.integer(5) ?? 0)
            figure.value = row.integer(2) ?? 0
            figure.qualifier = row.text(6)
            figure.category = row.text(7)
            figure.noun = row.text(8)
            figure.parent = row.text(9)
            figure.periodStart = row.text(10)
            figure.periodEnd = row.text(11)
            if let actors = actorsOf[figure.id] { figure.actors = actors }
            for (offset, name) in optional.map(\.field).enumerated() {
                let text = row.text(Int32(12 + offset))
                // A list or object column holds JSON; a plain key is itself.
                let value: Any? = text.flatMap { text in
                    text.hasPrefix("[") || text.hasPrefix("{") ? try? JSONSerialization.jsonObject(with: Data(text.utf8)) : text
                }
                switch name {
                case "place": figure.place = key(of: value)
                case "actors": figure.actors = keys(of: value)
                case "country": figure.country = text
                default: figure.source = key(of: value)
                }
            }
            if sentence {
                figure.sentenceStart = row.integer(Int32(12 + optional.count))
                figure.sentenceEnd = row.integer(Int32(13 + optional.count))
            }
            do { try record(figure) } catch { failure = error }
        }
        guard ok else { throw ReportError.notRecords(path: path, reason: String(cString: sqlite3_errmsg(database))) }
        if let failure { throw failure }
        if !columns("dates").isEmpty {
            query(database, "SELECT id, doc, text, start, \"end\", value, calendar, relative FROM dates ORDER BY rowid") { row in
                guard failure == nil else { return }
                var date = ReportRecord(kind: .date, id: row.text(0) ?? "", doc: row.text(1) ?? "", text: row.text(2) ?? "",
                                        start: row.integer(3) ?? 0, end: row.integer(4) ?? 0)
                date.dateValue = row.text(5)
                date.calendar = row.text(6)
                date.relative = (row.integer(7) ?? 0) != 0
                do { try record(date) } catch { failure = error }
            }
            if let failure { throw failure }
        }
        if !columns("errors").isEmpty {
            query(database, "SELECT doc, path, line, error FROM errors ORDER BY rowid") { row in
                guard failure == nil else { return }
                do { try skipped(SkippedDocument(doc: row.text(0) ?? "", path: row.text(1) ?? "", line: row.integer(2), reason: row.text(3) ?? "")) } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
        }
    }

    /// Runs a query, calling `row` for each result row; false when the query fails.
    @discardableResult
    private static func query(_ database: OpaquePointer?, _ sql: String, _ row: (SQLiteRow) -> Void) -> Bool {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else { return false }
        defer { sqlite3_finalize(statement) }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return true }
            guard status == SQLITE_ROW else { return false }
            row(SQLiteRow(statement: statement))
        }
    }
}
