import Dispatch
import Foundation

/// Runs the extraction over an archive on every core with bounded memory: documents are read
/// in order into a batch, extracted in parallel, and written in their original order, so the
/// output is byte-identical whatever the number of jobs. A document that cannot be read costs
/// only itself.
public final class ArchiveRunner: @unchecked Sendable {
    public let extractor: Extractor
    public let reader: DocumentReader
    public let jobs: Int
    /// A date for every document without one of its own or a dateline (`--date`).
    public let date: DateValue?
    /// Documents' dates by id (`--doc-dates`): below a JSON line's own `date`, above a dateline.
    public let documentDates: DocumentDates?
    /// Documents per batch: enough to keep every core busy, few enough to bound memory; one per job for a
    /// stream on stdin, so a record is never held back behind documents still to come.
    var batchDocuments: Int
    /// Code points of text per batch at most (a batch closes at whichever of this and `batchDocuments` comes first):
    /// with `batchesInFlight` and the batch being read, about 24 million code points of text in memory at once.
    let batchBytes: Int

    public init(extractor: Extractor, reader: DocumentReader, jobs: Int, date: DateValue? = nil, documentDates: DocumentDates? = nil) {
        self.extractor = extractor
        self.reader = reader
        self.jobs = max(1, jobs)
        self.date = date
        self.documentDates = documentDates
        batchDocuments = max(1, jobs) * 32
        batchBytes = 8 << 20
    }

    /// Batches extracted or queued for extraction at once (one more is being read): two, so that the next batch
    /// is always waiting when one is done. With `batchBytes`, this bounds the text in memory.
    static let batchesInFlight = 2

