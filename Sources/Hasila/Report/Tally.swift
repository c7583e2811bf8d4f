/// How many figures fall under a key, and the sum of the values of those among them that break
/// down no total: a breakdown's value is already inside its total's, so adding it would count
/// the same people twice.
public struct Tally: Sendable, Equatable {
    public var figures = 0
    public var values = 0

    public init(figures: Int = 0, values: Int = 0) {
        self.figures = figures
        self.values = values
    }

    mutating func add(_ record: ReportRecord) {
        figures += 1
        if record.parent == nil { values += record.value }
    }
}
