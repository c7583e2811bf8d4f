/// Makes the report page from what `hasila extract` wrote: streams the records into the
/// overview's aggregates while keeping whole only those of the first `maxDocs` documents, reads
/// those documents' texts again through extract's own readers, and renders the page.
public enum ReportBuilder {
    public static func build(records path: String, options: ReportOptions) throws -> [UInt8] {
        var overview = ArchiveOverview()
        var reviewed: [ReviewedDocument] = []
        var reviewIndex: [String: Int] = [:]
        try RecordFile.read(path: path, record: { record in
            overview.add(record)
            if let index = reviewIndex[record.doc] {
                reviewed[index].records.append(record)
            } else if reviewed.count < options.maxDocs {
                reviewIndex[record.doc] = reviewed.count
                var document = ReviewedDocument(id: record.doc)
                document.records.append(record)
                reviewed.append(document)
            }
        }, skipped: { overview.add($0) })
        for report in options.errorsReports {
            var line = 0
            try RecordFile.read(path: report, record: { _ in
                throw ReportError.badRecord(path: report, line: line + 1, reason: "an errors report holds error records only; give the records as RECORDS")
            }, skipped: { line += 1; overview.add($0) })
        }
        var withoutRecords: [String] = []
        if !options.texts.isEmpty {
            let texts = try DocumentTexts.read(options.texts, encoding: options.encoding, wanted: Set(reviewIndex.keys))
            for index in reviewed.indices {
                let id = reviewed[index].id
                reviewed[index].text = texts.texts[id]
                if reviewed[index].text == nil {
                    reviewed[index].missingText = texts.failures[id].map { "The document could not be read again: " + $0 }
                        ?? "The texts given (--texts) do not hold this document."
                }
            }
            let withRecords = Set(overview.documents)
            let skipped = Set(overview.skipped.map(\.doc))
            withoutRecords = texts.documents.filter { !withRecords.contains($0) && !skipped.contains($0) && texts.failures[$0] == nil }
            overview.dateByDocuments { doc in texts.dates[doc].flatMap { CalendarMonth(iso: $0.description) } }
        } else {
            overview.dateByDocuments { _ in nil }
        }
        return ReportPage(overview: overview, reviewed: reviewed, withoutRecords: withoutRecords,
                          textsGiven: !options.texts.isEmpty, maxDocs: options.maxDocs).render()
    }
}
