/// Records as JSON lines (the default format).
public final class JSONLinesSink: RecordSink {
    let output: AtomicOutput
    let writer: RecordWriter
    let inlineErrors: Bool

    public init(output: AtomicOutput, includeDates: Bool, includeFigures: Bool = true, inlineErrors: Bool) {
        self.output = output
        self.writer = RecordWriter(includeDates: includeDates, includeFigures: includeFigures)
        self.inlineErrors = inlineErrors
    }

    public var renderer: RecordRenderer? { writer }

    public func write(rendered: [UInt8]) throws { try output.write(rendered) }

    public func write(_ extraction: DocumentExtraction, of document: Document) throws {
        try output.write(writer.render(extraction, of: document))
    }

    public func write(_ failure: DocumentFailure) throws {
        guard inlineErrors else { return }
        try output.write(RecordWriter.errorLine(failure))
    }

    public func checkpoint(documents: Int) throws { try output.checkpoint(documents: documents) }
    public func finish() throws { try output.finish() }
}
