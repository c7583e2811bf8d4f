/// Word sequences compiled into a trie over stem ids, each ending in the payloads of the rules
/// that produced it. Built once per run; matching walks tokens and never allocates.
struct PhraseTrie: Sendable {
    /// The id standing for a number slot (`{n}`) in a sequence.
    static let numberSlot: Int32 = -1
    static let root: Int32 = 0

    /// The trie's bit in `Grammar.startMasks`, which says at once whether a word can begin one of its phrases.
    var id = -1
    /// (node << 32 | stem) → child node: one hash table for the whole trie.
    private var edges = FlatHashMap()
    private var payloadLists: [[Int]] = [[]]
    /// Per node: whether a phrase ends there (its payload list is not empty). The walks ask this at every step; read
    /// from `payloadLists` it took two dependent loads (the list, then its count), each often a cache miss.
    private var ends: [Bool] = [false]
    /// Per node: whether any phrase goes on past it. Most phrases end at a node with no child (a town's one word),
    /// and a walk that reaches one stops there instead of probing `edges`, a large table, for each reading of the
    /// next word: each probe is a likely cache miss.
    private var branches: [Bool] = [false]
    private var nodeCount = 1
    /// The root's children by stem id (0: none; the root is no one's child). Every walk starts at the root and
    /// most stop there: an array indexed by the stem is read where the edge table would be hashed and probed,
    /// and it is small enough to stay in a core's cache. The number slot's edge is in `edges` only.
    private var rootChildren: [Int32] = []
    private(set) var isEmpty = true

    @inline(__always)
    private static func edge(_ node: Int32, _ stem: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: stem))
    }

    mutating func insert(_ sequence: [Int32], payload: Int) {
        var node: Int32 = 0
        for id in sequence {
            if let next = edges[PhraseTrie.edge(node, id)] { node = next } else {
                let next = Int32(nodeCount)
                if node == 0, id >= 0 {
                    if Int(id) >= rootChildren.count { rootChildren += repeatElement(0, count: Int(id) + 1 - rootChildren.count) }
                    rootChildren[Int(id)] = next
                }
                nodeCount += 1
                payloadLists.append([])
                ends.append(false)
                branches.append(false)
                branches[Int(node)] = true
                edges[PhraseTrie.edge(node, id)] = next
                node = next
            }
        }
        if !payloadLists[Int(node)].contains(payload) { payloadLists[Int(node)].append(payload) }
        ends[Int(node)] = true
        isEmpty = false
    }

    @inline(__always)
    func child(_ node: Int32, _ id: Int32) -> Int32? {
        if node == 0, id >= 0 {
            guard Int(id) < rootChildren.count else { return nil }
            let child = rootChildren[Int(id)]
            return child == 0 ? nil : child
        }
        guard branches[Int(node)] else { return nil }
        return edges[PhraseTrie.edge(node, id)]
    }

    /// Whether some phrase goes on past `node` (a walk that reaches a node without goes no further).
    @inline(__always)
    func hasChildren(_ node: Int32) -> Bool { branches[Int(node)] }

    @inline(__always)
    func payloads(at node: Int32) -> [Int] { payloadLists[Int(node)] }

    @inline(__always)
    func hasPayload(_ node: Int32) -> Bool { ends[Int(node)] }

    /// The stems that begin a phrase (the number slot aside).
    var firstStems: [Int32] { rootChildren.indices.filter { rootChildren[$0] != 0 }.map { Int32($0) } }
}
