/// The parties a document's earlier sections named in sentences with a figure, by the head noun of each word of
/// their names: what a back-reference in a later section ("التنظيم" after "تنظيم الدولة") points to (`ActorLinker`).
///
/// Most documents are one section and never ask, so a section's heads are only written down, one after another in
/// one run of scalars (no list per head), and put in a dictionary when a later section asks, or when many wait.
/// The answer is the dictionary's had every head been put in it in order: the last party named with a head wins.
struct PartyMemory: Sendable {
    /// The heads written down and not yet indexed, one after another.
    private var scalars: [UInt32] = []
    /// Where each written head ends in `scalars` (it begins where the one before ends), and its party's key.
    private var heads: [(end: Int, key: String)] = []
    private var index: [[UInt32]: String] = [:]
    /// How many heads may wait before they are indexed: keeps a long document's memory that of its parties.
    static let waiting = 4096

    mutating func remember(_ head: ArraySlice<UInt32>, key: String) {
        if heads.isEmpty {
            scalars.reserveCapacity(256)
            heads.reserveCapacity(32)
        }
        scalars.append(contentsOf: head)
        heads.append((scalars.count, key))
        if heads.count >= PartyMemory.waiting { indexWaiting() }
    }

    /// The key of the party last named with this head noun, if any.
    mutating func party(withHead head: ArraySlice<UInt32>) -> String? {
        indexWaiting()
        return index.isEmpty ? nil : index[Array(head)]
    }

    private mutating func indexWaiting() {
        guard !heads.isEmpty else { return }
        var start = 0
        for (end, key) in heads {
            index[Array(scalars[start..<end])] = key
            start = end
        }
        scalars.removeAll(keepingCapacity: true)
        heads.removeAll(keepingCapacity: true)
    }
}
