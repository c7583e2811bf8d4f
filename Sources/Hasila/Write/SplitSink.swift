/// Figures to one output and dates to another (`--dates-output`), so that each file's `value`
/// has one type. Both are JSON lines or both CSV; error records (`--errors inline`) go with the
/// figures.
///
/// Rendering stays on the worker threads: the renderer packs a document's figure bytes and date
/// bytes into one frame (two 8-byte lengths, then the bytes), which `write(rendered:)` unpacks in
/// order. Frames may arrive cut anywhere (a long text's held dates are replayed in chunks), so a
/// frame's start is kept until the rest of it comes.
public final class SplitSink: RecordSink {
    let figures: RecordSink
    let dates: RecordSink
    let splitRenderer: SplitRenderer?
    private var pending: [UInt8] = []

    /// `figures` renders figures only and `dates` dates only; both render bytes, or neither does.
    public init(figures: RecordSink, dates: RecordSink) {
        self.figures = figures
        self.dates = dates
        if let first = figures.renderer, let second = dates.renderer {
            splitRenderer = SplitRenderer(figures: first, dates: second)
        } else {
            splitRenderer = nil
        }
    }

    public var renderer: RecordRenderer? { splitRenderer }

    public func write(rendered: [UInt8]) throws {
        let bytes = pending.isEmpty ? rendered : pending + rendered
        var start = 0
        while bytes.count - start >= 16 {
            let figureCount = SplitRenderer.length(bytes, at: start), dateCount = SplitRenderer.length(bytes, at: start + 8)
            guard bytes.count - start - 16 >= figureCount + dateCount else { break }
            let body = start + 16
            if figureCount > 0 { try figures.write(rendered: Array(bytes[body..<(body + figureCount)])) }
            if dateCount > 0 { try dates.write(rendered: Array(bytes[(body + figureCount)..<(body + figureCount + dateCount)])) }
            start = body + figureCount + dateCount
        }
        pending = Array(bytes[start...])
    }

    public func write(_ extraction: DocumentExtraction, of document: Document) throws {
        try figures.write(extraction, of: document)
        try dates.write(extraction, of: document)
    }

    public func write(_ failure: DocumentFailure) throws { try figures.write(failure) }

    /// The dates first: a resumed run takes the figures' last checkpoint and the dates' last one
    /// of at most as many documents, which the dates then always have.
    public func checkpoint(documents: Int) throws {
        try dates.checkpoint(documents: documents)
        try figures.checkpoint(documents: documents)
    }

    public func finish() throws {
        guard pending.isEmpty else { throw HasilaError.unwritable(path: "the dates output", reason: "a record was cut short") }
        try dates.finish()
        try figures.finish()
    }
}

/// Renders a document's figures and dates with two renderers into one frame (see SplitSink).
struct SplitRenderer: RecordRenderer {
    let figures: RecordRenderer
    let dates: RecordRenderer

    func render(_ extraction: DocumentExtraction, of document: Document) -> [UInt8] {
        let first = figures.render(extraction, of: document), second = dates.render(extraction, of: document)
        var frame: [UInt8] = []
        frame.reserveCapacity(16 + first.count + second.count)
        for count in [first.count, second.count] {
            for shift in stride(from: 0, to: 64, by: 8) { frame.append(UInt8(truncatingIfNeeded: UInt64(count) >> UInt64(shift))) }
        }
        return frame + first + second
    }

    static func length(_ bytes: [UInt8], at offset: Int) -> Int {
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        return Int(value)
    }
}
