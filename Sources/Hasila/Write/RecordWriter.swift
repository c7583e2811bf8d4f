/// Writes extraction results as JSON lines: the record contract researchers build on
/// (Schemas/record.schema.json describes it). One figure or date per line.
public struct RecordWriter: RecordRenderer {
    public var includeDates: Bool

    public init(includeDates: Bool = false) { self.includeDates = includeDates }

    /// The record id of the n-th figure (0-based) of a document: "<doc>#<n+1>", stable across runs.
    public static func figureID(document: String, index: Int) -> String { "\(document)#\(index + 1)" }

    public func render(_ extraction: DocumentExtraction, of document: Document) -> [UInt8] {
        lines(for: extraction, meta: document.meta)
    }

    /// A document that could not be read, as a record: `{"kind":"error", "doc", "path", "line", "error"}`.
    public static func errorLine(_ failure: DocumentFailure) -> [UInt8] {
        var json = JSONBuffer(capacity: 256)
        json.raw("{\"kind\":\"error\"")
        json.key("doc"); json.string(failure.id)
        json.key("path"); json.string(failure.path)
        json.key("line"); if let line = failure.line { json.integer(line) } else { json.raw("null") }
        json.key("error"); json.string(failure.reason)
        json.raw("}\n")
        return json.bytes
    }

    /// `meta`: the other fields of a JSON-lines document, as a JSON object's text, passed through to every record.
    public func lines(for extraction: DocumentExtraction, meta: String? = nil) -> [UInt8] {
        var json = JSONBuffer()
        let doc = extraction.document
        for (index, figure) in extraction.figures.enumerated() {
            json.raw("{\"kind\":\"figure\"")
            json.key("id"); json.string(RecordWriter.figureID(document: doc, index: index))
            json.key("doc"); json.string(doc)
            json.key("value"); json.integer(figure.value)
            json.key("text"); json.string(figure.text)
            json.key("start"); json.integer(figure.range.lowerBound)
            json.key("end"); json.integer(figure.range.upperBound)
            json.key("qualifier"); json.string(figure.qualifier.rawValue)
            json.key("category"); json.optionalString(figure.category)
            json.key("noun"); json.optionalString(figure.noun)
            json.key("parent"); json.optionalString(figure.parent.map { RecordWriter.figureID(document: doc, index: $0) })
            json.key("period")
            if let period = figure.period {
                json.raw("{\"start\":"); json.optionalString(period.start?.description)
                json.raw(",\"end\":"); json.optionalString(period.end?.description)
                json.raw("}")
            } else { json.raw("null") }
            json.key("sentence")
            json.raw("{\"start\":"); json.integer(figure.sentence.lowerBound)
            json.raw(",\"end\":"); json.integer(figure.sentence.upperBound)
            json.raw("}")
            if let meta { json.key("meta"); json.bytes.append(contentsOf: meta.utf8) }
            json.raw("}\n")
        }
        if includeDates {
            for (index, date) in extraction.dates.enumerated() {
                json.raw("{\"kind\":\"date\"")
                json.key("id"); json.string("\(doc)#d\(index + 1)")
                json.key("doc"); json.string(doc)
                json.key("text"); json.string(date.text)
                json.key("start"); json.integer(date.range.lowerBound)
                json.key("end"); json.integer(date.range.upperBound)
                json.key("value"); json.optionalString(date.value?.description)
                json.key("calendar"); json.string(date.calendar.rawValue)
                json.key("relative"); json.bool(date.relative)
                if date.rangeStart != nil || date.rangeEnd != nil {
                    json.key("range_start"); json.optionalString(date.rangeStart?.description)
                    json.key("range_end"); json.optionalString(date.rangeEnd?.description)
                }
                if let meta { json.key("meta"); json.bytes.append(contentsOf: meta.utf8) }
                json.raw("}\n")
            }
        }
        return json.bytes
    }
}
