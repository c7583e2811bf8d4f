/// Finds numbers in digits, in words, and as dual nouns, with their values.
///
/// Digits: "." or "," between groups of three digits is a thousands mark ("12.500" is 12500);
/// before a scale word "." is a decimal point ("2.3 مليون" is 2300000), and so is a decimal-mark
/// letter between digits ("2ر3"). Words combine by their roles (see `NumberWord`):
/// "خمسة وعشرين" is 25, "ثلاثة آلاف وخمسمائة" is 3500, and a scale may continue with و and a
/// smaller number ("15 ألفا و200").
///
/// Every value comes from the input, so all arithmetic on it is checked: a number too large for
/// an `Int` (a run of hundreds of digits, ten billion before a scale word of a billion) is not a figure, never a trap.
struct NumberRecognizer {
    let grammar: Grammar

    func recognize(tokens: [Token], scalars: [UInt32], claimed: [Bool]) -> [NumberMention] {
        var mentions: [NumberMention] = []
        var index = 0
        while index < tokens.count {
            if claimed[index] { index += 1; continue }
            let token = tokens[index]
            if token.kind == .number, let mention = readDigits(at: index, tokens: tokens, scalars: scalars, claimed: claimed) {
                mentions.append(mention)
                index = mention.tokens.upperBound
                continue
            }
            if token.kind == .word && token.isKnown {
                if let mention = readWords(at: index, tokens: tokens, claimed: claimed) {
                    mentions.append(mention)
                    index = mention.tokens.upperBound
                    continue
                }
                // A dual followed by its number word ("مدنيين اثنين") is counted by the number word.
                // With the article ("الطفلين") a dual points back at a pair already counted (rules 1).
                // Right after a number it is that number's noun in the plural ("5 شرطيين"), not a dual.
                if grammar.canStart(grammar.tables.duals, token), !grammar.hasArticle(token), !(mentions.last.map { $0.form != .dual && $0.tokens.upperBound == index } ?? false), let end = grammar.longest(grammar.tables.duals, in: tokens, from: index)?.end, !claimed[index],
                   !(end < tokens.count && readWords(at: end, tokens: tokens, claimed: claimed)?.postposed == true) {
                    mentions.append(NumberMention(tokens: index..<end, value: 2, form: .dual, postposed: false, vague: false,
                                                  identifierShape: false, yearShape: false))
                    index = end
                    continue
                }
            }
            index += 1
        }
        return mentions
    }

    // MARK: Digits

    private struct DigitGroups {
        var groups: [Int] = []      // digit values of each group
        var lengths: [Int] = []     // digit count of each group
        var separators: [UInt32] = []
        var leadingZero = false
        var totalDigits = 0
    }

    private func groups(of token: Token, scalars: [UInt32]) -> DigitGroups {
        var result = DigitGroups()
        var value = 0, length = 0
        for i in token.range {
            let c = scalars[i]
            if c >= 0x30 && c <= 0x39 {
                if length == 0 && result.groups.isEmpty && c == 0x30 && token.range.count > 1 { result.leadingZero = true }
                // Past 18 digits a group's value is meaningless (and callers refuse it by `totalDigits`).
                if length < 18 { value = value * 10 + Int(c - 0x30) }
                length += 1
                result.totalDigits += 1
            } else {
                result.groups.append(value); result.lengths.append(length); result.separators.append(c)
                value = 0; length = 0
            }
        }
        result.groups.append(value); result.lengths.append(length)
        return result
    }

    /// A decimal number as (mantissa, decimal places).
    private typealias Decimal = (mantissa: Int, places: Int)

