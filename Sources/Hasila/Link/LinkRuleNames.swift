/// Where the link cues' rules were written ("cues/actors.grammar:12"), interned once per process: a scene's
/// cues are copied at every look-up of the linkers, and an id copies for free where a String of that length
/// is reference counted.
enum LinkRuleNames {
    private static let lock = Lock()
    nonisolated(unsafe) private static var names: [String] = []
    nonisolated(unsafe) private static var ids: [String: Int32] = [:]

    /// The id of a rule's location, added when new (at grammar compilation, and for the few cues a linker makes).
    static func id(_ name: String) -> Int32 {
        lock.withLock {
            if let known = ids[name] { return known }
            let id = Int32(names.count)
            names.append(name)
            ids[name] = id
            return id
        }
    }

    /// The location an id stands for (read for `--explain`).
    static func name(_ id: Int32) -> String {
        lock.withLock { names[Int(id)] }
    }
}
