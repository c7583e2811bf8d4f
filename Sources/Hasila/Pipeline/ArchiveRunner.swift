import Dispatch
import Foundation

/// Runs the extraction over an archive on every core with bounded memory: documents are read
/// in order into a batch, extracted in parallel, and written in their original order, so the
/// output is byte-identical whatever the number of jobs. A document that cannot be read costs
/// only itself.
public final class ArchiveRunner {
    public let extractor: Extractor
    public let reader: DocumentReader
    public let jobs: Int
    /// A date for every document without one of its own (`--date`).
    public let date: DateValue?
    /// Documents per batch: enough to keep every core busy, few enough to bound memory.
    let batchDocuments: Int
    let batchBytes: Int

    public init(extractor: Extractor, reader: DocumentReader, jobs: Int, date: DateValue? = nil) {
        self.extractor = extractor
        self.reader = reader
        self.jobs = max(1, jobs)
        self.date = date
        batchDocuments = max(1, jobs) * 32
        batchBytes = 16 << 20
    }

    /// Reads, extracts and writes; `skip` documents (already written by a killed run) are read past.
    public func run(_ files: [SourceFile], into sink: RecordSink, skip: Int = 0,
                    warning: (String) -> Void, failure: (DocumentFailure) -> Void,
                    progress: (RunSummary) -> Void = { _ in }) throws -> RunSummary {
        var summary = RunSummary()
        let started = DispatchTime.now()
        var batch: [DocumentInput] = []
        var batchSize = 0
        var seen = 0
        func flush() throws {
            guard !batch.isEmpty else { return }
            let results = extract(batch)
            for (input, result) in zip(batch, results) {
                switch input {
                case .document(let document):
                    for text in document.warnings { warning(text); summary.warnings += 1 }
                    try sink.write(result!, of: document)
                    summary.documents += 1
                    summary.figures += result!.figures.count
                    summary.dates += result!.dates.count
                    summary.bytes += document.byteCount
                case .failure(let problem):
                    failure(problem)
                    try sink.write(problem)
                    summary.skipped += 1
                }
            }
            try sink.checkpoint(documents: seen)
            batch.removeAll(keepingCapacity: true)
            batchSize = 0
            summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            progress(summary)
        }
        try reader.read(files) { input in
            seen += 1
            if seen <= skip { return }
            if case .document(let document) = input { batchSize += document.scalars.count }
            batch.append(input)
            if batch.count >= batchDocuments || batchSize >= batchBytes { try flush() }
        }
        try flush()
        try sink.finish()
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return summary
    }

    /// Extracts a batch on `jobs` threads; results in the batch's order.
    private func extract(_ batch: [DocumentInput]) -> [DocumentExtraction?] {
        let results = ResultSlots(count: batch.count)
        let extractor = self.extractor, date = self.date, jobs = self.jobs
        @Sendable func work(_ index: Int) {
            if case .document(let document) = batch[index] {
                results.set(index, extractor.extract(scalars: document.scalars, document: document.id, date: document.date ?? date))
            }
        }
        if jobs == 1 || batch.count == 1 {
            for index in batch.indices { work(index) }
        } else {
            // Documents are dealt out in turn, so each thread gets a share of large and small ones.
            DispatchQueue.concurrentPerform(iterations: jobs) { worker in
                var index = worker
                while index < batch.count {
                    work(index)
                    index += jobs
                }
            }
        }
        return results.values
    }
}

/// Slots each worker fills at its own indices; read once every worker has finished.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [DocumentExtraction?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: DocumentExtraction) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }
    var values: [DocumentExtraction?] { slots }
}