    private func readDigits(at index: Int, tokens: [Token], scalars: [UInt32], claimed: [Bool]) -> NumberMention? {
        let token = tokens[index]
        let parsed = groups(of: token, scalars: scalars)
        guard parsed.totalDigits <= 15 else {
            return NumberMention(tokens: index..<(index + 1), value: nil, form: .digits, postposed: false, vague: false,
                                 identifierShape: true, yearShape: false)
        }
        var end = index + 1
        // Integer reading (thousands marks) and decimal reading (first separator a decimal point).
        let allThousands = parsed.lengths.dropFirst().allSatisfy { $0 == 3 } && parsed.lengths[0] <= 3
        var integer: Int? = parsed.groups.count == 1 ? parsed.groups[0] : (allThousands ? parsed.groups.reduce(0) { $0 * 1000 + $1 } : nil)
        var decimal: Decimal? = parsed.groups.count == 2
            ? (parsed.groups[0] * pow10(parsed.lengths[1]) + parsed.groups[1], parsed.lengths[1]) : nil
        // A decimal-mark letter glued between digits: "2ر3".
        if parsed.groups.count == 1, end + 1 < tokens.count, !tokens[end].spaceBefore, !tokens[end + 1].spaceBefore,
           tokens[end + 1].kind == .number, (grammar.longest(grammar.tables.decimalMarks, in: tokens, from: end, limit: end + 1) != nil) {
            let fraction = groups(of: tokens[end + 1], scalars: scalars)
            if fraction.groups.count == 1, parsed.totalDigits + fraction.totalDigits <= 15 {
                // Copied from a right-to-left display, the digit groups come out reversed: a group of three
                // digits before the mark and a shorter one after it ("250ر12 ألف") is the fraction shown
                // first, since this style writes thousandths in threes and a whole part of three digits
                // with a shorter fraction after it does not occur.
                let reversed = parsed.lengths[0] == 3 && fraction.lengths[0] < 3
                decimal = reversed
                    ? (fraction.groups[0] * 1000 + parsed.groups[0], 3)
                    : (parsed.groups[0] * pow10(fraction.lengths[0]) + fraction.groups[0], fraction.lengths[0])
                integer = nil
                end += 2
            }
        }
        // A scale word after the digits.
        if end < tokens.count, !claimed[end], let scale = scaleWord(at: end, tokens: tokens) {
            let base: Decimal = decimal ?? (integer.map { ($0, 0) } ?? (0, 0))
            let scaled = base.mantissa.multipliedReportingOverflow(by: scale.value.value)
            var value: Int? = scaled.overflow ? nil : scaled.partialValue / pow10(base.places)
            end = scale.end
            // "15 ألفا و200": a smaller number joined by و continues the scaled number.
            if let (more, moreEnd) = continuation(after: end, tokens: tokens, scalars: scalars, below: scale.value.value, claimed: claimed) {
                let sum = value?.addingReportingOverflow(more)
                value = sum.flatMap { $0.overflow ? nil : $0.partialValue }
                end = moreEnd
            }
            // A value too large for an Int is no count: the digits and scale are read, and left out.
            return NumberMention(tokens: index..<end, value: value, form: .digits, postposed: false, vague: false,
                                 identifierShape: value == nil, yearShape: false)
        }
        let identifier = parsed.leadingZero && parsed.totalDigits >= 2 || (parsed.groups.count == 1 && parsed.totalDigits >= 9)
        let year = parsed.groups.count == 1 && parsed.lengths[0] == 4 && (1900...2100).contains(parsed.groups[0])
        return NumberMention(tokens: index..<end, value: integer, form: .digits, postposed: false, vague: false,
                             identifierShape: identifier, yearShape: year)
    }

    private func pow10(_ n: Int) -> Int {
        var value = 1
        for _ in 0..<n { value *= 10 }
        return value
    }

    private func scaleWord(at index: Int, tokens: [Token]) -> (value: NumberWord, end: Int)? {
        guard tokens[index].kind == .word else { return nil }
        let words = grammar.tables.numberWordPayloads
        func isScale(_ payload: Int) -> Bool { words[payload].role == .scale || words[payload].role == .pluralScale }
        guard let end = grammar.longest(grammar.tables.numberWords, in: tokens, from: index, where: isScale),
              let match = grammar.longest(grammar.tables.numberWords, in: tokens, from: index, limit: end),
              let payload = match.payloads.first(where: isScale) else { return nil }
        return (words[payload], end)
    }

    /// و followed by a number below `limit`, in digits or words, right after a scaled number.
    private func continuation(after end: Int, tokens: [Token], scalars: [UInt32], below limit: Int, claimed: [Bool]) -> (Int, Int)? {
        guard end < tokens.count, !claimed[end] else { return nil }
        if grammar.isConjunction(tokens[end]), end + 1 < tokens.count, tokens[end + 1].kind == .number, !tokens[end + 1].spaceBefore,
           !claimed[end + 1] {
            let parsed = groups(of: tokens[end + 1], scalars: scalars)
            if parsed.groups.count == 1, parsed.totalDigits <= 15, parsed.groups[0] < limit,
               !(end + 2 < tokens.count && scaleWord(at: end + 2, tokens: tokens) != nil) {
                return (parsed.groups[0], end + 2)
            }
        }
        if tokens[end].kind == .word, grammar.startsWithConjunction(tokens[end]),
           let words = readWords(at: end, tokens: tokens, claimed: claimed, allowLeadingConjunction: true),
           let value = words.value, value < limit {
            return (value, words.tokens.upperBound)
        }
        return nil
    }

    // MARK: Words

