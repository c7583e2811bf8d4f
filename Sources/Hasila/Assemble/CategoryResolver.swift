/// Decides a figure's category from the words around it, by the grammars' category rules.
///
/// The noun phrase after the figure is read first: its first category-bearing word sets the
/// category and later ones may only refine or override it (taxonomy.grammar). An outcome in
/// the clause before the figure overrides a people group. A count of times (مرة) takes the
/// categories of the clause before it, merged to their most precise common key.
struct CategoryResolver {
    let grammar: Grammar
    /// The pseudo-key for "decided: no category".
    static let null = "null"

    struct Phrase {
        var key: String?
        var noun: Range<Int>?
        var end: Int
        var times = false
        var countable = false
        var hasNoun: Bool { noun != nil }
    }

    /// Reads the noun phrase from `start` (inclusive) up to a stop; `first` may be a postposed number's noun.
    func phrase(from start: Int, tokens: [Token], isMentionStart: [Bool], sentence: Int32, maxTokens: Int = 6) -> Phrase {
        var result = Phrase(key: nil, noun: nil, end: start)
        var index = start
        let limit = min(tokens.count, start + maxTokens)
        while index < limit {
            let token = tokens[index]
            if token.sentence != sentence || token.kind == .number || token.kind == .punctuation { break }
            if index > start && (isMentionStart[index] || grammar.startsWithConjunction(token) || isStop(at: index, tokens: tokens)) { break }
            if let match = grammar.matches(grammar.categories, in: tokens, from: index).last {
                for payload in match.payloads.prefix(1) {
                    let entry = grammar.categoryPayloads[payload]
                    if result.noun == nil { result.noun = index..<match.end }
                    switch entry.role {
                    case .times: result.times = true
                    case .countable:
                        if result.key == nil { result.key = CategoryResolver.null; result.countable = true }
                    case .noun, .event:
                        result.key = merge(result.key, entry.key ?? CategoryResolver.null)
                    }
                }
                index = match.end
                result.end = index
                continue
            }
            index += 1
            result.end = index
        }
        return result
    }

    private func isStop(at index: Int, tokens: [Token]) -> Bool {
        !grammar.matches(grammar.breakdownsBeforeForward, in: tokens, from: index).isEmpty
            || !grammar.matches(grammar.breakdownsAfter, in: tokens, from: index).isEmpty
            || !grammar.matches(grammar.totalsForward, in: tokens, from: index).isEmpty
            || !grammar.matches(grammar.qualifiersAfter, in: tokens, from: index).isEmpty
    }

    /// Later words of one phrase: only a refinement or an overriding outcome replaces what is there.
    func merge(_ current: String?, _ candidate: String) -> String {
        guard let current else { return candidate }
        if current == CategoryResolver.null { return current }
        if grammar.refines(current, by: candidate) || grammar.overrides(current, by: candidate) { return candidate }
        return current
    }

    /// The closest outcome word in the clause before `end` (exclusive), back to `floor`.
    func outcomeBefore(_ end: Int, floor: Int, tokens: [Token]) -> String? {
        var index = end - 1
        while index >= floor {
            if tokens[index].kind == .word, let match = grammar.matches(grammar.categories, in: tokens, from: index, limit: end).last {
                let entry = grammar.categoryPayloads[match.payloads[0]]
                if entry.role == .event { return entry.key ?? CategoryResolver.null }
            }
            index -= 1
        }
        return nil
    }

    /// Every category named in the clause before `end`, merged to the most precise key common to them.
    func clauseCategory(_ end: Int, floor: Int, tokens: [Token]) -> String? {
        var merged: String?
        var index = floor
        while index < end {
            if tokens[index].kind == .word, let match = grammar.matches(grammar.categories, in: tokens, from: index, limit: end).last {
                let entry = grammar.categoryPayloads[match.payloads[0]]
                if let key = entry.key, entry.role == .noun || entry.role == .event {
                    merged = merged.map { CategoryResolver.commonKey($0, key) } ?? key
                    if merged == nil { return nil }
                }
                index = match.end
                continue
            }
            index += 1
        }
        return merged
    }

    /// The more precise of two keys when one contains the other, else their common ancestor.
    static func commonKey(_ a: String, _ b: String) -> String? {
        if isAncestor(a, of: b) { return b }
        if isAncestor(b, of: a) { return a }
        let left = a.split(separator: "."), right = b.split(separator: ".")
        var common: [Substring] = []
        for (x, y) in zip(left, right) {
            guard x == y else { break }
            common.append(x)
        }
        return common.isEmpty ? nil : common.joined(separator: ".")
    }

    /// "killed" is an ancestor of "killed.children" (and of itself).
    static func isAncestor(_ a: String, of b: String) -> Bool {
        a == b || b.hasPrefix(a + ".")
    }
}
