/// Word sequences compiled into a trie over stem ids, each ending in the payloads of the rules
/// that produced it. Built once per run; matching walks tokens and never allocates.
struct PhraseTrie: Sendable {
    /// The id standing for a number slot (`{n}`) in a sequence.
    static let numberSlot: Int32 = -1

    private var children: [[Int32: Int32]] = [[:]]
    private var payloads: [[Int]] = [[]]
    private(set) var isEmpty = true
    private(set) var maxLength = 0

    mutating func insert(_ sequence: [Int32], payload: Int) {
        var node: Int32 = 0
        for id in sequence {
            if let next = children[Int(node)][id] { node = next } else {
                let next = Int32(children.count)
                children.append([:])
                payloads.append([])
                children[Int(node)][id] = next
                node = next
            }
        }
        if !payloads[Int(node)].contains(payload) { payloads[Int(node)].append(payload) }
        isEmpty = false
        maxLength = max(maxLength, sequence.count)
    }

    @inline(__always)
    func child(_ node: Int32, _ id: Int32) -> Int32? { children[Int(node)][id] }

    @inline(__always)
    func payloads(at node: Int32) -> [Int] { payloads[Int(node)] }

    static let root: Int32 = 0
}
