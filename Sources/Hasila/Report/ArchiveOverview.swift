/// The aggregates of the report's overview, gathered one record at a time: its size depends on
/// the number of documents and keys, never on the number of figures, so a million figures give
/// an overview as small as a thousand do.
public struct ArchiveOverview: Sendable {
    /// Document ids in the order their first record came (the extraction's order).
    public private(set) var documents: [String] = []
    private var documentIndex: [String: Int] = [:]
    /// Per document, in `documents` order.
    public private(set) var figuresPerDocument: [Int] = []
    public private(set) var datesPerDocument: [Int] = []
    public private(set) var uncategorizedPerDocument: [Int] = []

    public private(set) var figures = Tally()
    /// By exact category key; a figure counts under its own key only (`categoryTree` sums prefixes).
    public private(set) var categories: [String: Tally] = [:]
    public private(set) var uncategorized = Tally()
    public private(set) var qualifiers: [String: Int] = [:]
    public private(set) var places: [String: Tally] = [:]
    public private(set) var actors: [String: Tally] = [:]
    public private(set) var sources: [String: Tally] = [:]
    /// Figures that carry the field at all (a record without a place says nothing about places).
    public private(set) var figuresWithPlace = 0
    public private(set) var figuresWithActors = 0
    public private(set) var figuresWithSource = 0

    /// Figures by month and main category, dated by their own period.
    public private(set) var monthsByPeriod: [CalendarMonth: [String: Int]] = [:]
    /// Figures whose period is less precise than a month (a year), not charted.
    public private(set) var periodWithoutMonth = 0
    /// Figures without a period, by document and main category: dated later by the document's date.
    private var withoutPeriod: [Int: [String: Int]] = [:]
    /// Filled by `dateByDocuments`.
    public private(set) var monthsByDocumentDate: [CalendarMonth: [String: Int]] = [:]
    public private(set) var undated = 0

    public private(set) var dates = 0
    public private(set) var relativeDates = 0
    public private(set) var islamicDates = 0
    public private(set) var skipped: [SkippedDocument] = []

    public init() {}

    private mutating func index(of doc: String) -> Int {
        if let index = documentIndex[doc] { return index }
        let index = documents.count
        documents.append(doc)
        documentIndex[doc] = index
        figuresPerDocument.append(0)
        datesPerDocument.append(0)
        uncategorizedPerDocument.append(0)
        return index
    }

    public mutating func add(_ record: ReportRecord) {
        let document = index(of: record.doc)
        guard record.kind == .figure else {
            dates += 1
            datesPerDocument[document] += 1
            if record.relative { relativeDates += 1 }
            if record.calendar == "islamic" { islamicDates += 1 }
            return
        }
        figures.add(record)
        figuresPerDocument[document] += 1
        if let category = record.category { categories[category, default: Tally()].add(record) } else {
            uncategorized.add(record)
            uncategorizedPerDocument[document] += 1
        }
        qualifiers[record.qualifier ?? "", default: 0] += 1
        if let place = record.place { places[place, default: Tally()].add(record); figuresWithPlace += 1 }
        if !record.actors.isEmpty { figuresWithActors += 1 }
        for actor in Set(record.actors) { actors[actor, default: Tally()].add(record) }
        if let source = record.source { sources[source, default: Tally()].add(record); figuresWithSource += 1 }
        let main = record.mainCategory ?? ""
        if record.periodStart != nil || record.periodEnd != nil {
            if let month = CalendarMonth(iso: record.periodStart) ?? CalendarMonth(iso: record.periodEnd) {
                monthsByPeriod[month, default: [:]][main, default: 0] += 1
            } else {
                periodWithoutMonth += 1
            }
        } else {
            withoutPeriod[document, default: [:]][main, default: 0] += 1
        }
    }

    public mutating func add(_ skipped: SkippedDocument) {
        self.skipped.append(skipped)
    }

    /// Dates the figures without a period by their document's date (a JSON-lines document's
    /// `date`), where it names a month; the others are counted as undated.
    public mutating func dateByDocuments(_ dateOf: (String) -> CalendarMonth?) {
        monthsByDocumentDate = [:]
        undated = 0
        for (document, counts) in withoutPeriod {
            guard let month = dateOf(documents[document]) else {
                undated += counts.values.reduce(0, +)
                continue
            }
            for (main, count) in counts { monthsByDocumentDate[month, default: [:]][main, default: 0] += count }
        }
    }

    /// Every category key and each of its prefixes, with the figures under it ("killed" counts
    /// killed.civilians too), in tree order: a key, then its children.
    public var categoryTree: [(key: String, tally: Tally)] {
        var summed: [String: Tally] = [:]
        for (key, tally) in categories {
            var current = ""
            for part in key.split(separator: ".", omittingEmptySubsequences: false) {
                current = current.isEmpty ? String(part) : current + "." + part
                summed[current, default: Tally()].figures += tally.figures
                summed[current, default: Tally()].values += tally.values
            }
        }
        // Sorting by the keys' parts puts each key right before its children.
        return summed.sorted { $0.key.split(separator: ".").lexicographicallyPrecedes($1.key.split(separator: ".")) }
            .map { (key: $0.key, tally: $0.value) }
    }

    /// The figures of each main category, by month: from the period where there is one, else
    /// from the document's date.
    public var monthlyFigures: [CalendarMonth: [String: Int]] {
        var merged = monthsByPeriod
        for (month, counts) in monthsByDocumentDate {
            for (main, count) in counts { merged[month, default: [:]][main, default: 0] += count }
        }
        return merged
    }
}
