/// The report as one self-contained HTML page: an overview of aggregates (totals, charts of
/// figures by category and by month, tables by place, actor and source when the records carry
/// them, the documents with the most figures, what was skipped) and a review of each document's
/// text with its figures and dates highlighted. Style, script and charts are inline; nothing is
/// fetched. The same inputs give the same bytes: every list is sorted, no clock is read.
public struct ReportPage {
    public let overview: ArchiveOverview
    public let reviewed: [ReviewedDocument]
    /// Documents the texts hold that gave no record at all.
    public let withoutRecords: [String]
    /// Whether --texts was given (without it the review lists records only).
    public let textsGiven: Bool
    public let maxDocs: Int

    public init(overview: ArchiveOverview, reviewed: [ReviewedDocument], withoutRecords: [String], textsGiven: Bool, maxDocs: Int) {
        self.overview = overview
        self.reviewed = reviewed
        self.withoutRecords = withoutRecords
        self.textsGiven = textsGiven
        self.maxDocs = maxDocs
    }

    /// How many rows a key table shows before summing the rest into one.
    static let tableRows = 25
    /// How many names a list of documents shows.
    static let listRows = 50
    /// Beyond this many months the time series counts by year.
    static let monthlyLimit = 240

    var palette: CategoryPalette { CategoryPalette(mains: overview.categories.keys.map { $0.split(separator: ".").first.map(String.init) ?? $0 }) }

    public func render() -> [UInt8] {
        let palette = self.palette
        // The review first: the records it cannot highlight are listed in the overview too.
        let review = HTMLBuffer(capacity: 1 << 20)
        var flagged: [(document: Int, flag: FlaggedRecord)] = []
        for (index, document) in reviewed.enumerated() {
            for flag in writeDocument(document, index: index, palette: palette, into: review) { flagged.append((index, flag)) }
        }
        let html = HTMLBuffer(capacity: review.bytes.count + (1 << 16))
        html.raw("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<meta name=\"generator\" content=\"hasila \(HasilaVersion.string)\">\n<title>Hasila report</title>\n<style>\n")
        html.raw(ReportStyle.css)
        for slot in 0..<CategoryPalette.slots {
            html.raw("mark.c\(slot){background:\(CategoryPalette.light[slot]);border-bottom-color:\(CategoryPalette.strong[slot])}\n")
            html.raw(".swatch.c\(slot){background:\(CategoryPalette.light[slot]);border-color:\(CategoryPalette.strong[slot])}\n")
        }
        html.raw("</style>\n</head>\n<body>\n<header class=\"top\"><h1>Hasila report</h1><nav><a href=\"#hasila-overview\">Overview</a> · <a href=\"#hasila-review\">Review</a></nav></header>\n<main>\n")
        writeOverview(into: html, palette: palette, flagged: flagged)
        html.raw("<section id=\"hasila-review\">\n<h2>Review</h2>\n")
        writeReviewHeader(into: html, palette: palette)
        html.raw("<div class=\"review-body\"><div id=\"hasila-docs\">\n")
        html.append(review)
        html.raw("</div>\n<aside id=\"hasila-panel\" aria-live=\"polite\"><p class=\"hint\">Hover over or focus (Tab) a highlighted figure or date to see its record here.</p></aside></div>\n")
        html.raw("<nav class=\"pager\" id=\"hasila-pager-bottom\"></nav>\n</section>\n</main>\n<script>\n")
        html.raw(ReportScript.javascript)
        html.raw("</script>\n</body>\n</html>\n")
        return html.bytes
    }

    // MARK: overview

