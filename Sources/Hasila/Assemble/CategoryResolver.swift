/// Decides a figure's category from the words around it, by the grammars' category rules.
///
/// The noun phrase after the figure is read first: its first category-bearing word sets the
/// category and later ones may only refine or override it (taxonomy.grammar). An act in the
/// clause before the figure overrides a people group or an outcome noun; the clause may also
/// refine an attack by its munition or target. A count of times (مرة) takes the categories of
/// the clause before it, merged to their most precise common key. Groups and targets keep
/// their key only with evidence of what happened to them (see `CategoryEntry.Role`).
struct CategoryResolver {
    let grammar: Grammar
    /// The pseudo-key for "decided: no category".
    static let null = "null"

    struct Phrase {
        var key: String?
        var role: CategoryEntry.Role?
        /// Tokens of the counted noun (the first category-bearing word or phrase).
        var noun: Range<Int>?
        /// Token after the phrase (after a qualifier cue inside it, too).
        var end: Int
        var times = false
        var entries: [(key: String, role: CategoryEntry.Role)] = []
        /// A qualifier cue read inside the phrase ("40 شخصا على الأقل"), and its rule (index into `ruleSources`).
        var qualifier: String?
        var qualifierRule = -1
        /// The category rule (payload) and words that last set `key`, for `hasila eval --explain`.
        var rule = -1
        var ruleWords: Range<Int>?
        var hasNoun: Bool { noun != nil }
    }

    /// Reads the noun phrase from `start` up to a stop. `checkStart`: the first token may itself stop it
    /// (a number's phrase), unlike a postposed number's noun or a dual.
    func phrase(from start: Int, tokens: [Token], scalars: [UInt32], isMentionStart: [Bool], sentence: Int32,
                checkStart: Bool = true, maxTokens: Int = 6) -> Phrase {
        var result = Phrase(end: start)
        var index = start
        var read = 0
        // The head is the first word that is not a transparent preposition; when the grammars do not know it
        // ("14 حوثيا", "3 متمردين في هجوم"), only an act or outcome later in the phrase may name the category.
        var headUnknown = false
        var sawHead = false
        while index < tokens.count && read < maxTokens {
            let token = tokens[index]
            if token.sentence != sentence || token.kind == .number { break }
            if token.kind == .punctuation {
                // A closing bracket right after the number: "(82) على مستشفيات".
                if index == start, scalars[Int(token.start)] == 0x29 { index += 1; result.end = index; continue }
                break
            }
            let first = index == start
            if !first || checkStart {
                if !first && isMentionStart[index] { break }
                if grammar.startsWithConjunction(token) && !(first && !checkStart) { break }
                if let cue = grammar.longest(grammar.tables.qualifiersAfter, in: tokens, from: index) {
                    if result.qualifier == nil {
                        result.qualifier = grammar.tables.qualifierPayloads[cue.payloads[0]]
                        result.qualifierRule = cue.payloads[0]
                    }
                    index = cue.end
                    result.end = index
                    continue
                }
                if isStop(at: index, tokens: tokens) { break }
            }
            read += 1
            let transparent = (grammar.longest(grammar.tables.transparentWords, in: tokens, from: index, limit: index + 1) != nil)
            if let match = grammar.longest(grammar.tables.categories, in: tokens, from: index) {
                let entry = grammar.tables.categoryPayloads[match.payloads[0]]
                sawHead = true
                let allowed = !headUnknown || entry.role == .event || entry.role == .outcome
                // A countable noun counts only right after the number, and gives way to any later category.
                let countable = entry.role == .countable || entry.role == .unit
                if allowed && (!countable || (result.noun == nil && index == start)) {
                    if result.noun == nil { result.noun = index..<match.end }
                    // "4 بلدات بالقذائف": a weapon after ب is the instrument of what befell the counted things.
                    if !(result.role == .countable && entry.role == .noun && grammar.hasPreposition(token)) {
                        let before = result.key
                        add(entry, to: &result)
                        if result.key != before { result.rule = match.payloads[0]; result.ruleWords = index..<match.end }
                    }
                }
                index = match.end
                result.end = index
                continue
            }
            if !sawHead && !transparent {
                sawHead = true
                headUnknown = true
            }
            index += 1
            result.end = index
        }
        return result
    }