    /// Reads, extracts and writes; `skip` documents (already written by a killed run) are read past.
    ///
    /// With a `crashLog`, the documents in flight are named to it as they go, the documents it
    /// quarantined are reported instead of extracted, and those in flight at the last crash are
    /// extracted one at a time. `checkpoint` is called with the documents complete each time the
    /// sink checkpoints (before it does), for the errors report.
    public func run(_ files: [SourceFile], into sink: RecordSink, skip: Int = 0, crashLog: CrashLog? = nil,
                    warning: (String) -> Void, failure: (DocumentFailure) -> Void,
                    checkpoint report: (Int) throws -> Void = { _ in },
                    progress: (RunSummary) -> Void = { _ in }) throws -> RunSummary {
        var summary = RunSummary()
        let started = DispatchTime.now()
        let streaming = files.contains { $0.path == "-" }
        let batchDocuments = streaming ? jobs : self.batchDocuments
        var batch: [DocumentInput] = []
        var batchSize = 0
        var seen = 0
        let renderer = sink.renderer
        // While one batch is extracted, the next waits queued behind it, the one after is read and the one before
        // written: the workers go from one batch to the next without waiting for this thread to write and hand
        // over (with one batch in flight they idled at every batch, an eighth of a run of small documents).
        let extraction = DispatchQueue(label: "hasila.extraction")
        var inFlight: [(outcomes: OutcomeBox, documents: Int, done: DispatchGroup)] = []
        /// The first document (by ordinal) whose records are not written yet: the start of what is in flight.
        var firstUnwritten = skip + 1
        // Every id of the run, so that no two documents' records share one (two JSON lines with the
        // same "id", two files of the same name given directly): a later one gets "~2", "~3"….
        var ids = DocumentIDs()
        var sectionID: String?
        /// The id the document's records carry when it is not its own (for a long text's later sections: its first one's).
        func uniqueID(_ document: Document) -> String? {
            if let section = document.section, section.index > 0 { return sectionID }
            let claimed = ids.claim(document.id)
            let unique = claimed == document.id ? nil : claimed
            if document.section != nil { sectionID = unique }
            return unique
        }
        /// The document under its unique id, with a warning when that is not its own.
        func identified(_ document: Document) -> Document {
            guard let unique = uniqueID(document) else { return document }
            if (document.section?.index ?? 0) == 0 {
                warning("\(document.path)\(document.line.map { ":\($0)" } ?? ""): the id \"\(document.id)\" is taken by an earlier document of this run; its records carry the id \"\(unique)\"")
                summary.warnings += 1
            }
            var renamed = document
            renamed.id = unique
            return renamed
        }
        func write(_ outcomes: [Outcome], documents: Int, checkpoint: Bool = true) throws {
            for outcome in outcomes {
                switch outcome.input {
                case .document(var document):
                    for text in document.warnings { warning(text); summary.warnings += 1 }
                    var extraction = outcome.extraction!
                    var rendered = outcome.rendered
                    // A long text's sections carry their id already (see extractSection).
                    if document.section == nil {
                        let unique = identified(document)
                        if unique.id != document.id {
                            document = unique
                            extraction.document = unique.id
                            rendered = renderer?.render(extraction, of: document)
                        }
                    }
                    if let bytes = rendered { try sink.write(rendered: bytes) } else { try sink.write(extraction, of: document) }
                    if document.section?.isLast ?? true { summary.documents += 1 }
                    summary.figures += extraction.figures.count
                    summary.dates += extraction.dates.count
                    summary.bytes += document.byteCount
                case .failure(let problem):
                    failure(problem)
                    try sink.write(problem)
                    summary.skipped += 1
                case .line:
                    break  // parsed by `process`
                }
            }
            if checkpoint {
                try report(documents)
                try sink.checkpoint(documents: documents)
            }
            firstUnwritten = documents + 1
            summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            progress(summary)
        }
        /// Waits for the oldest batch in flight and writes it.
        func writeOldest() throws {
            guard !inFlight.isEmpty else { return }
            let pending = inFlight.removeFirst()
            pending.done.wait()
            try write(pending.outcomes.values, documents: pending.documents)
        }
        /// Writes every batch in flight.
        func drain() throws {
            while !inFlight.isEmpty { try writeOldest() }
        }
        func flush() throws {
            guard !batch.isEmpty else { return }
            if inFlight.count >= ArchiveRunner.batchesInFlight { try writeOldest() }
            let box = OutcomeBox()
            let work = batch
            let done = DispatchGroup()
            done.enter()
            extraction.async { [self] in
                box.values = process(work, renderer: renderer)
                done.leave()
            }
            inFlight.append((box, seen, done))
            batch.removeAll(keepingCapacity: true)
            batchSize = 0
            // A stream's records go out at once rather than waiting for the next batch to be read.
            if streaming { try drain() }
        }
        // A long text comes in sections, extracted here one after another (each needs what the one
        // before it left) once everything read before it is written. Its dates wait for its last
        // section, so its records come in the order of a document read whole: every figure, then every
        // date. They wait rendered, in a temporary file, so that memory holds one section whatever the
        // length of the text (a database takes them at once: the order of its rows means nothing).
        var continuation = Extractor.Continuation(date: date)
        var heldDates: DateSpill?
        func extractSection(_ input: Document, _ section: DocumentSection) throws {
            try flush()
            try drain()
            if section.index == 0 {
                continuation = Extractor.Continuation(date: input.date ?? documentDates?[input.id], fallback: date)
                heldDates = nil
            }
            let document = identified(input)
            continuation.partsFollow = !section.isLast
            var extraction = extractor.extract(section: document.scalars, document: document.id, continuation: &continuation)
            guard let renderer else {
                try write([Outcome(input: .document(document), extraction: extraction, rendered: nil)], documents: seen, checkpoint: section.isLast)
                return
            }
            let dates = extraction.dates
            extraction.dates = []
            var rendered = renderer.render(extraction, of: document)
            var datesOnly = DocumentExtraction(document: document.id, figures: [], dates: dates)
            datesOnly.firstFigure = extraction.firstFigure + extraction.figures.count
            datesOnly.firstDate = extraction.firstDate
            datesOnly.documentDate = extraction.documentDate
            let renderedDates = dates.isEmpty ? [] : renderer.render(datesOnly, of: document)
            extraction.dates = dates  // counted in the summary
            if !section.isLast {
                if !renderedDates.isEmpty {
                    if heldDates == nil { heldDates = try DateSpill() }
                    try heldDates!.append(renderedDates)
                }
                try write([Outcome(input: .document(document), extraction: extraction, rendered: rendered)], documents: seen, checkpoint: false)
                return
            }
            if let held = heldDates {
                try write([Outcome(input: .document(document), extraction: extraction, rendered: rendered)], documents: seen, checkpoint: false)
                try held.replay { try sink.write(rendered: $0) }
                heldDates = nil
                try sink.write(rendered: renderedDates)
                try write([], documents: seen)
            } else {
                rendered += renderedDates
                try write([Outcome(input: .document(document), extraction: extraction, rendered: rendered)], documents: seen)
            }
        }
        var reader = self.reader
        reader.defersParsing = true
        let quarantined = crashLog?.quarantined ?? []
        let suspects = crashLog?.suspects
        func quarantine(_ input: DocumentInput) -> DocumentInput {
            switch input {
            case .document(let document):
                return .failure(DocumentFailure(id: document.id, path: document.path, line: document.line, reason: CrashLog.reason))
            case .line(let line):
                return .failure(DocumentFailure(id: "\(line.file.id):\(line.number)", path: line.file.path, line: line.number, reason: CrashLog.reason))
            case .failure:
                return input
            }
        }
        try reader.read(files) { input in
            // Named to the crash log: what is extracted or written now, and the document read next.
            defer { crashLog?.inFlight(firstUnwritten, seen + 1) }
            crashLog?.inFlight(firstUnwritten, seen + 1)
            if case .document(let document) = input, let section = document.section {
                // Only the last section completes a document: resuming counts whole documents.
                let ordinal = seen + 1
                if section.isLast { seen += 1 }
                if ordinal <= skip {
                    if !quarantined.contains(ordinal) { _ = uniqueID(document) }
                    return
                }
                if quarantined.contains(ordinal) {
                    if section.isLast { batch.append(quarantine(input)) }
                    return
                }
                try extractSection(document, section)
                return
            }
            seen += 1
            if seen <= skip {
                // Read past, but its id stays taken (a quarantined one never took one), so a resumed run
                // gives the ids a whole run gives.
                if quarantined.contains(seen) { return }
                if case .document(let document) = input { _ = uniqueID(document) }
                if case .line(let line) = input, case .document(let document) = reader.parse(line) { _ = uniqueID(document) }
                return
            }
            if quarantined.contains(seen) {
                batch.append(quarantine(input))
                return
            }
            if let suspects, suspects.contains(seen) {
                // In flight at the last crash: alone, so that a crash now names this document only.
                try flush()
                try drain()
                crashLog?.inFlight(seen, seen)
                batch.append(input)
                try flush()
                try drain()
                return
            }
            if case .document(let document) = input { batchSize += document.scalars.count }
            if case .line(let line) = input { batchSize += line.bytes.count / 2 }
            batch.append(input)
            if batch.count >= batchDocuments || batchSize >= batchBytes { try flush() }
        }
        try flush()
        try drain()
        try sink.finish()
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return summary
    }