    private func writeOverview(into html: HTMLBuffer, palette: CategoryPalette, flagged: [(document: Int, flag: FlaggedRecord)]) {
        let count = SVGNumber.count
        let documents = Set(overview.documents).union(withoutRecords).union(overview.skipped.map(\.doc)).count
        html.raw("<section id=\"hasila-overview\">\n<h2>Overview</h2>\n<dl class=\"totals\">")
        func total(_ name: String, _ value: Int, _ note: String = "") {
            html.raw("<div><dt>"); html.text(name); html.raw("</dt><dd>\(count(value))")
            if !note.isEmpty { html.raw("<small>"); html.text(note); html.raw("</small>") }
            html.raw("</dd></div>")
        }
        total("documents", documents, "\(count(overview.documents.count)) with records")
        total("figures", overview.figures.figures, "\(count(overview.uncategorized.figures)) without a category")
        total("dates", overview.dates, overview.dates == 0 ? "extract with --dates to read them" : "\(count(overview.relativeDates)) relative")
        total("skipped documents", overview.skipped.count)
        total("records not highlighted", flagged.count, textsGiven ? "in the documents reviewed" : "no texts given (--texts)")
        html.raw("</dl>\n")

        // Figures by category.
        html.raw("<h3 id=\"hasila-categories\">Figures by category</h3>\n<p class=\"note\">Each bar counts the figures (records) under a taxonomy key, its sub-keys included: <code>killed</code> counts <code>killed.civilians</code> and the other <code>killed.*</code> too. The table's sum of values leaves out breakdowns (figures with a <code>parent</code>), whose people are already in their total; different documents may report the same toll, so a sum is what the archive says, not a count of people.</p>\n")
        let tree = overview.categoryTree
        var bars = tree.map { entry -> ChartBar in
            let depth = entry.key.split(separator: ".").count - 1
            let main = String(entry.key.split(separator: ".").first ?? "")
            return ChartBar(label: entry.key, value: entry.tally.figures, colour: depth == 0 ? palette.strong(main) : palette.light(main), depth: depth)
        }
        if overview.uncategorized.figures > 0 {
            bars.append(ChartBar(label: "(null category)", value: overview.uncategorized.figures, colour: CategoryPalette.uncategorizedStrong))
        }
        if bars.isEmpty {
            html.raw("<p>No figures.</p>\n")
        } else {
            html.raw("<div class=\"pair\"><figure>")
            BarChart(title: "Figures by category", bars: bars, axisTitle: "figures (records), sub-keys included",
                     legend: [("#555555", "main key"), ("#cccccc", "sub-key (also in its main bar)"),
                              (CategoryPalette.uncategorizedStrong, "no category")]).write(into: html)
            html.raw("</figure>\n")
            html.raw("<table class=\"numbers\"><thead><tr><th>category</th><th>figures</th><th>sum of values</th></tr></thead><tbody>\n")
            for entry in tree {
                html.raw(entry.key.contains(".") ? "<tr>" : "<tr class=\"main\">")
                html.raw("<td><code>"); html.text(entry.key); html.raw("</code></td><td>\(count(entry.tally.figures))</td><td>\(count(entry.tally.values))</td></tr>\n")
            }
            if overview.uncategorized.figures > 0 {
                html.raw("<tr><td>(null category)</td><td>\(count(overview.uncategorized.figures))</td><td>\(count(overview.uncategorized.values))</td></tr>\n")
            }
            html.raw("<tr class=\"total\"><td>all figures</td><td>\(count(overview.figures.figures))</td><td>\(count(overview.figures.values))</td></tr>\n</tbody></table></div>\n")
        }

        writeTimeSeries(into: html, palette: palette)
        writeKeyTable(into: html, id: "hasila-places", title: "Figures by place", field: "place", tallies: overview.places, carrying: overview.figuresWithPlace)
        writeKeyTable(into: html, id: "hasila-actors", title: "Figures by actor", field: "actors", tallies: overview.actors, carrying: overview.figuresWithActors)
        writeKeyTable(into: html, id: "hasila-sources", title: "Figures by source", field: "source", tallies: overview.sources, carrying: overview.figuresWithSource)

        // Qualifiers.
        if !overview.qualifiers.isEmpty {
            html.raw("<h3 id=\"hasila-qualifiers\">Qualifiers</h3>\n<table class=\"numbers\"><thead><tr><th>qualifier</th><th>figures</th></tr></thead><tbody>\n")
            for (qualifier, figures) in overview.qualifiers.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                html.raw("<tr><td><code>"); html.text(qualifier); html.raw("</code></td><td>\(count(figures))</td></tr>\n")
            }
            html.raw("</tbody></table>\n")
        }