    /// The longest number-word match at a token.
    private func numberWord(at index: Int, tokens: [Token]) -> (word: NumberWord, end: Int)? {
        guard let match = grammar.longest(grammar.tables.numberWords, in: tokens, from: index) else { return nil }
        return (grammar.tables.numberWordPayloads[match.payloads[0]], match.end)
    }

    /// Every reading of the word as a number word carries the article ("الثلاثة"; not "ألفي", which is ألف's dual).
    private func isDefinite(_ token: Token) -> Bool {
        let tables = grammar.tables
        var definite = false
        for a in token.analyses {
            let analysis = tables.lexicon.analyses[Int(a)]
            guard tables.numberWords.child(PhraseTrie.root, analysis.stem) != nil else { continue }
            if analysis.prefixClasses & tables.articleBit == 0 { return false }
            definite = true
        }
        return definite
    }

    func readWords(at start: Int, tokens: [Token], claimed: [Bool], allowLeadingConjunction: Bool = true) -> NumberMention? {
        guard let first = numberWord(at: start, tokens: tokens), !claimed[start] else { return nil }
        // "الثلاثة": one word with the article, read alone; whether it counts is the figure reader's to say.
        if isDefinite(tokens[start]) {
            guard first.word.role == .unit || first.word.role == .ten, first.end == start + 1 else { return nil }
            var mention = NumberMention(tokens: start..<first.end, value: first.word.value, form: .words, postposed: false, vague: false,
                                        identifierShape: false, yearShape: false)
            mention.definite = true
            return mention
        }
        if first.word.role == .pluralScale {
            return NumberMention(tokens: start..<first.end, value: nil, form: .words, postposed: false, vague: true,
                                 identifierShape: false, yearShape: false)
        }
        var total = 0
        var current = 0
        var last = first.word
        var smallestScale = Int.max
        var overflow = !apply(first.word, conjoined: false, total: &total, current: &current, last: nil, smallestScale: &smallestScale)
        var end = first.end
        while end < tokens.count, !claimed[end], let next = numberWord(at: end, tokens: tokens) {
            let conjoined = grammar.startsWithConjunction(tokens[end])
            guard accepts(next.word, after: last, conjoined: conjoined, current: current, smallestScale: smallestScale) else { break }
            if !apply(next.word, conjoined: conjoined, total: &total, current: &current, last: last, smallestScale: &smallestScale) { overflow = true }
            last = next.word
            end = next.end
        }
        let postposed = first.word.postposed && end == first.end
        let sum = total.addingReportingOverflow(current)
        let value: Int? = overflow || sum.overflow ? nil : sum.partialValue
        var mention = NumberMention(tokens: start..<end, value: value, form: .words, postposed: postposed, vague: false,
                                    identifierShape: false, yearShape: false)
        if end == first.end { mention.partitive = first.word.partitive }
        return mention
    }

    private func accepts(_ word: NumberWord, after last: NumberWord, conjoined: Bool, current: Int, smallestScale: Int) -> Bool {
        if conjoined {
            switch last.role {
            case .unit: return word.role == .ten && current < 10
            case .hundred: return word.value < 100 && word.role != .scale && word.role != .pluralScale
            case .scale, .pluralScale: return word.value < smallestScale && word.role != .pluralScale
            case .ten: return false
            }
        }
        switch word.role {
        case .scale, .pluralScale: return current > 0 && last.role != .scale && last.role != .pluralScale && word.value < smallestScale
        case .unit: return word.value == 10 && last.role == .unit && current < 10
        case .hundred: return word.value == 100 && last.role == .unit && current < 10
        case .ten: return false
        }
    }

    /// Adds a word to the number read so far; false when the value no longer fits an Int (the
    /// grammar's values are the user's, so nothing bounds them).
    private func apply(_ word: NumberWord, conjoined: Bool, total: inout Int, current: inout Int, last: NumberWord?,
                       smallestScale: inout Int) -> Bool {
        func add(_ a: Int, _ b: Int) -> Int? { let r = a.addingReportingOverflow(b); return r.overflow ? nil : r.partialValue }
        func multiply(_ a: Int, _ b: Int) -> Int? { let r = a.multipliedReportingOverflow(by: b); return r.overflow ? nil : r.partialValue }
        switch word.role {
        case .unit, .ten:
            guard let sum = add(current, word.value) else { return false }
            current = sum
        case .hundred:
            if word.value == 100, !conjoined, let last, last.role == .unit, current > 0, current < 10 { current *= 100 } else {
                guard let sum = add(current, word.value) else { return false }
                current = sum
            }
        case .scale, .pluralScale:
            guard let product = multiply(current == 0 ? 1 : current, word.value), let sum = add(total, product) else { return false }
            total = sum
            current = 0
            smallestScale = min(smallestScale, word.value)
        }
        return true
    }
}