    private func add(_ entry: CategoryEntry, to result: inout Phrase) {
        let key = entry.key ?? CategoryResolver.null
        switch entry.role {
        case .times:
            // Only as the counted noun itself: "212 مرة", not a place named مرة further on.
            if result.entries.isEmpty && result.key == nil { result.times = true }
            return
        case .countable, .unit:
            if result.key == nil { result.key = CategoryResolver.null; result.role = entry.role }
            return
        default: break
        }
        result.entries.append((key, entry.role))
        // A unit of people gives way to any later category; a counted thing only to another noun, not to an act
        // ("3 آلاف خيمة بغرق المخيمات" counts tents).
        if result.role == .countable && (entry.role == .event || entry.role == .outcome || entry.role == .group) { return }
        guard let current = result.key, result.role != .countable, result.role != .unit else {
            result.key = key
            result.role = entry.role
            return
        }
        if current == CategoryResolver.null { return }
        let role = result.role ?? .noun
        if grammar.refines(current, by: key) {
            // A group refined by another group stays a group; anything else decides for itself.
            result.key = key
            // An outcome refined by a group ("قتيلا مدنيا") still says what happened to them.
            if !((role == .group || role == .outcome) && entry.role == .group) { result.role = entry.role }
        } else if entry.role != .group, role == .group || role == .outcome, grammar.overrides(current, by: key) {
            // An act or outcome replaces what a group or outcome noun said ("شخص للنزوح"), never another act.
            result.key = key
            result.role = entry.role
        } else if entry.role == .event || entry.role == .outcome, role == .group, CategoryResolver.isAncestor(key, of: current) {
            // "18 شخصا توفوا": the act confirms the group, which is now settled.
            result.role = entry.role
        }
    }

    private func isStop(at index: Int, tokens: [Token]) -> Bool {
        (grammar.longest(grammar.tables.breakdownsBeforeForward, in: tokens, from: index) != nil)
            || (grammar.longest(grammar.tables.breakdownsAfter, in: tokens, from: index) != nil)
            || (grammar.longest(grammar.tables.totalsForward, in: tokens, from: index) != nil)
            || (grammar.longest(grammar.tables.phraseStops, in: tokens, from: index) != nil)
            || (grammar.longest(grammar.tables.clauseBoundaries, in: tokens, from: index) != nil)
    }

    /// Every category named in `floor..<end`, merged to the most precise key common to them.
    func clauseCategory(_ end: Int, floor: Int, tokens: [Token]) -> String? {
        var merged: String?
        var index = floor
        while index < end {
            if tokens[index].kind == .word, let match = grammar.longest(grammar.tables.categories, in: tokens, from: index, limit: end) {
                let entry = grammar.tables.categoryPayloads[match.payloads[0]]
                if let key = entry.key, entry.role != .times, entry.role != .countable, entry.role != .unit {
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

    /// True when `floor..<end` names a key that is evidence for `role` (an attack for a target, say).
    func hasEvidence(for role: CategoryEntry.Role, in phrase: Phrase, clause floor: Int, end: Int, tokens: [Token]) -> Bool {
        guard let keys = grammar.tables.evidence[role] else { return true }
        if phrase.entries.contains(where: { $0.role != role && keys.contains($0.key) }) { return true }
        var index = floor
        while index < end {
            if tokens[index].kind == .word, let match = grammar.longest(grammar.tables.categories, in: tokens, from: index, limit: end) {
                let entry = grammar.tables.categoryPayloads[match.payloads[0]]
                if entry.role != role, keys.contains(entry.key ?? CategoryResolver.null) { return true }
                index = match.end
                continue
            }
            index += 1
        }
        return false
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