        // The documents with the most figures.
        let reviewIndex = Dictionary(reviewed.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ranked = overview.documents.indices.sorted {
            let a = overview.figuresPerDocument[$0], b = overview.figuresPerDocument[$1]
            return a != b ? a > b : $0 < $1
        }.prefix(20)
        if !ranked.isEmpty {
            html.raw("<h3 id=\"hasila-top\">Documents with the most figures</h3>\n<table class=\"numbers\"><thead><tr><th>document</th><th>figures</th><th>without a category</th><th>dates</th></tr></thead><tbody>\n")
            for index in ranked {
                let doc = overview.documents[index]
                html.raw("<tr><td>")
                if let position = reviewIndex[doc] {
                    html.raw("<a href=\"#hasila-doc-\(position)\"><bdi>"); html.text(doc); html.raw("</bdi></a>")
                } else {
                    html.raw("<bdi>"); html.text(doc); html.raw("</bdi> <small>(not in the review)</small>")
                }
                html.raw("</td><td>\(count(overview.figuresPerDocument[index]))</td><td>\(count(overview.uncategorizedPerDocument[index]))</td><td>\(count(overview.datesPerDocument[index]))</td></tr>\n")
            }
            html.raw("</tbody></table>\n")
        }

        // Records the review could not place.
        html.raw("<h3 id=\"hasila-flagged\">Records not highlighted</h3>\n")
        if !textsGiven {
            html.raw("<p>No texts were given (<code>--texts</code>), so no record was checked against its text: the review lists each document's records without it.</p>\n")
        } else if flagged.isEmpty {
            html.raw("<p>Every record of the documents reviewed matches its text in the documents read again.</p>\n")
        } else {
            html.raw("<p class=\"note\">These records' text is not what the document read again holds at their span, their span lies outside it or crosses another record's, or their document's text was not found. They are listed with their document, never moved.</p>\n<table><thead><tr><th>record</th><th>why</th><th>record text</th><th>text at the span</th></tr></thead><tbody>\n")
            for entry in flagged.prefix(200) {
                html.raw("<tr><td><a href=\""); html.fragment(entry.flag.record.id); html.raw("\"><bdi>"); html.text(entry.flag.record.id); html.raw("</bdi></a></td><td>")
                html.text(entry.flag.reason.rawValue)
                html.raw("</td><td dir=\"auto\">"); html.text(entry.flag.record.text)
                html.raw("</td><td dir=\"auto\">"); html.text(entry.flag.found ?? ""); html.raw("</td></tr>\n")
            }
            html.raw("</tbody></table>\n")
            if flagged.count > 200 { html.raw("<p>… and \(count(flagged.count - 200)) more, each listed with its document below.</p>\n") }
        }

        if !withoutRecords.isEmpty {
            html.raw("<h3 id=\"hasila-empty\">Documents without any record</h3>\n<p class=\"note\">\(count(withoutRecords.count)) documents of the texts gave no figure or date: worth a look for figures missed.</p>\n<ul class=\"names\">")
            for doc in withoutRecords.prefix(Self.listRows) { html.raw("<li><bdi>"); html.text(doc); html.raw("</bdi></li>") }
            if withoutRecords.count > Self.listRows { html.raw("<li>… and \(count(withoutRecords.count - Self.listRows)) more</li>") }
            html.raw("</ul>\n")
        }

        html.raw("<h3 id=\"hasila-skipped\">Skipped documents</h3>\n")
        if overview.skipped.isEmpty {
            html.raw("<p>None: no error record in the records, and no errors report given (<code>--errors FILE</code>).</p>\n")
        } else {
            html.raw("<table><thead><tr><th>document</th><th>path</th><th>line</th><th>error</th></tr></thead><tbody>\n")
            for skipped in overview.skipped.prefix(200) {
                html.raw("<tr><td><bdi>"); html.text(skipped.doc); html.raw("</bdi></td><td><bdi>"); html.text(skipped.path)
                html.raw("</bdi></td><td>\(skipped.line.map(String.init) ?? "")</td><td>"); html.text(skipped.reason); html.raw("</td></tr>\n")
            }
            html.raw("</tbody></table>\n")
            if overview.skipped.count > 200 { html.raw("<p>… and \(count(overview.skipped.count - 200)) more.</p>\n") }
        }
        html.raw("</section>\n")
    }

