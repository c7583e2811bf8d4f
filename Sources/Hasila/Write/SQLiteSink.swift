import CSQLite
import Foundation

/// Records in one SQLite database (through the system SQLite): tables documents, figures (with
/// their place, country and source as columns), figure_actors (one row per actor of a figure, in
/// order) and dates, indexed on doc, category, place, actor key and figure; written under a temporary name and renamed at the end,
/// one transaction per batch. Resumable: the documents already committed are counted.
///
/// No row is ever dropped or replaced: every insert is a plain INSERT (a conflict on a record id is
/// an error naming the record), each must change exactly one row, and at the end the rows in each
/// table must be the rows this run (and the run it resumed) inserted, or the output is refused.
public final class SQLiteSink: RecordSink {
    let path: String
    let partial: String
    private var database: OpaquePointer?
    private var insertDocument: OpaquePointer?
    private var updateDocument: OpaquePointer?
    private var insertFigure: OpaquePointer?
    private var insertActor: OpaquePointer?
    private var insertDate: OpaquePointer?
    private var insertError: OpaquePointer?
    let includeDates: Bool
    /// False for `--kinds dates`: the figures table stays empty.
    let includeFigures: Bool
    /// Rows inserted into each table, with those already in a resumed database: checked against
    /// the tables at the end.
    public private(set) var rows: [String: Int] = [:]
    static let tables = ["documents", "figures", "figure_actors", "dates", "errors"]
    /// Columns of the figures table, as its CREATE TABLE lists them: one placeholder each in the insert.
    static let figureColumns = 28
    /// Documents (and failures) already in a resumed database.
    public private(set) var resumedDocuments = 0

