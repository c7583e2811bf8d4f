import CSQLite
import Foundation

/// Records in one SQLite database (through the system SQLite): tables documents, figures and
/// dates, indexed on doc and category; written under a temporary name and renamed at the end,
/// one transaction per batch. Resumable: the documents already committed are counted.
public final class SQLiteSink: RecordSink {
    let path: String
    let partial: String
    private var database: OpaquePointer?
    private var insertDocument: OpaquePointer?
    private var updateDocument: OpaquePointer?
    private var insertFigure: OpaquePointer?
    private var insertDate: OpaquePointer?
    private var insertError: OpaquePointer?
    let includeDates: Bool
    /// Documents (and failures) already in a resumed database.
    public private(set) var resumedDocuments = 0

    public init(path: String, includeDates: Bool, resume: Bool) throws {
        self.path = path
        self.partial = path + ".partial"
        self.includeDates = includeDates
        if !resume { try? FileManager.default.removeItem(atPath: partial) }
        guard sqlite3_open(partial, &database) == SQLITE_OK else { throw HasilaError.unwritable(path: partial, reason: message()) }
        try execute("""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS documents (doc TEXT PRIMARY KEY, path TEXT, line INTEGER, meta TEXT, figures INTEGER, dates INTEGER,
                date TEXT);
            CREATE TABLE IF NOT EXISTS figures (id TEXT PRIMARY KEY, doc TEXT NOT NULL, value INTEGER NOT NULL, text TEXT NOT NULL,
                start INTEGER NOT NULL, "end" INTEGER NOT NULL, qualifier TEXT NOT NULL, category TEXT, noun TEXT, parent TEXT,
                period_start TEXT, period_end TEXT, sentence_start INTEGER, sentence_end INTEGER,
                when_start TEXT, when_end TEXT, when_basis TEXT, cumulative INTEGER NOT NULL, repeats TEXT);
            CREATE TABLE IF NOT EXISTS dates (id TEXT PRIMARY KEY, doc TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL,
                "end" INTEGER NOT NULL, value TEXT, calendar TEXT NOT NULL, relative INTEGER NOT NULL, range_start TEXT, range_end TEXT);
            CREATE TABLE IF NOT EXISTS errors (doc TEXT, path TEXT, line INTEGER, error TEXT);
            CREATE TABLE IF NOT EXISTS progress (documents INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS figures_doc ON figures(doc);
            CREATE INDEX IF NOT EXISTS figures_category ON figures(category);
            CREATE INDEX IF NOT EXISTS dates_doc ON dates(doc);
            CREATE INDEX IF NOT EXISTS figures_when ON figures(when_start);
            """)
        if resume { resumedDocuments = try count("SELECT COALESCE(MAX(documents), 0) FROM progress") }
        insertDocument = try prepare("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)")
        updateDocument = try prepare("UPDATE documents SET figures = ?, dates = ? WHERE doc = ?")
        insertFigure = try prepare("INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        insertDate = try prepare("INSERT INTO dates VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        insertError = try prepare("INSERT INTO errors VALUES (?, ?, ?, ?)")
        try execute("BEGIN")
    }

    deinit {
        for statement in [insertDocument, updateDocument, insertFigure, insertDate, insertError] { sqlite3_finalize(statement) }
        sqlite3_close(database)
    }

    private func message() -> String { database.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open" }

    private func execute(_ sql: String) throws {
        guard sqlite3_exec(database, sql, nil, nil, nil) == SQLITE_OK else { throw HasilaError.unwritable(path: partial, reason: message()) }
    }

    private func prepare(_ sql: String) throws -> OpaquePointer? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else { throw HasilaError.unwritable(path: partial, reason: message()) }
        return statement
    }

    private func count(_ sql: String) throws -> Int {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW else { return 0 }
        return Int(sqlite3_column_int64(statement, 0))
    }

    /// Binds values (String, Int, nil) and runs the statement once. A row is never replaced or
    /// dropped: a conflict (a record id already in the database) is an error naming `record`.
    private func run(_ statement: OpaquePointer?, _ values: [Any?], record: @autoclosure () -> String) throws {
        sqlite3_reset(statement)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case let text as String: sqlite3_bind_text(statement, position, text, -1, transient)
            case let number as Int: sqlite3_bind_int64(statement, position, Int64(number))
            default: sqlite3_bind_null(statement, position)
            }
        }
        let result = sqlite3_step(statement)
        if result == SQLITE_CONSTRAINT {
            throw HasilaError.unwritable(path: partial, reason: "\(record()) is already in the database (\(message())); no row is replaced")
        }
        guard result == SQLITE_DONE else { throw HasilaError.unwritable(path: partial, reason: "\(record()): \(message())") }
    }

    public var renderer: RecordRenderer? { nil }

    public func write(rendered: [UInt8]) throws {}

    public func write(_ extraction: DocumentExtraction, of document: Document) throws {
        let doc = extraction.document
        // A long document comes in sections: its row is written with the first, and its counts updated with each next one.
        let figures = extraction.firstFigure + extraction.figures.count
        let dates = includeDates ? extraction.firstDate + extraction.dates.count : nil
        if (document.section?.index ?? 0) == 0 {
            try run(insertDocument, [doc, document.path, document.line, document.meta, figures, dates,
                                     extraction.documentDate?.description], record: "document \(doc)")
        } else {
            try run(updateDocument, [figures, dates, doc], record: "document \(doc)")
        }
        for (index, figure) in extraction.figures.enumerated() {
            let id = RecordWriter.figureID(document: doc, index: extraction.firstFigure + index)
            try run(insertFigure, [id, doc, figure.value, figure.text,
                                   figure.range.lowerBound, figure.range.upperBound, figure.qualifier.rawValue, figure.category, figure.noun,
                                   figure.parent.map { RecordWriter.figureID(document: doc, index: $0) },
                                   figure.period?.start?.description, figure.period?.end?.description,
                                   figure.sentence.lowerBound, figure.sentence.upperBound,
                                   figure.when?.start?.description, figure.when?.end?.description, figure.when?.basis.rawValue,
                                   figure.cumulative ? 1 : 0, figure.repeats.map { RecordWriter.figureID(document: doc, index: $0) }],
                    record: "figure \(id) (\(document.path))")
        }
        guard includeDates else { return }
        for (index, date) in extraction.dates.enumerated() {
            let id = "\(doc)#d\(extraction.firstDate + index + 1)"
            try run(insertDate, [id, doc, date.text, date.range.lowerBound, date.range.upperBound,
                                 date.value?.description, date.calendar.rawValue, date.relative ? 1 : 0,
                                 date.rangeStart?.description, date.rangeEnd?.description], record: "date \(id) (\(document.path))")
        }
    }

    public func write(_ failure: DocumentFailure) throws {
        try run(insertError, [failure.id, failure.path, failure.line, failure.reason], record: "error of \(failure.id)")
    }

    public func checkpoint(documents: Int) throws {
        try execute("DELETE FROM progress; INSERT INTO progress VALUES (\(documents)); COMMIT; BEGIN")
    }

    public func finish() throws {
        try execute("COMMIT; DROP TABLE progress;")
        for statement in [insertDocument, updateDocument, insertFigure, insertDate, insertError] { sqlite3_finalize(statement) }
        insertDocument = nil; updateDocument = nil; insertFigure = nil; insertDate = nil; insertError = nil
        try execute("PRAGMA journal_mode = DELETE;")
        sqlite3_close(database)
        database = nil
        try OutputTarget.replace(path, with: partial)
    }
}