    private func writeTimeSeries(into html: HTMLBuffer, palette: CategoryPalette) {
        let count = SVGNumber.count
        let allMonths = overview.monthlyFigures
        var monthly = allMonths
        let byPeriod = overview.monthsByPeriod.values.reduce(0) { $0 + $1.values.reduce(0, +) }
        let byDocument = overview.monthsByDocumentDate.values.reduce(0) { $0 + $1.values.reduce(0, +) }
        html.raw("<h3 id=\"hasila-months\">Figures by month</h3>\n<p class=\"note\">")
        html.text("A figure is placed in the month its period starts (or ends, when only its end is known to the month): \(count(byPeriod)) figures. A figure without a period takes its document's date (the date field of a JSON-lines document): \(count(byDocument)) figures. Not charted: \(count(overview.periodWithoutMonth)) figures whose period gives a year only, and \(count(overview.undated)) with neither a period nor a dated document.")
        html.raw("</p>\n")
        guard var first = monthly.keys.min(), let last = monthly.keys.max() else {
            html.raw("<p>No figure could be placed in a month.</p>\n")
            return
        }
        // A few early periods ("since 1991") would flatten years of reporting into one corner: over
        // more than three years, the chart starts where the earliest 5% of the dated figures end.
        if last.ordinal - first.ordinal >= 36 {
            let dated = monthly.values.reduce(0) { $0 + $1.values.reduce(0, +) }
            var seen = 0
            for month in monthly.keys.sorted() {
                seen += monthly[month]!.values.reduce(0, +)
                if seen * 20 > dated {
                    first = month
                    break
                }
            }
            let earliest = monthly.keys.min()!
            if first != earliest {
                let left = monthly.filter { $0.key < first }.values.reduce(0) { $0 + $1.values.reduce(0, +) }
                html.raw("<p class=\"note\">")
                html.text("Left out of the chart, so that a few early periods do not squeeze the rest into a corner: \(count(left)) figures dated before \(first), the month in which the dated figures pass 5% (the first is in \(earliest)).")
                html.raw("</p>\n")
            }
            if first > last { first = last }
        }
        monthly = allMonths.filter { $0.key >= first }
        // The main categories with the most dated figures, six at most; the rest as "other".
        var totals: [String: Int] = [:]
        for counts in monthly.values { for (main, n) in counts { totals[main, default: 0] += n } }
        let ranked = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let shown = ranked.count <= 7 ? ranked.map(\.key) : Array(ranked.prefix(6).map(\.key))
        let yearly = last.ordinal - first.ordinal + 1 > Self.monthlyLimit
        let positions: [Int] = yearly ? Array(first.year...last.year) : Array(first.ordinal...last.ordinal)
        func position(_ month: CalendarMonth) -> Int { yearly ? month.year - first.year : month.ordinal - first.ordinal }
        var values: [String: [Int]] = [:]
        for name in shown + ["other"] { values[name] = Array(repeating: 0, count: positions.count) }
        for (month, counts) in monthly {
            for (main, n) in counts { values[shown.contains(main) ? main : "other", default: []][position(month)] += n }
        }
        var series = shown.map { ChartSeries(name: $0.isEmpty ? "(null category)" : $0, colour: $0.isEmpty ? CategoryPalette.uncategorizedStrong : palette.strong($0), values: values[$0]!) }
        if ranked.count > shown.count { series.append(ChartSeries(name: "other", colour: "#444444", values: values["other"]!)) }
        let labels = positions.map { yearly ? String($0) : CalendarMonth(ordinal: $0).description }
        if yearly { html.raw("<p class=\"note\">The dates span more than \(Self.monthlyLimit) months, so the chart counts by year.</p>\n") }
        html.raw("<figure>")
        LineChart(title: "Figures by month and main category", positions: labels, series: series,
                  xTitle: yearly ? "year (figure's period, else document's date)" : "month (figure's period, else document's date)",
                  yTitle: "figures (records)").write(into: html)
        html.raw("</figure>\n")
    }

