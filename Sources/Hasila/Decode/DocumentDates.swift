import Foundation

/// The dates of documents from a manifest (`--doc-dates FILE`), the shape scraped archives come
/// with: document id → date.
///
/// Three formats, told apart by the file's extension or, failing that, its first line:
/// - TSV (`.tsv`, or a header with a tab) and CSV (`.csv`, RFC 4180 quoting): a header row, the
///   columns `id` and `date` found by name among any others (`id path record newspaper date`);
/// - JSON lines (`.jsonl`, `.ndjson`, `.json`, or a first line opening with `{`): `{"id", "date"}`.
///
/// A date is `YYYY-MM-DD`, optionally with a time after a space or `T` ("2015-07-22 10:04:16"),
/// which is dropped; an empty date (or `null`) gives that document none. Anything else on a line
/// (a bad date, a missing field, an id given twice with two dates) stops the run with an error
/// naming the file and the line: a date silently lost would shift a time series.
public struct DocumentDates: Sendable {
    public let dates: [String: DateValue]
    public let path: String

    public init(dates: [String: DateValue], path: String = "") {
        self.dates = dates
        self.path = path
    }

    public subscript(id: String) -> DateValue? { dates[id] }

    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HasilaError.unreadableFile(path: path, reason: "the --doc-dates manifest cannot be opened")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw HasilaError.badManifest(path: path, line: 0, reason: "not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        self.path = path
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        let lower = path.lowercased()
        let firstLine = lines.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        let jsonLines = [".jsonl", ".ndjson", ".json"].contains { lower.hasSuffix($0) }
            || (![".tsv", ".csv"].contains { lower.hasSuffix($0) } && firstLine.hasPrefix("{"))
        var dates: [String: DateValue] = [:]
        func add(_ id: String, _ given: String?, line: Int) throws {
            guard !id.isEmpty else { throw HasilaError.badManifest(path: path, line: line, reason: "empty id") }
            guard let given, !given.trimmingCharacters(in: .whitespaces).isEmpty else { return }
            guard let date = DateValue(documentDate: given) else {
                throw HasilaError.badManifest(path: path, line: line, reason: "date \"\(given)\" of \"\(id)\" is not YYYY-MM-DD (with an optional time)")
            }
            if let earlier = dates[id], earlier != date {
                throw HasilaError.badManifest(path: path, line: line, reason: "\"\(id)\" was given the date \(earlier) earlier in the file, here \(date)")
            }
            dates[id] = date
        }
        if jsonLines {
            for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw HasilaError.badManifest(path: path, line: index + 1, reason: "not a JSON object")
                }
                let id: String
                if let text = object["id"] as? String { id = text } else if let number = object["id"] as? NSNumber { id = number.stringValue } else {
                    throw HasilaError.badManifest(path: path, line: index + 1, reason: "no \"id\" string")
                }
                if let value = object["date"], !(value is NSNull), !(value is String) {
                    throw HasilaError.badManifest(path: path, line: index + 1, reason: "\"date\" of \"\(id)\" is not a string")
                }
                try add(id, object["date"] as? String, line: index + 1)
            }
        } else {
            let tabs = lower.hasSuffix(".tsv") || (!lower.hasSuffix(".csv") && firstLine.contains("\t"))
            guard let headerIndex = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw HasilaError.badManifest(path: path, line: 0, reason: "empty: expected a header row with the columns id and date")
            }
            let header = try DocumentDates.fields(lines[headerIndex], tabs: tabs, path: path, line: headerIndex + 1)
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let idColumn = header.firstIndex(of: "id"), let dateColumn = header.firstIndex(of: "date") else {
                throw HasilaError.badManifest(path: path, line: headerIndex + 1,
                                              reason: "the header row must name the columns id and date (found: \(header.joined(separator: ", ")))")
            }
            for index in (headerIndex + 1)..<lines.count where !lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
                let fields = try DocumentDates.fields(lines[index], tabs: tabs, path: path, line: index + 1)
                guard fields.count == header.count else {
                    throw HasilaError.badManifest(path: path, line: index + 1, reason: "\(fields.count) fields where the header has \(header.count)")
                }
                try add(fields[idColumn], fields[dateColumn], line: index + 1)
            }
        }
        self.dates = dates
    }

    /// The fields of one line: split at tabs (TSV), or at commas outside double quotes (CSV, "" a quote).
    static func fields(_ line: String, tabs: Bool, path: String, line number: Int) throws -> [String] {
        if tabs { return line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        if quoted { throw HasilaError.badManifest(path: path, line: number, reason: "a quoted field is not closed on its line") }
        fields.append(field)
        return fields
    }
}