    #if DEBUG
    /// Debug builds only, for the tests of crash containment: a document whose text holds the value
    /// of HASILA_DEBUG_CRASH_ON traps, as a bug in the extractor would. Release builds have no such hook.
    static let debugCrashMarker: [UInt32]? = ProcessInfo.processInfo.environment["HASILA_DEBUG_CRASH_ON"].map { $0.unicodeScalars.map(\.value) }

    static func debugCrash(_ document: Document) {
        guard let marker = debugCrashMarker, !marker.isEmpty, document.scalars.count >= marker.count else { return }
        for start in 0...(document.scalars.count - marker.count) where document.scalars[start..<(start + marker.count)].elementsEqual(marker) {
            fatalError("HASILA_DEBUG_CRASH_ON: a document holds the marker (\(document.path))")
        }
    }
    #endif

    /// What a worker made of one input: the input parsed, its extraction, its rendered records.
    struct Outcome: Sendable {
        var input: DocumentInput
        var extraction: DocumentExtraction?
        var rendered: [UInt8]?
    }

    /// Parses, extracts and renders a batch on `jobs` threads; outcomes in the batch's order.
    private func process(_ batch: [DocumentInput], renderer: RecordRenderer?) -> [Outcome] {
        let results = ResultSlots(batch.map { Outcome(input: $0) })
        let extractor = self.extractor, date = self.date, jobs = self.jobs, reader = self.reader, documentDates = self.documentDates
        @Sendable func work(_ index: Int) {
            var input = batch[index]
            if case .line(let line) = input { input = reader.parse(line) }
            var outcome = Outcome(input: input)
            if case .document(let document) = input {
                #if DEBUG
                ArchiveRunner.debugCrash(document)
                #endif
                // Precedence of a document's date: its own (a JSON line's), the manifest's, its dateline, the run's.
                let extraction = extractor.extract(scalars: document.scalars, document: document.id,
                                                   date: document.date ?? documentDates?[document.id], fallback: date)
                outcome.extraction = extraction
                outcome.rendered = renderer?.render(extraction, of: document)
            }
            results.set(index, outcome)
        }
        if jobs == 1 || batch.count == 1 {
            for index in batch.indices { work(index) }
        } else {
            // Each thread takes the next document when it is done with one, so a thread that drew
            // large documents does not hold the others back at the end of the batch.
            let next = BatchCursor()
            DispatchQueue.concurrentPerform(iterations: jobs) { _ in
                while case let index = next.take(), index < batch.count { work(index) }
            }
        }
        return results.values
    }
}

/// The next document of a batch to extract, handed to whichever worker asks first.
private final class BatchCursor: @unchecked Sendable {
    private var position = 0
    private let lock = NSLock()
    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        position += 1
        return position - 1
    }
}

/// A batch's outcomes, handed from the thread that made them to the one that writes them.
private final class OutcomeBox: @unchecked Sendable {
    var values: [ArchiveRunner.Outcome] = []
}

