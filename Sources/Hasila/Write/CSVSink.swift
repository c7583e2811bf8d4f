/// Records as CSV (RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma,
/// a quote or a line break). Figures and dates share one table; each column is a field of the
/// JSON record (`actors`, `place` and `source` by their keys, the actors joined by `;`), and a
/// field a kind of record lacks is left empty.
public final class CSVSink: RecordSink {
    public static let columns = ["kind", "id", "doc", "value", "text", "start", "end", "qualifier", "category", "noun", "parent",
                                 "period_start", "period_end", "sentence_start", "sentence_end", "calendar", "relative",
                                 "range_start", "range_end", "path", "line", "error", "meta",
                                 "doc_date", "when_start", "when_end", "when_basis", "cumulative", "repeats",
                                 "actors", "place", "country", "source"]
    let output: AtomicOutput
    let includeDates: Bool
    let includeFigures: Bool
    let inlineErrors: Bool

    /// The header row, with a byte order mark first when Excel is to show Arabic (`--excel`).
    public static func header(excel: Bool) -> [UInt8] {
        (excel ? [0xEF, 0xBB, 0xBF] : []) + Array((columns.joined(separator: ",") + "\r\n").utf8)
    }

    public init(output: AtomicOutput, includeDates: Bool, includeFigures: Bool = true, inlineErrors: Bool) {
        self.output = output
        self.includeDates = includeDates
        self.includeFigures = includeFigures
        self.inlineErrors = inlineErrors
    }

    public var renderer: RecordRenderer? { CSVRenderer(includeDates: includeDates, includeFigures: includeFigures) }

    public func write(rendered: [UInt8]) throws { try output.write(rendered) }

    public func write(_ extraction: DocumentExtraction, of document: Document) throws {
        try output.write(CSVRenderer(includeDates: includeDates, includeFigures: includeFigures).render(extraction, of: document))
    }

    public func write(_ failure: DocumentFailure) throws {
        guard inlineErrors else { return }
        var fields = ["kind": "error", "doc": failure.id, "path": failure.path, "error": failure.reason]
        fields["line"] = failure.line.map(String.init)
        try output.write(CSVRenderer.row(fields))
    }

    public func checkpoint(documents: Int) throws { try output.checkpoint(documents: documents) }
    public func finish() throws { try output.finish() }
}

/// One document's records as CSV rows.
struct CSVRenderer: RecordRenderer {
    let includeDates: Bool
    var includeFigures = true

    static func row(_ fields: [String: String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, column) in CSVSink.columns.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            guard let value = fields[column] else { continue }
            if value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                bytes.append(0x22)
                for byte in value.utf8 {
                    if byte == 0x22 { bytes.append(0x22) }
                    bytes.append(byte)
                }
                bytes.append(0x22)
            } else {
                bytes.append(contentsOf: value.utf8)
            }
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
        return bytes
    }

    func render(_ extraction: DocumentExtraction, of document: Document) -> [UInt8] {
        var bytes: [UInt8] = []
        let doc = extraction.document
        for (index, figure) in extraction.figures.enumerated() where includeFigures {
            var fields = ["kind": "figure", "id": RecordWriter.figureID(document: doc, index: extraction.firstFigure + index), "doc": doc,
                          "value": String(figure.value), "text": figure.text, "start": String(figure.range.lowerBound),
                          "end": String(figure.range.upperBound), "qualifier": figure.qualifier.rawValue,
                          "sentence_start": String(figure.sentence.lowerBound), "sentence_end": String(figure.sentence.upperBound)]
            fields["category"] = figure.category
            fields["noun"] = figure.noun
            fields["parent"] = figure.parent.map { RecordWriter.figureID(document: doc, index: $0) }
            fields["period_start"] = figure.period?.start?.description
            fields["period_end"] = figure.period?.end?.description
            // Keys only, the actors joined by ";": a spreadsheet filters on them; the spans are in the JSON lines.
            fields["actors"] = figure.actors.map(\.key).joined(separator: ";")
            fields["place"] = figure.place?.key
            fields["country"] = figure.country
            fields["source"] = figure.source?.key
            fields["meta"] = document.meta
            // Dates of documents and events (issue 10).
            fields["doc_date"] = extraction.documentDate?.description
            fields["when_start"] = figure.when?.start?.description
            fields["when_end"] = figure.when?.end?.description
            fields["when_basis"] = figure.when?.basis.rawValue
            fields["cumulative"] = figure.cumulative ? "true" : "false"
            fields["repeats"] = figure.repeats.map { RecordWriter.figureID(document: doc, index: $0) }
            bytes += CSVRenderer.row(fields)
        }
        if includeDates {
            for (index, date) in extraction.dates.enumerated() {
                var fields = ["kind": "date", "id": "\(doc)#d\(extraction.firstDate + index + 1)", "doc": doc, "text": date.text,
                              "start": String(date.range.lowerBound), "end": String(date.range.upperBound),
                              "calendar": date.calendar.rawValue, "relative": date.relative ? "true" : "false"]
                fields["value"] = date.value?.description
                fields["range_start"] = date.rangeStart?.description
                fields["range_end"] = date.rangeEnd?.description
                fields["meta"] = document.meta
                fields["doc_date"] = extraction.documentDate?.description
                bytes += CSVRenderer.row(fields)
            }
        }
        return bytes
    }
}