    private func writeKeyTable(into html: HTMLBuffer, id: String, title: String, field: String, tallies: [String: Tally], carrying: Int) {
        guard carrying > 0 else { return }
        let count = SVGNumber.count
        html.raw("<h3 id=\"\(id)\">"); html.text(title); html.raw("</h3>\n<p class=\"note\">")
        html.text("\(count(carrying)) of \(count(overview.figures.figures)) figures carry a \(field). The sum of values leaves out breakdowns, as above.")
        html.raw("</p>\n<table class=\"numbers\"><thead><tr><th>")
        html.text(field); html.raw("</th><th>figures</th><th>sum of values</th></tr></thead><tbody>\n")
        let ranked = tallies.sorted { $0.value.figures != $1.value.figures ? $0.value.figures > $1.value.figures : $0.key < $1.key }
        for (key, tally) in ranked.prefix(Self.tableRows) {
            html.raw("<tr><td><code>"); html.text(key); html.raw("</code></td><td>\(count(tally.figures))</td><td>\(count(tally.values))</td></tr>\n")
        }
        if ranked.count > Self.tableRows {
            let rest = ranked.dropFirst(Self.tableRows)
            html.raw("<tr><td>\(count(rest.count)) other keys</td><td>\(count(rest.reduce(0) { $0 + $1.value.figures }))</td><td>\(count(rest.reduce(0) { $0 + $1.value.values }))</td></tr>\n")
        }
        html.raw("</tbody></table>\n")
    }

    // MARK: review

    private func writeReviewHeader(into html: HTMLBuffer, palette: CategoryPalette) {
        let count = SVGNumber.count
        html.raw("<p class=\"note\">")
        if reviewed.count < overview.documents.count {
            html.text("The review shows the first \(count(reviewed.count)) of the \(count(overview.documents.count)) documents with records, in the order the records came (capped by --max-docs \(maxDocs)); the overview counts them all.")
        } else {
            html.text("All \(count(reviewed.count)) documents with records (--max-docs \(maxDocs)), in the order the records came.")
        }
        html.text(" Documents are shown 20 to a page, and off-screen ones are not laid out (content-visibility), so thousands of highlighted figures stay responsive. A figure's record id is its address: report.html#")
        html.raw("<i>id</i>")
        html.text(" (the id percent-encoded, e.g. doc%231) opens the page at it.")
        if !textsGiven { html.text(" No texts were given (--texts), so records are listed without their text.") }
        html.raw("</p>\n<div class=\"controls\" id=\"hasila-controls\">\n<label>category <select id=\"hasila-category\"><option value=\"\">all</option><option value=\"(null)\">(null category)</option>")
        for entry in overview.categoryTree {
            html.raw("<option value=\""); html.attribute(entry.key); html.raw("\">")
            html.text(String(repeating: "\u{00A0}\u{00A0}", count: entry.key.split(separator: ".").count - 1) + entry.key)
            html.raw("</option>")
        }
        html.raw("</select></label>\n<label>qualifier <select id=\"hasila-qualifier\"><option value=\"\">all</option>")
        for qualifier in overview.qualifiers.keys.sorted() {
            html.raw("<option value=\""); html.attribute(qualifier); html.raw("\">"); html.text(qualifier); html.raw("</option>")
        }
        html.raw("</select></label>\n<label><input type=\"checkbox\" id=\"hasila-only\"> only documents with a matching figure</label>\n")
        html.raw("<label><input type=\"checkbox\" id=\"hasila-dates\" checked> dates</label>\n<button type=\"button\" id=\"hasila-previous-match\">\u{2190} previous figure</button><button type=\"button\" id=\"hasila-next-match\">next figure \u{2192}</button>\n<span id=\"hasila-matches\"></span>\n<p class=\"legend\">")
        for main in palette.mains {
            html.raw("<span class=\"swatch c\(palette.slot(main)!)\"></span><code>"); html.text(main); html.raw("</code> ")
        }
        html.raw("<span class=\"swatch cnull\"></span>(null category) <span class=\"swatch date\"></span>date <span class=\"swatch flag\"></span>not highlighted</p>\n</div>\n")
        html.raw("<nav class=\"pager\" id=\"hasila-pager\"></nav>\n")
    }

