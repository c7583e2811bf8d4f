/// Turns number mentions into figures: drops the numbers that are not counts (decoys, years,
/// ordinals, identifiers, vague plurals), and reads each figure's qualifier, counted noun,
/// category and breakdown cues from the tokens around it.
struct FigureAssembler {
    let grammar: Grammar
    private let categories: CategoryResolver

    init(grammar: Grammar) {
        self.grammar = grammar
        self.categories = CategoryResolver(grammar: grammar)
    }

    /// Punctuation that may stand between a cue and its figure ("بينهم -على الأقل- ثلاثون", "(82)").
    private func isTransparentPunctuation(_ code: UInt32) -> Bool {
        code == 0x2D || code == 0x28 || code == 0x29 || code == 0xAB || code == 0xBB || code == 0x22 || code == 0x3A
            || code == 0x2013 || code == 0x2014 || code == 0x201C || code == 0x201D || code == 0x5B || code == 0x5D
    }

    func assemble(mentions: [NumberMention], tokens: [Token], text: NormalizedText, paragraphs: [Int]) -> [FigureDraft] {
        var isMentionStart = [Bool](repeating: false, count: tokens.count + 1)
        for mention in mentions {
            isMentionStart[mention.postposed && mention.tokens.lowerBound > 0 ? mention.tokens.lowerBound - 1 : mention.tokens.lowerBound] = true
        }
        var sentenceStart: [Int32: Int] = [:]
        var sentenceEnd: [Int32: Int] = [:]
        for (i, token) in tokens.enumerated() {
            if sentenceStart[token.sentence] == nil { sentenceStart[token.sentence] = i }
            sentenceEnd[token.sentence] = i + 1
        }
        var drafts: [FigureDraft] = []
        var rangeSecond: [Int: Int] = [:]  // mention index → its range partner's draft index
        var forcedQualifier: [Int: Qualifier] = [:]
        var previousEnd = 0
        for (mentionIndex, mention) in mentions.enumerated() {
            defer { previousEnd = mention.tokens.upperBound }
            guard !mention.vague, let value = mention.value, !mention.identifierShape else { continue }
            let first = mention.tokens.lowerBound, last = mention.tokens.upperBound
            let sentence = tokens[first].sentence
            let floor = sentenceStart[sentence] ?? 0
            if isDecoy(mention, tokens: tokens) { continue }
            // The counted noun phrase.
            let phraseStart: Int
            if mention.postposed {
                guard first > 0, let match = grammar.matches(grammar.categories, in: tokens, from: first - 1, limit: first).last,
                      match.end == first else { continue }
                _ = match
                phraseStart = first - 1
            } else if mention.form == .dual {
                phraseStart = first
            } else {
                phraseStart = last
            }
            var phrase = categories.phrase(from: phraseStart, tokens: tokens, isMentionStart: isMentionStart, sentence: sentence)
            if mention.postposed && phrase.noun == nil { continue }
            // A partitive: "97 من الحوادث", "1109 من الضحايا المدنيين".
            var partitive = false
            if !phrase.hasNoun, last < tokens.count, let of = grammar.matches(grammar.partitives, in: tokens, from: last).last,
               of.end < tokens.count, tokens[of.end].sentence == sentence {
                let inner = categories.phrase(from: of.end, tokens: tokens, isMentionStart: isMentionStart, sentence: sentence)
                if inner.hasNoun {
                    partitive = grammar.hasArticle(tokens[of.end])
                    phrase = inner
                }
            }
            // Numbers that count nothing here: a year, an ordinal after the article, a bare number word.
            if mention.yearShape && !phrase.hasNoun { continue }
            let leadIndex = mention.postposed ? first - 1 : first
            if leadIndex > 0, mention.form == .digits, isArticle(tokens[leadIndex - 1]), !phrase.hasNoun { continue }
            // Qualifier cue before the figure; a conjunction on the figure blocks any cue before it.
            var cueStart = leadIndex
            var qualifier = Qualifier.exact
            var conjoined = grammar.startsWithConjunction(tokens[leadIndex])
            var isRange = false
            if !conjoined {
                var p = leadIndex - 1
                while p >= floor, isSkippable(tokens[p], text: text) { p -= 1 }
                if p >= floor, grammar.isConjunction(tokens[p]) {
                    conjoined = true
                    cueStart = p
                } else if p >= floor, let cue = grammar.matchesBackward(grammar.qualifiersBefore, in: tokens, from: p, floor: floor).last {
                    let key = grammar.qualifierPayloads[cue.payloads[0]]
                    if key == "range" { isRange = true } else { qualifier = Qualifier(rawValue: key) ?? .exact }
                    cueStart = cue.begin
                    conjoined = grammar.startsWithConjunction(tokens[cue.begin])
                    if !conjoined, cue.begin > floor, grammar.isConjunction(tokens[cue.begin - 1]) {
                        conjoined = true
                        cueStart = cue.begin - 1
                    }
                }
            } else if leadIndex > floor, grammar.isConjunction(tokens[leadIndex - 1]) == false {
                cueStart = leadIndex
            }
            if let forced = forcedQualifier[mentionIndex] { qualifier = forced }
            // A range "بين A و B": A is at least, B at most.
            if isRange {
                if mentionIndex + 1 < mentions.count {
                    let next = mentions[mentionIndex + 1]
                    let gap = last..<next.tokens.lowerBound
                    let joined = (gap.count == 1 && grammar.isConjunction(tokens[last]))
                        || (gap.isEmpty && grammar.startsWithConjunction(tokens[next.tokens.lowerBound]))
                    if joined {
                        qualifier = .atLeast
                        forcedQualifier[mentionIndex + 1] = .atMost
                        rangeSecond[mentionIndex + 1] = drafts.count
                    }
                }
            }
            // Qualifier cue after the figure or its noun.
            if qualifier == .exact {
                for position in [last, phrase.end] where position < tokens.count && tokens[position].sentence == sentence {
                    if let cue = grammar.matches(grammar.qualifiersAfter, in: tokens, from: position).last {
                        qualifier = Qualifier(rawValue: grammar.qualifierPayloads[cue.payloads[0]]) ?? .exact
                        break
                    }
                }
            }
            // Breakdown and total cues before the figure (and its qualifier cue).
            var breakdownBefore = false, totalBefore = false
            var p = cueStart - 1
            while p >= floor, isSkippable(tokens[p], text: text) || isComma(tokens[p], text: text) { p -= 1 }
            if p >= floor {
                if !grammar.matchesBackward(grammar.breakdownsBefore, in: tokens, from: p, floor: floor).isEmpty { breakdownBefore = true }
                if !grammar.matchesBackward(grammar.totalsBefore, in: tokens, from: p, floor: floor).isEmpty { totalBefore = true }
            }
            // A breakdown cue after the figure, not followed by another figure: "خمسون واقعة منها".
            var breakdownAfter = false
            if phrase.end < tokens.count, tokens[phrase.end].sentence == sentence,
               let cue = grammar.matches(grammar.breakdownsAfter, in: tokens, from: phrase.end).last {
                var q = cue.end
                while q < tokens.count, isSkippable(tokens[q], text: text) || isComma(tokens[q], text: text) { q += 1 }
                let followedByFigure = q < tokens.count
                    && (isMentionStart[q] || startsQualifier(at: q, tokens: tokens, isMentionStart: isMentionStart))
                breakdownAfter = !followedByFigure
            }
            // The category.
            var key = phrase.key
            let fromPhrase = key != nil
            if phrase.times {
                key = categories.clauseCategory(first, floor: max(floor, previousEnd), tokens: tokens)
            }
            if let outcome = categories.outcomeBefore(cueStart, floor: floor, tokens: tokens) {
                if key == nil { key = outcome } else if let current = key, current != CategoryResolver.null,
                    grammar.overrides(current, by: outcome) { key = outcome }
            }
            let explicitNull = key == CategoryResolver.null
            let startToken = tokens[first], endToken = tokens[last - 1]
            let range = text.originalRange(Int(startToken.start)..<Int(endToken.end))
            let sentenceRange = text.originalRange(Int(tokens[floor].start)..<Int(tokens[(sentenceEnd[sentence] ?? last) - 1].end))
            let noun = phrase.noun.map { text.originalText(text.originalRange(Int(tokens[$0.lowerBound].start)..<Int(tokens[$0.upperBound - 1].end))) }
            let figure = Figure(value: value, range: range, text: text.originalText(range), qualifier: qualifier,
                                category: explicitNull ? nil : key, noun: noun, parent: nil, period: nil, sentence: sentenceRange)
            drafts.append(FigureDraft(figure: figure, mention: mention, leadStart: cueStart, phraseEnd: max(phrase.end, last),
                                      sentence: sentence, paragraph: paragraphs[first], conjoined: conjoined,
                                      breakdownBefore: breakdownBefore, breakdownAfter: breakdownAfter, totalBefore: totalBefore,
                                      partitive: partitive, categoryFromPhrase: fromPhrase, explicitNull: explicitNull))
            // The first of a range shares the second's noun when it has none of its own.
            if let firstIndex = rangeSecond[mentionIndex], drafts[firstIndex].figure.category == nil, !drafts[firstIndex].explicitNull {
                drafts[firstIndex].figure.category = drafts[drafts.count - 1].figure.category
                drafts[firstIndex].figure.noun = drafts[drafts.count - 1].figure.noun
            }
        }
        return drafts
    }