    public init(path: String, includeDates: Bool, includeFigures: Bool = true, resume: Bool) throws {
        self.path = path
        self.partial = path + ".partial"
        self.includeDates = includeDates
        self.includeFigures = includeFigures
        if !resume { try? FileManager.default.removeItem(atPath: partial) }
        guard sqlite3_open(partial, &database) == SQLITE_OK else { throw HasilaError.unwritable(path: partial, reason: message()) }
        try execute("""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS documents (doc TEXT PRIMARY KEY, path TEXT, line INTEGER, meta TEXT, figures INTEGER, dates INTEGER,
                date TEXT);
            CREATE TABLE IF NOT EXISTS figures (id TEXT PRIMARY KEY, doc TEXT NOT NULL, value INTEGER NOT NULL, text TEXT NOT NULL,
                start INTEGER NOT NULL, "end" INTEGER NOT NULL, qualifier TEXT NOT NULL, category TEXT, noun TEXT, parent TEXT,
                period_start TEXT, period_end TEXT, sentence_start INTEGER, sentence_end INTEGER,
                when_start TEXT, when_end TEXT, when_basis TEXT, cumulative INTEGER NOT NULL, repeats TEXT,
                place_key TEXT, place_text TEXT, place_start INTEGER, place_end INTEGER, country TEXT,
                source_key TEXT, source_text TEXT, source_start INTEGER, source_end INTEGER);
            CREATE TABLE IF NOT EXISTS figure_actors (figure_id TEXT NOT NULL, position INTEGER NOT NULL, key TEXT NOT NULL,
                text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, PRIMARY KEY (figure_id, position));
            CREATE TABLE IF NOT EXISTS dates (id TEXT PRIMARY KEY, doc TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL,
                "end" INTEGER NOT NULL, value TEXT, calendar TEXT NOT NULL, relative INTEGER NOT NULL, range_start TEXT, range_end TEXT);
            CREATE TABLE IF NOT EXISTS errors (doc TEXT, path TEXT, line INTEGER, error TEXT);
            CREATE TABLE IF NOT EXISTS progress (documents INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS figures_doc ON figures(doc);
            CREATE INDEX IF NOT EXISTS figures_category ON figures(category);
            CREATE INDEX IF NOT EXISTS figures_place ON figures(place_key);
            CREATE INDEX IF NOT EXISTS figure_actors_key ON figure_actors(key);
            CREATE INDEX IF NOT EXISTS figure_actors_figure ON figure_actors(figure_id);
            CREATE INDEX IF NOT EXISTS dates_doc ON dates(doc);
            CREATE INDEX IF NOT EXISTS figures_when ON figures(when_start);
            """)
        if resume { resumedDocuments = try count("SELECT COALESCE(MAX(documents), 0) FROM progress") }
        for table in Self.tables { rows[table] = try count("SELECT count(*) FROM \(table)") }
        insertDocument = try prepare("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)")
        updateDocument = try prepare("UPDATE documents SET figures = ?, dates = ? WHERE doc = ?")
        insertFigure = try prepare("INSERT INTO figures VALUES (" + Array(repeating: "?", count: Self.figureColumns).joined(separator: ", ") + ")")
        insertActor = try prepare("INSERT INTO figure_actors VALUES (?, ?, ?, ?, ?, ?)")
        insertDate = try prepare("INSERT INTO dates VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        insertError = try prepare("INSERT INTO errors VALUES (?, ?, ?, ?)")
        try execute("BEGIN")
    }

    deinit {
        for statement in [insertDocument, updateDocument, insertFigure, insertActor, insertDate, insertError] { sqlite3_finalize(statement) }
        sqlite3_close(database)
    }

    private func message() -> String { database.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open" }

    /// Runs SQL that returns no rows (internal for the tests, which tamper with a database through it).
    func execute(_ sql: String) throws {
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
    /// `table`: where a row is inserted, counted when it is (nil for an update).
    private func run(_ statement: OpaquePointer?, _ values: [Any?], into table: String? = nil, record: @autoclosure () -> String) throws {
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
        guard let table else { return }
        guard sqlite3_changes(database) == 1 else {
            throw HasilaError.unwritable(path: partial, reason: "\(record()) was not inserted into \(table) (\(sqlite3_changes(database)) rows changed); no row may be dropped")
        }
        rows[table, default: 0] += 1
    }

    public var renderer: RecordRenderer? { nil }

    public func write(rendered: [UInt8]) throws {}

    public func write(_ extraction: DocumentExtraction, of document: Document) throws {
        let doc = extraction.document
        // A long document comes in sections: its row is written with the first, and its counts updated with each next one.
        let figures = includeFigures ? extraction.firstFigure + extraction.figures.count : nil
        let dates = includeDates ? extraction.firstDate + extraction.dates.count : nil
        if (document.section?.index ?? 0) == 0 {
            try run(insertDocument, [doc, document.path, document.line, document.meta, figures, dates,
                                     extraction.documentDate?.description], into: "documents", record: "document \(doc)")
        } else {
            try run(updateDocument, [figures, dates, doc], record: "document \(doc)")
        }
        for (index, figure) in extraction.figures.enumerated() where includeFigures {
            let id = RecordWriter.figureID(document: doc, index: extraction.firstFigure + index)
            try run(insertFigure, [id, doc, figure.value, figure.text,
                                   figure.range.lowerBound, figure.range.upperBound, figure.qualifier.rawValue, figure.category, figure.noun,
                                   figure.parent.map { RecordWriter.figureID(document: doc, index: $0) },
                                   figure.period?.start?.description, figure.period?.end?.description,
                                   figure.sentence.lowerBound, figure.sentence.upperBound,
                                   figure.when?.start?.description, figure.when?.end?.description, figure.when?.basis.rawValue,
                                   figure.cumulative ? 1 : 0, figure.repeats.map { RecordWriter.figureID(document: doc, index: $0) },
                                   figure.place?.key, figure.place?.text, figure.place?.range.lowerBound, figure.place?.range.upperBound,
                                   figure.country,
                                   figure.source?.key, figure.source?.text, figure.source?.range.lowerBound, figure.source?.range.upperBound],
                    into: "figures", record: "figure \(id) (\(document.path))")
            for (position, actor) in figure.actors.enumerated() {
                try run(insertActor, [id, position + 1, actor.key, actor.text, actor.range.lowerBound, actor.range.upperBound],
                        into: "figure_actors", record: "actor \(position + 1) of figure \(id) (\(document.path))")
            }
        }
        guard includeDates else { return }
        for (index, date) in extraction.dates.enumerated() {
            let id = "\(doc)#d\(extraction.firstDate + index + 1)"
            try run(insertDate, [id, doc, date.text, date.range.lowerBound, date.range.upperBound,
                                 date.value?.description, date.calendar.rawValue, date.relative ? 1 : 0,
                                 date.rangeStart?.description, date.rangeEnd?.description], into: "dates", record: "date \(id) (\(document.path))")
        }
    }

    public func write(_ failure: DocumentFailure) throws {
        try run(insertError, [failure.id, failure.path, failure.line, failure.reason], into: "errors", record: "error of \(failure.id)")
    }

    public func checkpoint(documents: Int) throws {
        try execute("DELETE FROM progress; INSERT INTO progress VALUES (\(documents)); COMMIT; BEGIN")
    }

    public func finish() throws {
        try execute("COMMIT")
        // Every row inserted is there, and no other: anything else (a trigger, another writer) is an error.
        for table in Self.tables {
            let found = try count("SELECT count(*) FROM \(table)")
            guard found == rows[table, default: 0] else {
                throw HasilaError.unwritable(path: partial, reason: "the table \(table) holds \(found) rows where \(rows[table, default: 0]) were written; "
                                             + "the database is left under this name for inspection")
            }
        }
        try execute("DROP TABLE progress;")
        for statement in [insertDocument, updateDocument, insertFigure, insertActor, insertDate, insertError] { sqlite3_finalize(statement) }
        insertDocument = nil; updateDocument = nil; insertFigure = nil; insertActor = nil; insertDate = nil; insertError = nil
        try execute("PRAGMA journal_mode = DELETE;")
        sqlite3_close(database)
        database = nil
        try OutputTarget.replace(path, with: partial)
    }
}
