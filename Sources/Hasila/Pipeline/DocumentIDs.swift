/// The ids the documents of a run take, in reading order: a document whose id an earlier one took
/// gets "~2" (then "~3"…), so that no two documents' records share an id. `hasila extract` names
/// documents this way, and `hasila report`/`show` read texts again the same way to find them.
public struct DocumentIDs: Sendable {
    private var taken = Set<String>()
    private var suffixes: [String: Int] = [:]

    public init() {}

    /// The id the document takes: its own, or with "~N" when that is taken.
    public mutating func claim(_ id: String) -> String {
        if taken.insert(id).inserted { return id }
        var next = suffixes[id, default: 2]
        while !taken.insert("\(id)~\(next)").inserted { next += 1 }
        suffixes[id] = next + 1
        return "\(id)~\(next)"
    }
}