    /// One document's article; returns the records it could not highlight.
    private func writeDocument(_ document: ReviewedDocument, index: Int, palette: CategoryPalette, into html: HTMLBuffer) -> [FlaggedRecord] {
        let count = SVGNumber.count
        let figures = document.records.filter { $0.kind == .figure }.count
        let uncategorized = document.records.filter { $0.kind == .figure && $0.category == nil }.count
        html.raw("<article class=\"doc\" id=\"hasila-doc-\(index)\">\n<h3><bdi>"); html.text(document.id); html.raw("</bdi></h3>\n<p class=\"counts\">")
        html.text("\(count(figures)) figures (\(count(uncategorized)) without a category), \(count(document.records.count - figures)) dates")
        html.raw("</p>\n")
        let body = HTMLBuffer()
        var flagged: [FlaggedRecord]
        if let text = document.text {
            let direction = ScriptDirection.of(text)
            body.raw("<div class=\"text\" dir=\"\(direction.rawValue)\"\(direction == .rtl ? " lang=\"ar\"" : "")>")
            flagged = HighlightedText.write(text, records: document.records, palette: palette, into: body)
            body.raw("</div>\n")
        } else {
            flagged = document.records.map { FlaggedRecord(record: $0, reason: .noText) }
            body.raw("<p class=\"missing\">")
            body.text(document.missingText ?? (textsGiven ? "The texts given (--texts) do not hold this document." : "No texts were given (--texts): the records are listed without their text."))
            body.raw("</p>\n")
        }
        if !flagged.isEmpty {
            html.raw("<ul class=\"flags\">\n")
            for flag in flagged {
                // Each piece of text in its own bidi isolate, so an Arabic record in an English line keeps its order.
                html.raw("<li><bdi><span")
                RecordMarkup.attributes(flag.record, palette: palette, flagged: true, into: html)
                html.raw(" data-why=\""); html.attribute(flag.reason.rawValue); html.raw("\">"); html.text(flag.record.text); html.raw("</span></bdi> ")
                html.raw("<small><bdi>"); html.text(flag.record.id); html.raw("</bdi>: "); html.text(flag.reason.rawValue)
                if let found = flag.found, flag.reason == .mismatch {
                    html.raw(", the text holds «<bdi>"); html.text(found); html.raw("</bdi>» at \(flag.record.start)–\(flag.record.end)")
                }
                if let found = flag.found, flag.reason == .overlap { html.raw(" (<bdi>"); html.text(found); html.raw("</bdi>)") }
                html.raw("</small></li>\n")
            }
            html.raw("</ul>\n")
        }
        html.append(body)
        html.raw("</article>\n")
        return flagged
    }
}
