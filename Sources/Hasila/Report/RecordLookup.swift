import CSQLite
import Foundation

/// Finds records in what `hasila extract` wrote (JSON lines or SQLite), for `hasila show`: one
/// record by its id, the records of one document, the record whose span covers an offset.
public enum RecordLookup {
    /// Stops a read once the record is found.
    private struct Found: Error { let record: ReportRecord }

    /// The record with this id, or nil; the file is read only as far as the record.
    public static func record(id: String, in path: String) throws -> ReportRecord? {
        do {
            try RecordFile.read(path: path, record: { if $0.id == id { throw Found(record: $0) } }, skipped: { _ in })
        } catch let found as Found {
            return found.record
        }
        return nil
    }

    /// Every record of the documents `wanted` accepts, in the order written.
    public static func records(in path: String, documents wanted: (String) -> Bool) throws -> [ReportRecord] {
        var records: [ReportRecord] = []
        try RecordFile.read(path: path, record: { if wanted($0.doc) { records.append($0) } }, skipped: { _ in })
        return records
    }

    /// The record whose span covers the code point at `offset`: a figure before a date, the
    /// narrowest span first (a figure inside a longer one), or nil when none covers it.
    public static func covering(_ offset: Int, among records: [ReportRecord]) -> ReportRecord? {
        records.filter { $0.start <= offset && offset < $0.end }.min { a, b in
            if a.kind != b.kind { return a.kind == .figure }
            return a.end - a.start < b.end - b.start
        }
    }

    /// The records nearest to `offset` (by the distance of their spans), for a hint when none covers it.
    public static func nearest(_ offset: Int, among records: [ReportRecord], count: Int = 3) -> [ReportRecord] {
        func distance(_ record: ReportRecord) -> Int { offset < record.start ? record.start - offset : offset - record.end + 1 }
        return Array(records.sorted { distance($0) < distance($1) }.prefix(count))
    }

    /// Which document of a records file a file on disk is: the document whose path in a SQLite
    /// file's documents table is that file, or else the document id that the file's path, without
    /// its format's extensions, ends with (the longest: "reports/2019/a.txt" is "2019/a" rather than "a").
    public static func document(of file: SourceFile, among documents: Set<String>, sources: [String: String] = [:]) -> String? {
        if let byPath = sources.first(where: { $0.value == file.path })?.key { return byPath }
        var bare = Substring(file.path)
        for _ in 0..<file.format.extensions {
            if let dot = bare.lastIndex(of: "."), !bare[dot...].contains("/") { bare = bare[..<dot] }
        }
        return documents.filter { bare == $0 || bare.hasSuffix("/" + $0) }.max { $0.count < $1.count }
    }

    /// Where each document of a SQLite records file came from (its documents table: path and the
    /// line of a JSON-lines file); empty for JSON lines, which do not carry paths.
    public static func sources(in path: String) -> [String: (path: String, line: Int?)] {
        var database: OpaquePointer?
        guard sqlite3_open_v2(path, &database, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            sqlite3_close(database)
            return [:]
        }
        defer { sqlite3_close(database) }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, "SELECT doc, path, line FROM documents", -1, &statement, nil) == SQLITE_OK else { return [:] }
        defer { sqlite3_finalize(statement) }
        var result: [String: (path: String, line: Int?)] = [:]
        while sqlite3_step(statement) == SQLITE_ROW {
            let row = SQLiteRow(statement: statement)
            if let doc = row.text(0), let source = row.text(1) { result[doc] = (source, row.integer(2)) }
        }
        return result
    }
}
