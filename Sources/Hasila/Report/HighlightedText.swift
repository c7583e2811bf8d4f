/// Writes a document's text with each record's span wrapped in a `<mark>` carrying the record,
/// at exactly its `start` and `end` code points. A record whose text is not what the document
/// holds there, whose span lies outside the text, or whose span crosses another's edge (marks
/// must nest), is not highlighted but returned, to be listed: never moved to where its text
/// might be.
enum HighlightedText {
    static func write(_ scalars: [UInt32], records: [ReportRecord], palette: CategoryPalette, into html: HTMLBuffer) -> [FlaggedRecord] {
        var flagged: [FlaggedRecord] = []
        var placed: [(order: Int, record: ReportRecord)] = []
        for (order, record) in records.enumerated() {
            guard record.start >= 0, record.start < record.end, record.end <= scalars.count else {
                flagged.append(FlaggedRecord(record: record, reason: .outOfRange))
                continue
            }
            let span = scalars[record.start..<record.end]
            guard span.elementsEqual(record.text.unicodeScalars.lazy.map(\.value)) else {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: span.compactMap(Unicode.Scalar.init))
                flagged.append(FlaggedRecord(record: record, reason: .mismatch, found: String(view)))
                continue
            }
            placed.append((order, record))
        }
        // Outer spans first: by start, the longer first, then as written.
        placed.sort { a, b in
            if a.record.start != b.record.start { return a.record.start < b.record.start }
            if a.record.end != b.record.end { return a.record.end > b.record.end }
            return a.order < b.order
        }
        scalars.withUnsafeBufferPointer { text in
            var cursor = 0
            var open: [ReportRecord] = []
            func close(upTo position: Int) {
                while let last = open.last, last.end <= position {
                    html.text(text, cursor..<last.end)
                    html.raw("</mark>")
                    cursor = last.end
                    open.removeLast()
                }
            }
            for (_, record) in placed {
                close(upTo: record.start)
                if let outer = open.last, record.end > outer.end {
                    flagged.append(FlaggedRecord(record: record, reason: .overlap, found: outer.id))
                    continue
                }
                html.text(text, cursor..<record.start)
                cursor = record.start
                html.raw("<mark")
                RecordMarkup.attributes(record, palette: palette, into: html)
                html.raw(">")
                open.append(record)
            }
            close(upTo: Int.max)
            html.text(text, cursor..<text.count)
        }
        // Listed in the order the records were written.
        let order = Dictionary(records.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return flagged.sorted { (order[$0.record.id] ?? 0) < (order[$1.record.id] ?? 0) }
    }
}