    private func startsQualifier(at index: Int, tokens: [Token], isMentionStart: [Bool]) -> Bool {
        // A before-cue is read backwards from the figure; find one whose first word is here.
        var end = index
        while end < min(tokens.count, index + 6) {
            if isMentionStart[end] {
                return !grammar.matchesBackward(grammar.qualifiersBefore, in: tokens, from: end - 1, floor: index).isEmpty
            }
            end += 1
        }
        return false
    }

    private func isSkippable(_ token: Token, text: NormalizedText) -> Bool {
        if token.kind == .punctuation { return isTransparentPunctuation(text.scalars[Int(token.start)]) }
        return grammar.isParticle(token) && !grammar.isConjunction(token)
    }

    private func isComma(_ token: Token, text: NormalizedText) -> Bool {
        guard token.kind == .punctuation else { return false }
        let code = text.scalars[Int(token.start)]
        return code == 0x060C || code == 0x2C
    }

    private func isArticle(_ token: Token) -> Bool {
        guard token.kind == .word, grammar.isParticle(token) else { return false }
        return token.analyses.contains { grammar.lexicon.analyses[Int($0)].prefixClasses == 0 && grammar.articleStems.contains(grammar.lexicon.analyses[Int($0)].stem) }
    }

    /// A decoy rule matches around the number: the part after {n} from the number's end, the part before it backwards.
    private func isDecoy(_ mention: NumberMention, tokens: [Token]) -> Bool {
        let first = mention.tokens.lowerBound, last = mention.tokens.upperBound
        var candidates: [Int] = grammar.decoysAfter.payloads(at: PhraseTrie.root)
        for match in grammar.matches(grammar.decoysAfter, in: tokens, from: last) { candidates.append(contentsOf: match.payloads) }
        for payload in candidates {
            let before = grammar.decoyBefore[payload]
            guard before.count <= first else { continue }
            var ok = true
            for (k, stem) in before.enumerated() where !grammar.has(tokens[first - 1 - k], stem: stem) {
                ok = false
                break
            }
            if ok { return true }
        }
        return false
    }
}
