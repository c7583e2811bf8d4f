/// A record as `hasila show` prints it: its fields one a line, and its sentence with its span
/// marked, from the document's text at exactly the record's code points.
public enum RecordDisplay {
    /// The fields a researcher reads, in the order of a JSON record, as name and value.
    public static func fields(_ record: ReportRecord) -> [(name: String, value: String)] {
        var fields: [(String, String)] = [("id", record.id), ("kind", record.kind.rawValue), ("doc", record.doc)]
        switch record.kind {
        case .figure:
            fields.append(("value", String(record.value)))
        case .date:
            fields.append(("value", record.dateValue ?? "null (not resolved)"))
        }
        fields.append(("text", record.text))
        fields.append(("span", "\(record.start)..<\(record.end) (code points)"))
        if let qualifier = record.qualifier { fields.append(("qualifier", qualifier)) }
        if record.kind == .figure {
            fields.append(("category", record.category ?? "null (not decided)"))
            if let noun = record.noun { fields.append(("noun", noun)) }
            if let parent = record.parent { fields.append(("parent", parent)) }
            if record.periodStart != nil || record.periodEnd != nil {
                fields.append(("period", "\(record.periodStart ?? "…") to \(record.periodEnd ?? "…")"))
            }
        }
        if let calendar = record.calendar { fields.append(("calendar", calendar)) }
        if record.kind == .date { fields.append(("relative", record.relative ? "true" : "false")) }
        if let place = record.place { fields.append(("place", place)) }
        if !record.actors.isEmpty { fields.append(("actors", record.actors.joined(separator: ", "))) }
        if let source = record.source { fields.append(("source", source)) }
        if let country = record.country { fields.append(("country", country)) }
        return fields
    }

    /// Whether a code point ends a sentence when a record does not say where its sentence is (a date): the
    /// tokenizer's sentence ends, and a line break.
    static func endsSentence(_ code: UInt32) -> Bool { code == 0x0A || Tokenizer.endsSentence(code) }

    /// The record's sentence: the one it carries, or else from the end of the sentence before
    /// its span to the end of its own (at most `reach` code points either side).
    public static func sentence(of record: ReportRecord, in text: [UInt32], reach: Int = 600) -> Range<Int> {
        if let start = record.sentenceStart, let end = record.sentenceEnd, 0 <= start, start <= record.start,
           record.end <= end, end <= text.count {
            return start..<end
        }
        let floor = max(0, record.start - reach), ceiling = min(text.count, record.end + reach)
        var start = min(max(record.start, 0), text.count)
        while start > floor, !endsSentence(text[start - 1]) { start -= 1 }
        while start < record.start, text[start] == 0x20 || text[start] == 0x0A { start += 1 }
        var end = min(max(record.end, start), text.count)
        while end < ceiling, !endsSentence(text[end]) { end += 1 }
        if end < text.count, text[end] != 0x0A { end += 1 }
        return start..<end
    }

    /// Whether the document's text holds the record's text at its span (else --texts is not what
    /// the records were extracted from, or the text was read another way).
    public static func matches(_ record: ReportRecord, in text: [UInt32]) -> Bool {
        record.start >= 0 && record.start <= record.end && record.end <= text.count
            && text[record.start..<record.end].elementsEqual(record.text.unicodeScalars.lazy.map(\.value))
    }

    /// The sentence with the record's span between `open` and `close` (brackets, or terminal colours).
    public static func marked(_ record: ReportRecord, in text: [UInt32], sentence: Range<Int>, open: String, close: String) -> String {
        func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text[range].compactMap(Unicode.Scalar.init))
            return String(view)
        }
        return string(sentence.lowerBound..<record.start) + open + string(record.start..<record.end) + close
            + string(record.end..<sentence.upperBound)
    }
}
