/// Writes extraction results as JSON lines: the record contract researchers build on
/// (Schemas/record.schema.json describes it). One figure or date per line.
public struct RecordWriter: RecordRenderer {
    public var includeDates: Bool
    /// False for a date-only output (`--kinds dates`, `--dates-output`).
    public var includeFigures: Bool

    public init(includeDates: Bool = false, includeFigures: Bool = true) {
        self.includeDates = includeDates
        self.includeFigures = includeFigures
    }

    /// The record id of the n-th figure (0-based) of a document: "<doc>#<n+1>", stable across runs.
    public static func figureID(document: String, index: Int) -> String { "\(document)#\(index + 1)" }

    public func render(_ extraction: DocumentExtraction, of document: Document) -> [UInt8] {
        lines(for: extraction, meta: document.meta)
    }

    /// A document that could not be read, as a record: `{"kind":"error", "doc", "path", "line", "error"}`.
    public static func errorLine(_ failure: DocumentFailure) -> [UInt8] {
        let json = JSONBuffer(capacity: 256)
        json.raw("{\"kind\":\"error\"")
        json.key("doc"); json.string(failure.id)
        json.key("path"); json.string(failure.path)
        json.key("line"); if let line = failure.line { json.integer(line) } else { json.raw("null") }
        json.key("error"); json.string(failure.reason)
        json.raw("}\n")
        return json.bytes
    }

    /// A figure's `when`: `{"start", "end", "basis"}` or null.
    static func when(_ when: EventTime?, into json: JSONBuffer) {
        guard let when else { json.raw("null"); return }
        json.raw("{\"start\":"); json.date(when.start)
        json.raw(",\"end\":"); json.date(when.end)
        json.raw(",\"basis\":"); json.string(when.basis.rawValue)
        json.raw("}")
    }

    /// `meta`: the other fields of a JSON-lines document, as a JSON object's text, passed through to every record.
    public func lines(for extraction: DocumentExtraction, meta: String? = nil) -> [UInt8] {
        let json = JSONBuffer(capacity: 256 * (extraction.figures.count + 1))
        let doc = extraction.document
        // The document's id, quoted and escaped once, serves every record's doc, id and parent.
        let quoted = JSONBuffer(capacity: doc.utf8.count + 8)
        quoted.string(doc)
        let docBytes = quoted.bytes
        let docOpen = Array(docBytes.dropLast())
        let metaBytes = meta.map { Array($0.utf8) }
        func id(_ n: Int, _ prefix: StaticString = "#") {
            json.append(docOpen)
            json.raw(prefix)
            json.integer(n + 1)
            json.byte(0x22)
        }
        // Each figure is read where it lies (a figure copied out retained and released each of its strings).
        extraction.figures.withUnsafeBufferPointer { figures in
            for index in figures.indices where includeFigures {
                let figure = figures.baseAddress! + index
                json.raw("{\"kind\":\"figure\"")
                json.key("id"); id(extraction.firstFigure + index)
                json.key("doc"); json.append(docBytes)
                json.key("value"); json.integer(figure.pointee.value)
                json.key("text"); json.string(figure.pointee.text)
                json.key("start"); json.integer(figure.pointee.range.lowerBound)
                json.key("end"); json.integer(figure.pointee.range.upperBound)
                json.key("qualifier"); json.string(figure.pointee.qualifier.rawValue)
                json.key("category"); json.optionalString(figure.pointee.category)
                json.key("noun"); json.optionalString(figure.pointee.noun)
                json.key("parent"); if let parent = figure.pointee.parent { id(parent) } else { json.raw("null") }
                json.key("period")
                if let period = figure.pointee.period {
                    json.raw("{\"start\":"); json.date(period.start)
                    json.raw(",\"end\":"); json.date(period.end)
                    json.raw("}")
                } else { json.raw("null") }
                json.key("sentence")
                json.raw("{\"start\":"); json.integer(figure.pointee.sentence.lowerBound)
                json.raw(",\"end\":"); json.integer(figure.pointee.sentence.upperBound)
                json.raw("}")
                // Dates of documents and events (issue 10).
                json.key("doc_date"); json.date(extraction.documentDate)
                json.key("when"); RecordWriter.when(figure.pointee.when, into: json)
                json.key("cumulative"); json.bool(figure.pointee.cumulative)
                json.key("repeats"); if let earlier = figure.pointee.repeats { id(earlier) } else { json.raw("null") }
                // Who, where and according to whom (issue 9).
                json.raw(",\"actors\":[")
                for (n, actor) in figure.pointee.actors.enumerated() {
                    if n > 0 { json.byte(0x2C) }
                    json.linkedName(actor)
                }
                json.raw("],\"place\":"); if let place = figure.pointee.place { json.linkedName(place) } else { json.raw("null") }
                json.raw(",\"country\":"); json.optionalString(figure.pointee.country)
                json.raw(",\"source\":"); if let source = figure.pointee.source { json.linkedName(source) } else { json.raw("null") }
                if let metaBytes { json.key("meta"); json.append(metaBytes) }
                json.raw("}\n")
            }
        }
        if includeDates {
            for (index, date) in extraction.dates.enumerated() {
                json.raw("{\"kind\":\"date\"")
                json.key("id"); id(extraction.firstDate + index, "#d")
                json.key("doc"); json.append(docBytes)
                json.key("text"); json.string(date.text)
                json.key("start"); json.integer(date.range.lowerBound)
                json.key("end"); json.integer(date.range.upperBound)
                json.key("value"); json.date(date.value)
                json.key("calendar"); json.string(date.calendar.rawValue)
                json.key("relative"); json.bool(date.relative)
                if date.rangeStart != nil || date.rangeEnd != nil {
                    json.key("range_start"); json.date(date.rangeStart)
                    json.key("range_end"); json.date(date.rangeEnd)
                }
                json.key("doc_date"); json.date(extraction.documentDate)
                if let metaBytes { json.key("meta"); json.append(metaBytes) }
                json.raw("}\n")
            }
        }
        return json.bytes
    }
}
