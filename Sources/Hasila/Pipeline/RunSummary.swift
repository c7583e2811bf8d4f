/// What a run did: how many documents, records and problems, and how fast.
public struct RunSummary: Sendable {
    public var documents = 0
    public var figures = 0
    public var dates = 0
    public var skipped = 0
    public var warnings = 0
    /// Files inside the folders given that Hasila does not read (not .txt, .html, .jsonl…), passed over with a warning.
    public var unsupported = 0
    public var bytes = 0
    public var seconds = 0.0

    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0 }

    /// The one summary line printed at the end.
    public var line: String {
        let rate = megabytesPerSecond
        return "hasila: \(documents) documents, \(figures) figures, \(dates) dates, \(skipped) skipped, "
            + (unsupported > 0 ? "\(unsupported) unsupported, " : "") + "\(warnings) warnings, "
            + "\(Double(bytes) / 1_000_000 < 10 ? String(Double(Int(Double(bytes) / 10_000)) / 100) : String(Int(Double(bytes) / 1_000_000))) MB at \(String(Double(Int(rate * 10)) / 10)) MB/s"
    }
}
