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
    /// Per node, side by side (a walk that reaches a node asks both, and they share a cache line):
    /// - `payload`: its payload when it has exactly one (most have), `PhraseTrie.none` when no phrase ends there,
    ///   `PhraseTrie.several` when more than one does (then read `payloadLists`). The walks ask at every step
    ///   whether a phrase ends; read from `payloadLists` that took two dependent loads (the list, then its count),
    ///   each often a cache miss, and the one payload a third.
    /// - `sketch`: a 32-bit sketch of the stems of its children (one bit of a hash of each), 0 for a node without a
    ///   child. Most phrases end at a node with no child (a town's one word), and a walk that reaches one stops
    ///   there; at a node with children, a word none of whose readings has a bit in the sketch goes no further
    ///   without probing `edges`, a large table where each probe is a likely cache miss.
    private var nodes: [(payload: Int32, sketch: UInt32)] = [(PhraseTrie.none, 0)]
    /// The root's children by stem id (0: none; the root is no one's child). Every walk starts at the root and
    /// most stop there: an array indexed by the stem is read where the edge table would be hashed and probed,
    /// and it is small enough to stay in a core's cache. The number slot's edge is in `edges` only.
    private var rootChildren: [Int32] = []
    private(set) var isEmpty = true

    /// A node's `payload` where no phrase ends, and where several do.
    private static let none: Int32 = -1
    private static let several: Int32 = -2

    /// A stem's bit in a node's `sketch`.
    @inline(__always)
    private static func sketchBit(_ stem: Int32) -> UInt32 {
        1 << UInt32(truncatingIfNeeded: (UInt64(UInt32(bitPattern: stem)) &* 0x9E37_79B9_7F4A_7C15) >> 59)
    }

    @inline(__always)
    private static func edge(_ node: Int32, _ stem: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: stem))
    }

    mutating func insert(_ sequence: [Int32], payload: Int) {
        var node: Int32 = 0
        for id in sequence {
            if let next = edges[PhraseTrie.edge(node, id)] { node = next } else {
                let next = Int32(nodes.count)
                if node == 0, id >= 0 {
                    if Int(id) >= rootChildren.count { rootChildren += repeatElement(0, count: Int(id) + 1 - rootChildren.count) }
                    rootChildren[Int(id)] = next
                }
                payloadLists.append([])
                nodes.append((PhraseTrie.none, 0))
                nodes[Int(node)].sketch |= PhraseTrie.sketchBit(id)
                edges[PhraseTrie.edge(node, id)] = next
                node = next
            }
        }
        if !payloadLists[Int(node)].contains(payload) { payloadLists[Int(node)].append(payload) }
        nodes[Int(node)].payload = payloadLists[Int(node)].count == 1 ? Int32(payloadLists[Int(node)][0]) : PhraseTrie.several
        isEmpty = false
    }

    @inline(__always)
    func child(_ node: Int32, _ id: Int32) -> Int32? {
        if node == 0, id >= 0 {
            guard Int(id) < rootChildren.count else { return nil }
            let child = rootChildren[Int(id)]
            return child == 0 ? nil : child
        }
        guard nodes[Int(node)].sketch & PhraseTrie.sketchBit(id) != 0 else { return nil }
        return edges[PhraseTrie.edge(node, id)]
    }

    /// Whether some phrase goes on past `node` (a walk that reaches a node without goes no further).
    @inline(__always)
    func hasChildren(_ node: Int32) -> Bool { nodes[Int(node)].sketch != 0 }

    @inline(__always)
    func payloads(at node: Int32) -> [Int] { payloadLists[Int(node)] }

    @inline(__always)
    func hasPayload(_ node: Int32) -> Bool { nodes[Int(node)].payload != PhraseTrie.none }

    /// The first payload of `node`, nil when no phrase ends there.
    @inline(__always)
    func firstPayload(at node: Int32) -> Int? {
        let only = nodes[Int(node)].payload
        if only >= 0 { return Int(only) }
        return only == PhraseTrie.several ? payloadLists[Int(node)].first : nil
    }

    /// Calls `body` with each payload of `node` (none when no phrase ends there), reading the list only for a node
    /// with several.
    @inline(__always)
    func forEachPayload(at node: Int32, _ body: (Int) -> Void) {
        let only = nodes[Int(node)].payload
        if only >= 0 { body(Int(only)) } else if only == PhraseTrie.several { for payload in payloadLists[Int(node)] { body(payload) } }
    }

    /// The stems that begin a phrase with a payload that satisfies `accept` (the number slot aside). A walk over
    /// the whole trie: for tables built once, when the grammar is sealed.
    func firstStems(where accept: (Int) -> Bool) -> [Int32] {
        var children = [[Int32]](repeating: [], count: nodes.count)
        edges.forEach { key, child in children[Int(key >> 32)].append(child) }
        // Whether a phrase through `start` ends with an accepted payload, depth first without recursion (a trie is a
        // tree: no node is reached twice).
        func reachesAccepted(_ start: Int32) -> Bool {
            var stack: [Int32] = [start]
            while let node = stack.popLast() {
                if payloadLists[Int(node)].contains(where: accept) { return true }
                stack.append(contentsOf: children[Int(node)])
            }
            return false
        }
        return firstStems.filter { reachesAccepted(rootChildren[Int($0)]) }
    }

    /// The stems that begin a phrase (the number slot aside).
    var firstStems: [Int32] { rootChildren.indices.filter { rootChildren[$0] != 0 }.map { Int32($0) } }
}
