/// The attributes that carry a record into the page: its id (the URL fragment that opens at
/// it), a colour class, and its fields as data attributes the page's script shows on hover or
/// focus and filters on.
enum RecordMarkup {
    /// `flagged`: the record is listed, not highlighted (class `flagged`), as a record that
    /// cannot be placed in its text.
    static func attributes(_ record: ReportRecord, palette: CategoryPalette, flagged: Bool = false, into html: HTMLBuffer) {
        let extra = flagged ? " flagged" : ""
        html.raw(" id=\""); html.attribute(record.id); html.raw("\" tabindex=\"0\"")
        switch record.kind {
        case .figure:
            html.raw(" class=\"fig ")
            if let slot = palette.slot(record.mainCategory) { html.raw("c\(slot)") } else { html.raw("cnull") }
            html.raw(extra)
            html.raw("\" data-v=\""); html.integer(record.value)
            html.raw("\" data-q=\""); html.attribute(record.qualifier ?? "")
            html.raw("\" data-cat=\""); html.attribute(record.category ?? "")
            html.raw("\"")
            optional("noun", record.noun, html)
            optional("parent", record.parent, html)
            if record.periodStart != nil || record.periodEnd != nil {
                optional("period", "\(record.periodStart ?? "…") – \(record.periodEnd ?? "…")", html)
            }
            optional("place", record.place, html)
            optional("actors", record.actors.isEmpty ? nil : record.actors.joined(separator: ", "), html)
            optional("source", record.source, html)
            optional("country", record.country, html)
        case .date:
            html.raw(" class=\"date\(extra)\" data-v=\""); html.attribute(record.dateValue ?? "")
            html.raw("\" data-cal=\""); html.attribute(record.calendar ?? "")
            html.raw("\" data-rel=\""); html.raw(record.relative ? "yes" : "no")
            html.raw("\"")
        }
    }

    private static func optional(_ name: String, _ value: String?, _ html: HTMLBuffer) {
        guard let value else { return }
        html.raw(" data-\(name)=\""); html.attribute(value); html.raw("\"")
    }
}
