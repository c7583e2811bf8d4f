/// Turns number mentions into figures: drops the numbers that are not counts (decoys, years,
/// ordinals, identifiers, clock times, vague plurals), and reads each figure's qualifier,
/// counted noun, category and breakdown cues from the tokens around it.
struct FigureAssembler {
    let grammar: Grammar
    private let categories: CategoryResolver
    private let qualifiers: QualifierReader
    private let acts: ActReader
    /// Where the decisions go when a researcher asks why (`hasila eval --explain`); nil in a normal run.
    var trace: DecisionTrace?
    /// How many words back from a figure its clause is read for acts and evidence.
    static let reach = 40

    init(grammar: Grammar, trace: DecisionTrace? = nil) {
        self.grammar = grammar
        self.categories = CategoryResolver(grammar: grammar)
        self.qualifiers = QualifierReader(grammar: grammar)
        self.acts = ActReader(grammar: grammar)
        self.trace = trace
    }

    /// A category rule's file:line.
    private func rule(_ payload: Int) -> String { grammar.tables.categoryPayloads[payload].source }
    /// A cue rule's file:line.
    private func cueRule(_ payload: Int) -> String? { payload >= 0 ? grammar.tables.ruleSources[payload] : nil }

    /// What a figure's reading needs of the figure before it in the same sentence: its own phrase (which
    /// speaks of it, not of the next) and how far back its act was read (a list shares that clause).
    private struct PreviousFigure {
        var phrase: Range<Int> = 0..<0
        var actFloor = 0
    }

    /// The token positions of one document that every figure's reading needs.
    private struct Context {
        let tokens: [Token]
        let text: NormalizedText
        let mentions: [NumberMention]
        let isMentionStart: [Bool]
        /// First token and token after the last, per sentence id.
        let sentenceStart: [Int]
        let sentenceEnd: [Int]
        var scalars: [UInt32] { text.scalars }
    }

    func assemble(mentions: [NumberMention], tokens: [Token], text: NormalizedText, paragraphs: [Int]) -> [FigureDraft] {
        var isMentionStart = [Bool](repeating: false, count: tokens.count + 1)
        for mention in mentions {
            isMentionStart[mention.postposed && mention.tokens.lowerBound > 0 ? mention.tokens.lowerBound - 1 : mention.tokens.lowerBound] = true
        }
        let sentenceCount = Int(tokens.last?.sentence ?? 0) + 1
        var sentenceStart = [Int](repeating: -1, count: sentenceCount), sentenceEnd = [Int](repeating: 0, count: sentenceCount)
        for (i, token) in tokens.enumerated() {
            let s = Int(token.sentence)
            if sentenceStart[s] < 0 { sentenceStart[s] = i }
            sentenceEnd[s] = i + 1
        }
        let context = Context(tokens: tokens, text: text, mentions: mentions, isMentionStart: isMentionStart,
                              sentenceStart: sentenceStart, sentenceEnd: sentenceEnd)
        var drafts: [FigureDraft] = []
        // Per mention (plain arrays: three hash look-ups a figure showed in profiles).
        var forcedQualifier = [Qualifier?](repeating: nil, count: mentions.count + 1)
        var rangeFirst = [Int?](repeating: nil, count: mentions.count + 1)   // a range's second → draft index of its first
        var decoyed = [Bool](repeating: false, count: mentions.count + 1)
        var previousEnd = 0
        for (mentionIndex, mention) in mentions.enumerated() {
            defer { previousEnd = mention.tokens.upperBound }
            guard !mention.vague, let value = mention.value, !mention.identifierShape, !decoyed[mentionIndex] else { continue }
            if isDecoy(mention, tokens: tokens) || isClockTime(mention, context) || isListNumber(mention, context)
                || isDigitGroup(mentionIndex, context) || isModelNumber(mention, context) { continue }
            // "بين 16 و25 عاما": the first of a pair shares the second's decoy.
            if mentionIndex + 1 < mentions.count, joined(mention, mentions[mentionIndex + 1], context),
               isDecoy(mentions[mentionIndex + 1], tokens: tokens) {
                decoyed[mentionIndex + 1] = true
                continue
            }
            // The previous figure's extent, read in place (a draft is large; copying it per figure showed in profiles).
            var clauseStart = previousEnd
            var previous = PreviousFigure()
            if !drafts.isEmpty {
                let last = drafts.count - 1
                if drafts[last].sentence == tokens[mention.tokens.lowerBound].sentence {
                    clauseStart = max(drafts[last].phraseEnd, previousEnd)
                    previous.actFloor = drafts[last].actFloor
                }
                // Its counted noun, not the whole phrase read after it: "3 مصابين من الجنسية المصرية تم تنويم حالتين"
                // leaves تنويم to the second figure.
                let nounEnd = drafts[last].nounEnd ?? drafts[last].mention.tokens.upperBound
                previous.phrase = drafts[last].mention.tokens.upperBound..<max(drafts[last].mention.tokens.upperBound, min(nounEnd, drafts[last].phraseEnd))
            }
            if var draft = read(mention, index: mentionIndex, value: value, context: context, paragraphs: paragraphs,
                                previousEnd: min(clauseStart, mention.tokens.lowerBound), forcedQualifier: &forcedQualifier, rangeFirst: &rangeFirst,
                                draftCount: drafts.count, previous: previous) {
                // "أحد المنازل" picks one out of a total only where one was counted: no earlier figure of its
                // paragraph counts that kind, no figure (rules 1).
                if draft.mention.partitive == .noun {
                    // The total counts the same kind of thing: its noun names the same category with the same role.
                    if !drafts.contains(where: { $0.paragraph == draft.paragraph && draft.isPart(of: $0) }) { continue }
                }
                if let last = drafts.indices.last, isElidedItem(draft, after: drafts[last], context) {
                    // "قتل 40 مدنيا: 25 في حمص و9 في حماة": an item that leaves its noun out counts what its head counts.
                    draft.figure.category = drafts[last].figure.category
                    draft.explicitNull = drafts[last].explicitNull
                    draft.needsEvidence = drafts[last].needsEvidence
                    draft.elided = true
                    trace?.note(draft.mention.tokens.lowerBound, .category, "item of a list that leaves out the noun of its head",
                                value: draft.figure.category ?? "null")
                }
                drafts.append(draft)
                // The first of a range shares the second's noun when it has none of its own.
                if let firstIndex = rangeFirst[mentionIndex], !drafts[firstIndex].categoryFromPhrase {
                    drafts[firstIndex].figure.category = draft.figure.category
                    drafts[firstIndex].figure.noun = draft.figure.noun
                    drafts[firstIndex].explicitNull = draft.explicitNull
                    drafts[firstIndex].needsEvidence = draft.needsEvidence
                }
            }
        }
        return drafts
    }

    private func read(_ mention: NumberMention, index mentionIndex: Int, value: Int, context: Context, paragraphs: [Int],
                      previousEnd: Int, forcedQualifier: inout [Qualifier?], rangeFirst: inout [Int?],
                      draftCount: Int, previous: PreviousFigure) -> FigureDraft? {
        let tokens = context.tokens
        let scalars = context.scalars   // read once: each access to the context's text retains it
        let first = mention.tokens.lowerBound, last = mention.tokens.upperBound
        let sentence = tokens[first].sentence
        let floor = context.sentenceStart[Int(sentence)]
        // A postposed number word stands after its noun ("هجوما واحدا"), or alone after a breakdown cue ("بينهم اثنان").
        // The word before must be a counted noun ("قتيل واحد"), not an act ("بإعدام واحد من الثلاثة").
        let postposedNoun = mention.postposed && first > 0 && !grammar.startsWithConjunction(tokens[first])
            && grammar.longest(grammar.tables.categories, in: tokens, from: first - 1, limit: first).map {
                $0.end == first && grammar.tables.categoryPayloads[$0.payloads[0]].role != .event
            } ?? false
        let leadIndex = postposedNoun ? first - 1 : first
        // A cue may stand across a line break that ends no sentence ("ما لا يقل\nعن 40").
        var cueFloor = floor
        if floor > 0, tokens[floor].lineBreakBefore, !(tokens[floor - 1].kind == .punctuation
            && Tokenizer.endsSentence(scalars[Int(tokens[floor - 1].start)])) {
            cueFloor = context.sentenceStart[Int(tokens[floor - 1].sentence)]
        }

        // Cues before the figure: a qualifier (unless a conjunction joins the figure to what precedes it),
        // then a breakdown or total cue.
        let lead = qualifiers.lead(at: leadIndex, floor: floor, cueFloor: cueFloor, tokens: tokens, scalars: scalars)
        let cueStart = lead.cueStart
        var qualifier = lead.qualifier
        let isRange = lead.isRange
        let conjoined = lead.conjoined
        if let rule = lead.rule {
            trace?.note(first, .qualifier, "cue before the figure", rule: cueRule(rule), words: lead.cueWords, value: lead.isRange ? "range" : qualifier.rawValue)
        }
        var breakdownBefore = false, totalBefore = false
        var cueRuleIndex = -1
        var p = cueStart - 1
        while p >= floor, grammar.isSkippable(tokens[p], scalars: scalars) || grammar.isComma(tokens[p], scalars: scalars) { p -= 1 }
        if p >= floor {
            if let cue = grammar.longestBackward(grammar.tables.breakdownsBefore, in: tokens, from: p, floor: floor) {
                breakdownBefore = true
                cueRuleIndex = cue.payloads[0]
            }
            if let cue = grammar.longestBackward(grammar.tables.totalsBefore, in: tokens, from: p, floor: floor) {
                totalBefore = true
                cueRuleIndex = cue.payloads[0]
            }
        }

        // The counted noun phrase; a partitive "من" + definite noun first ("97 من الحوادث").
        var partitive = false
        var phrase: CategoryResolver.Phrase
        if mention.postposed {
            if postposedNoun {
                phrase = categories.phrase(from: first - 1, tokens: tokens, scalars: scalars, isMentionStart: context.isMentionStart,
                                           sentence: sentence, checkStart: false)
            } else if let standalone = standalonePostposed(mentionIndex, conjoined: conjoined, sentence: sentence, context: context) {
                phrase = standalone
            } else {
                guard breakdownBefore else { return nil }
                phrase = categories.phrase(from: last, tokens: tokens, scalars: scalars, isMentionStart: context.isMentionStart, sentence: sentence)
            }
        } else if mention.partitive != .none {
            // "أحد المصابين": one of a total counted before, named by the definite noun right after it; "أحدهما"
            // names it in its pronoun. Alone ("لم يصب أحد") it is none.
            if mention.partitive == .noun {
                let noun = last
                guard noun < tokens.count, tokens[noun].sentence == sentence, tokens[noun].kind == .word,
                      grammar.hasArticle(tokens[noun]) else { return nil }
                phrase = categories.phrase(from: noun, tokens: tokens, scalars: scalars, isMentionStart: context.isMentionStart,
                                           sentence: sentence, checkStart: false)
                // The noun right after it counts the total: "أحد الأماكن التي وقعت بها ضربة" names no counted kind.
                guard phrase.noun?.lowerBound == noun else { return nil }
            } else {
                phrase = categories.phrase(from: last, tokens: tokens, scalars: scalars, isMentionStart: context.isMentionStart,
                                           sentence: sentence)
            }
            partitive = true
        } else if mention.definite || (mention.form == .digits && first > 0 && isArticle(tokens[first - 1])
                                        && !categories.phrase(from: last, tokens: tokens, scalars: scalars,
                                                              isMentionStart: context.isMentionStart, sentence: sentence).hasNoun) {
            // "الجرحى الثلاثة", "الناجين ال28": counts the noun just before it (one word may stand between:
            // "تفجيرات كابل الثلاثة"); with none, it points back at a count and is no figure.
            let article = mention.definite ? first : first - 1
            guard let noun = definiteNoun(before: article, floor: floor, tokens: tokens) else { return nil }
            phrase = categories.phrase(from: noun, tokens: tokens, scalars: scalars, isMentionStart: context.isMentionStart,
                                       sentence: sentence, checkStart: false)
        } else if mention.form == .dual {
            phrase = categories.phrase(from: first, tokens: tokens, scalars: scalars, isMentionStart: context.isMentionStart,
                                       sentence: sentence, checkStart: false)
        } else {
            if last + 1 < tokens.count, let of = grammar.longest(grammar.tables.partitives, in: tokens, from: last),
               of.end < tokens.count, tokens[of.end].sentence == sentence, grammar.hasArticle(tokens[of.end]) {
                phrase = categories.phrase(from: of.end, tokens: tokens, scalars: scalars, isMentionStart: context.isMentionStart,
                                           sentence: sentence, checkStart: false)
                partitive = phrase.hasNoun && phrase.role != .group
                if !phrase.hasNoun { phrase = categories.phrase(from: last, tokens: tokens, scalars: scalars, isMentionStart: context.isMentionStart, sentence: sentence) }
            } else {
                phrase = categories.phrase(from: last, tokens: tokens, scalars: scalars, isMentionStart: context.isMentionStart, sentence: sentence)
            }
        }

        // Numbers that count nothing here: a year or an ordinal after the article, unless a counted noun follows at once.
        let nounFollows = phrase.noun.map { $0.lowerBound <= last + 1 } ?? false
        if mention.yearShape && !nounFollows && qualifier == .exact && !isRange && !breakdownBefore { return nil }
        if leadIndex > 0, mention.form == .digits, isArticle(tokens[leadIndex - 1]), !nounFollows, !phrase.hasNoun { return nil }

        // A qualifier cue after the figure or its noun; one that holds for its whole clause.
        if qualifier == .exact, let cue = phrase.qualifier, !isRange {
            qualifier = Qualifier(rawValue: cue) ?? .exact
            trace?.note(first, .qualifier, "cue after the figure or its noun", rule: cueRule(phrase.qualifierRule), value: cue)
        }
        if qualifier == .exact && !isRange && !conjoined,
           let cue = qualifiers.clauseCue(before: cueStart, floor: max(floor, previousEnd, cueStart - FigureAssembler.reach), tokens: tokens) {
            qualifier = Qualifier(rawValue: cue.key) ?? .exact
            trace?.note(first, .qualifier, "cue for the whole clause", rule: cueRule(cue.rule), words: cue.begin..<cue.end, value: cue.key)
        }
        if let forced = forcedQualifier[mentionIndex] {
            qualifier = forced
            trace?.note(first, .qualifier, "second end of a range", value: forced.rawValue)
        }
        if isRange, mentionIndex + 1 < context.mentions.count, joined(mention, context.mentions[mentionIndex + 1], context) {
            qualifier = .atLeast
            forcedQualifier[mentionIndex + 1] = .atMost
            rangeFirst[mentionIndex + 1] = draftCount
        }

        // A breakdown cue after the figure's phrase, not followed by another figure: "خمسون واقعة منها".
        var breakdownAfter = false
        var phraseEnd = max(phrase.end, last)
        if phrase.end < tokens.count, tokens[phrase.end].sentence == sentence,
           let cue = grammar.longest(grammar.tables.breakdownsAfter, in: tokens, from: phrase.end) {
            var q = cue.end
            while q < tokens.count, grammar.isSkippable(tokens[q], scalars: scalars) || grammar.isComma(tokens[q], scalars: scalars) { q += 1 }
            let followedByFigure = q < tokens.count && (context.isMentionStart[q] || startsQualifier(at: q, context))
            if !followedByFigure {
                breakdownAfter = true
                cueRuleIndex = cue.payloads[0]
                phraseEnd = cue.end
                // "41 منهم مخفيين قسرا": the word right after the cue may name the outcome.
                if !phrase.hasNoun, q < tokens.count, tokens[q].sentence == sentence {
                    let after = categories.phrase(from: cue.end, tokens: tokens, scalars: scalars,
                                                  isMentionStart: context.isMentionStart, sentence: sentence, maxTokens: 1)
                    if after.hasNoun { phrase = after; phraseEnd = after.end }
                    if qualifier == .exact, let cue = after.qualifier { qualifier = Qualifier(rawValue: cue) ?? .exact }
                }
            }
        }

        // The category: the phrase, "عدد" and its noun before the figure, then the clause before it.
        var key = phrase.key
        var role = phrase.role
        let fromPhrase = key != nil
        if let key, phrase.rule >= 0 {
            trace?.note(first, .category, "counted noun phrase", rule: rule(phrase.rule), words: phrase.ruleWords, value: key)
        }
        let clauseFloor = max(floor, previousEnd, leadIndex - FigureAssembler.reach)
        if key == nil || role == .group, let counted = countedNoun(before: leadIndex, floor: clauseFloor, context: context) {
            key = counted.key
            role = counted.role
            phrase.entries.append((counted.key, counted.role))
            trace?.note(first, .category, "noun named after عدد before the figure", value: counted.key)
        }
        if phrase.times {
            key = categories.clauseCategory(cueStart, floor: clauseFloor, tokens: tokens)
            role = .noun
            trace?.note(first, .category, "a count of times takes its clause's categories", words: clauseFloor..<cueStart, value: key ?? "null")
        }
        if let current = key, let refinable = grammar.tables.contextRefinements[current],
           let clause = categories.clauseCategory(cueStart, floor: lastComma(before: cueStart, floor: clauseFloor, context), tokens: tokens),
           refinable.contains(clause) {
            key = clause
            trace?.note(first, .category, "the clause before makes it precise", words: clauseFloor..<cueStart, value: clause)
        }
        // A breakdown with no noun of its own ("من بينهم زهاء 360 ألف") takes its total's category, not the clause's.
        // The clause before the figure, at most `reach` words back: a long paragraph with no full stop is
        // still read a clause at a time, and each figure costs the same whatever the paragraph's length.
        let near = max(floor, cueStart - FigureAssembler.reach)
        // A clause joined by و between the figure before and this one closes what is read back for this one's act:
        // "أسفرت عن جرح 58 داعشيا، ودمرت 9 مستودعات" does not count wounded depots.
        // Only the words within reach matter: a clause opened before `near` is out of the act's reach anyway.
        let opensClause = !conjoined && max(previousEnd, near) < cueStart && (max(previousEnd, near)..<cueStart).contains {
            grammar.opensWithConjunction(tokens[$0], scalars: scalars)
                // "53 مهاجرا ولاجئا": a noun joined to the previous figure's noun opens no clause.
                && !(grammar.longest(grammar.tables.categories, in: tokens, from: $0).map {
                    grammar.tables.categoryPayloads[$0.payloads[0]].role != .event } ?? false)
        }
        // An item joined to the figure before it reads its act no further back than that figure could.
        let actFloor = opensClause ? max(near, previousEnd) : conjoined ? max(near, previous.actFloor) : near
        var around = key == nil && breakdownBefore ? nil : acts.before( cueStart, floor: actFloor, tokens: tokens, skipping: previous.phrase)
        // The act after the figure, when it is the subject of a verb that follows ("أن 9 أشخاص لقوا حتفهم"):
        // it decides when nothing before does, or when it follows the figure's phrase at once.
        // (Not when an act right before already governs it: "مقتل 18 شخصا".)
        if key == nil || role == .group || role == .unit, !(breakdownAfter && !phrase.hasNoun),
           !(around.map { $0.role == .event && $0.adjacent } ?? false),
           let after = acts.after(phrase.noun?.upperBound ?? last, sentence: sentence, tokens: tokens, scalars: scalars),
           // Only what happens to people (killed, injured, detained …): "إصابة 6 مدنيين بقصف" names the cause, not the act.
           grammar.tables.evidence[.group]?.contains(after.key) ?? false,
           around == nil || after.adjacent {
            around = after
        }
        if let around {
            let reader = around.at >= cueStart ? "act after the figure" : "act before the figure"
            let before = key
            defer {
                if key != before {
                    trace?.note(first, .category, reader, rule: rule(around.rule), words: around.at..<around.end, value: key ?? "null")
                }
            }
            if key == nil {
                key = around.key
                role = around.role
            } else if let current = key, current != CategoryResolver.null,
                      // An outcome noun gives way only to the act that governs it at once ("وفاة 38 محتجزا"): in
                      // "قتلوا … ارتفع إلى 15 قتيلا و240 جريحا" the act is the dead's, not the wounded's.
                      role == .group || (role == .outcome && around.role == .event && around.adjacent && around.at >= previousEnd
                                         && !grammar.tables.groupOnlyOverrides.contains(String(current.prefix { $0 != "." }))),
                      grammar.overrides(current, by: around.key) {
                key = around.key
                role = around.role
            } else if role == .countable, around.role == .event, grammar.tables.evidence[.target]?.contains(around.key) ?? false {
                // "قصفت الطائرات 4 بلدات": a thing with no key of its own counted as struck counts the attack (rules 4).
                key = around.key
                role = .event
            } else if role == .unit, around.role == .event, grammar.tables.evidence[.group]?.contains(around.key) ?? false {
                // "إصابة 133 حالة", "نزوح 300 عائلة": what happened to people counts the cases or families.
                key = around.key
                role = .event
            }
        }
        var needsEvidence: CategoryEntry.Role?
        if let role, role == .group || role == .target, key != CategoryResolver.null {
            let evidenced = (role == .group && around.map { grammar.tables.evidence[.group]?.contains($0.key) ?? true } ?? false)
                || categories.hasEvidence(for: role, in: phrase, clause: actFloor, end: cueStart, tokens: tokens)
            if !evidenced {
                needsEvidence = role
                trace?.note(first, .category, "no act in its clause befell this \(role.rawValue): kept only under a total that says so",
                            value: key ?? "null")
            }
        }
        let explicitNull = key == CategoryResolver.null

        let text = context.text
        // Clitics stay outside the surface: "لتسعة" gives "تسعة", "وسيدتين" gives "سيدتين".
        let clitic: Int
        switch mention.form {
        case .words: clitic = grammar.prefixLength(tokens[first], beginning: grammar.tables.numberWords)
        case .dual: clitic = grammar.prefixLength(tokens[first], beginning: grammar.tables.duals)
        case .digits: clitic = 0
        }
        let range = text.originalRange((Int(tokens[first].start) + clitic)..<Int(tokens[last - 1].end))
        let sentenceEnd = context.sentenceEnd[Int(sentence)] - 1
        let sentenceRange = text.originalRange(Int(tokens[floor].start)..<Int(tokens[sentenceEnd].end))
        let noun = phrase.noun.map {
            text.originalText(text.originalRange(Int(tokens[$0.lowerBound].start)..<Int(tokens[$0.upperBound - 1].end)))
        }
        let figure = Figure(value: value, range: range, text: text.originalText(range), qualifier: qualifier,
                            category: explicitNull ? nil : key, noun: noun, parent: nil, period: nil, sentence: sentenceRange)
        var draft = FigureDraft(figure: figure, mention: mention, leadStart: cueStart, phraseEnd: phraseEnd,
                                sentence: sentence, paragraph: paragraphs[first], conjoined: conjoined,
                                breakdownBefore: breakdownBefore, breakdownAfter: breakdownAfter, totalBefore: totalBefore,
                                partitive: partitive, categoryFromPhrase: fromPhrase, explicitNull: explicitNull,
                                needsEvidence: needsEvidence, categoryRole: role)
        draft.nounStart = phrase.noun?.lowerBound
        draft.nounEnd = phrase.noun?.upperBound
        draft.actFloor = actFloor
        draft.cueRule = cueRuleIndex
        if let noun = phrase.noun, let match = grammar.longest(grammar.tables.categories, in: tokens, from: noun.lowerBound) {
            let entry = grammar.tables.categoryPayloads[match.payloads[0]]
            draft.countsUnits = entry.role == .unit
            draft.nounKey = entry.key
            draft.nounRole = entry.role
        }
        return draft
    }


    /// An item of a list right after the figure before it (joined by و, or after a colon or comma alone), in
    /// the same sentence, with no noun and no breakdown cue of its own.
    private func isElidedItem(_ draft: FigureDraft, after previous: FigureDraft, _ context: Context) -> Bool {
        // "77 حالة وفاة في إقليم … و32 حالة في إقليم …": the same unit again, what befell it left out.
        if draft.countsUnits, previous.countsUnits, draft.conjoined, draft.figure.category == nil, previous.figure.category != nil,
           draft.sentence == previous.sentence, previous.phraseEnd <= draft.leadStart, draft.leadStart - previous.phraseEnd <= 8,
           !(previous.phraseEnd..<draft.leadStart).contains(where: {
               grammar.opensWithConjunction(context.tokens[$0], scalars: context.scalars)
                   || grammar.longest(grammar.tables.categories, in: context.tokens, from: $0) != nil
           }) {
            return true
        }
        // The head counts a thing by its noun (not by an act of its own phrase: "14 تحت التعذيب").
        guard previous.elided || (previous.figure.noun != nil && previous.categoryRole != .event),
              draft.figure.noun == nil, !draft.breakdownBefore, !draft.breakdownAfter, !draft.partitive,
              draft.sentence == previous.sentence, previous.phraseEnd <= draft.leadStart,
              draft.leadStart - previous.phraseEnd <= 2 else { return false }
        let gap = previous.phraseEnd..<draft.leadStart
        return (draft.conjoined || !gap.isEmpty)
            && gap.allSatisfy { context.tokens[$0].kind == .punctuation || grammar.isConjunction(context.tokens[$0]) }
    }

    /// A postposed number word (واحد، اثنان) with no noun before it still counts when the sentence says what it
    /// counts: "اثنان من رجال الشرطة" (its group after من), "اثنان آخران" (a counted word at once), "وأصيب اثنان" (right
    /// after an act), "3 في الرياض وواحدة في نجران" (an item of a list of figures). Its phrase, or nil. "بإعدام واحد من
    /// الثلاثة" picks one of a group already counted and is no figure.
    private func standalonePostposed(_ mentionIndex: Int, conjoined: Bool, sentence: Int32, context: Context) -> CategoryResolver.Phrase? {
        let tokens = context.tokens
        let mention = context.mentions[mentionIndex]
        let first = mention.tokens.lowerBound, last = mention.tokens.upperBound
        func phrase(_ start: Int) -> CategoryResolver.Phrase {
            categories.phrase(from: start, tokens: tokens, scalars: context.scalars, isMentionStart: context.isMentionStart,
                              sentence: sentence, checkStart: false)
        }
        let inSentence = last < tokens.count && tokens[last].sentence == sentence
        if inSentence, let of = grammar.longest(grammar.tables.partitives, in: tokens, from: last, limit: last + 1),
           of.end < tokens.count, tokens[of.end].sentence == sentence, tokens[of.end].kind == .word {
            if grammar.longest(grammar.tables.numberWords, in: tokens, from: of.end) != nil { return nil }
            let group = phrase(of.end)
            return group.hasNoun ? group : nil
        }
        let following = phrase(last)
        if inSentence, following.noun?.lowerBound == last { return following }
        let afterAct = first > 0 && grammar.longest(grammar.tables.categories, in: tokens, from: first - 1, limit: first).map {
            grammar.tables.categoryPayloads[$0.payloads[0]].role == .event
        } ?? false
        if afterAct { return following }
        if conjoined, mentionIndex > 0 {
            let previous = context.mentions[mentionIndex - 1]
            if tokens[previous.tokens.lowerBound].sentence == sentence, first - previous.tokens.upperBound <= 6 { return following }
        }
        return nil
    }

    /// The noun a number with the article counts: a category word ending right before it, or one word
    /// before that ("تفجيرات كابل الثلاثة", "أفراد الطاقم الخمسة").
    private func definiteNoun(before index: Int, floor: Int, tokens: [Token]) -> Int? {
        for start in stride(from: index - 1, through: max(floor, index - 3), by: -1) where tokens[start].kind == .word {
            if let match = grammar.longest(grammar.tables.categories, in: tokens, from: start, limit: index),
               match.end >= index - 1 { return start }
        }
        return nil
    }

    /// "بلغ عدد النازحين داخليا حوالي 3.7 مليون": the counted noun named after "عدد" just before the figure.
    private func countedNoun(before end: Int, floor: Int, context: Context) -> (key: String, role: CategoryEntry.Role)? {
        let tokens = context.tokens
        for gap in stride(from: end - 1, through: max(floor, end - 4), by: -1) {
            guard grammar.longest(grammar.tables.cueGaps, in: tokens, from: gap, limit: gap + 1) != nil else { continue }
            let noun = categories.phrase(from: gap + 1, tokens: tokens, scalars: context.scalars, isMentionStart: context.isMentionStart,
                                         sentence: tokens[gap].sentence, checkStart: false, maxTokens: 2)
            if let key = noun.key, let role = noun.role, role != .group, noun.end <= end { return (key, role) }
            return nil
        }
        return nil
    }

    /// The token after the last comma before `end`, or `floor`: the clause a figure's cue stands in.
    private func lastComma(before end: Int, floor: Int, _ context: Context) -> Int {
        var index = end - 1
        while index > floor {
            if grammar.isComma(context.tokens[index], scalars: context.scalars) { return index + 1 }
            index -= 1
        }
        return floor
    }

    /// The second number follows the first joined by و (or a span word such as إلى): "بين 400 و450".
    private func joined(_ a: NumberMention, _ b: NumberMention, _ context: Context) -> Bool {
        let gap = a.tokens.upperBound..<b.tokens.lowerBound
        let tokens = context.tokens
        if gap.isEmpty { return grammar.startsWithConjunction(tokens[b.tokens.lowerBound]) }
        guard gap.count == 1 else { return false }
        let between = tokens[gap.lowerBound]
        if grammar.isConjunction(between) { return true }
        return grammar.matches(grammar.tables.dateWords, in: tokens, from: gap.lowerBound, limit: gap.upperBound)
            .contains { $0.payloads.contains { grammar.tables.dateWordPayloads[$0] == .rangeEnd } }
    }

    /// "7:30": digits glued to a colon and more digits.
    private func isClockTime(_ mention: NumberMention, _ context: Context) -> Bool {
        let tokens = context.tokens
        let first = mention.tokens.lowerBound, last = mention.tokens.upperBound
        func colon(_ i: Int) -> Bool { tokens[i].kind == .punctuation && context.scalars[Int(tokens[i].start)] == 0x3A }
        if first >= 2, colon(first - 1), !tokens[first].spaceBefore, !tokens[first - 1].spaceBefore, tokens[first - 2].kind == .number { return true }
        if last + 1 < tokens.count, colon(last), !tokens[last].spaceBefore, !tokens[last + 1].spaceBefore, tokens[last + 1].kind == .number { return true }
        return false
    }

    /// "+966 50 123 4567": digits after a plus sign, or next to other digits with nothing but spaces or
    /// dashes between them, are a telephone number or an identifier, not counts.
    private func isDigitGroup(_ index: Int, _ context: Context) -> Bool {
        let tokens = context.tokens, mentions = context.mentions
        let mention = mentions[index]
        guard mention.form == .digits else { return false }
        let first = mention.tokens.lowerBound
        if first > 0, tokens[first - 1].kind == .punctuation, context.scalars[Int(tokens[first - 1].start)] == 0x2B { return true }
        /// nil: not joined; false: joined by spaces alone; true: joined by a dash.
        func joint(_ a: NumberMention, _ b: NumberMention) -> Bool? {
            guard a.form == .digits, b.form == .digits,
                  tokens[b.tokens.lowerBound].sentence == tokens[a.tokens.lowerBound].sentence else { return nil }
            let gap = a.tokens.upperBound..<b.tokens.lowerBound
            guard gap.allSatisfy({ tokens[$0].kind == .punctuation && context.scalars[Int(tokens[$0].start)] == 0x2D }) else { return nil }
            return !gap.isEmpty
        }
        // The chain of digit groups this one belongs to: two groups side by side, or three joined by dashes
        // ("011-456-7890"; "10-20" alone may be a range of counts).
        var low = index, high = index, dashed = false
        while low > 0, let dash = joint(mentions[low - 1], mentions[low]) { dashed = dashed || dash; low -= 1 }
        while high + 1 < mentions.count, let dash = joint(mentions[high], mentions[high + 1]) { dashed = dashed || dash; high += 1 }
        let groups = high - low + 1
        return dashed ? groups >= 3 : groups >= 2
    }

    /// "طائرات اف-16", "كوفيد-19": digits glued by a dash to the word before them name a model or a
    /// variant, not a count.
    private func isModelNumber(_ mention: NumberMention, _ context: Context) -> Bool {
        let tokens = context.tokens
        let first = mention.tokens.lowerBound
        guard mention.form == .digits, first >= 2, !tokens[first].spaceBefore, !tokens[first - 1].spaceBefore,
              tokens[first - 1].kind == .punctuation, tokens[first - 2].kind == .word else { return false }
        let dash = context.scalars[Int(tokens[first - 1].start)]
        return dash == 0x2D || dash == 0x2010 || dash == 0x2011
    }

    /// "أسماء الشهداء: 1. الجندي …": a number that numbers a list item.
    private func isListNumber(_ mention: NumberMention, _ context: Context) -> Bool {
        let tokens = context.tokens
        let first = mention.tokens.lowerBound, last = mention.tokens.upperBound
        guard mention.form == .digits, last < tokens.count, tokens[last].kind == .punctuation, !tokens[last].spaceBefore else { return false }
        let after = context.scalars[Int(tokens[last].start)]
        guard after == 0x2E || after == 0x29 || after == 0x2D else { return false }
        if first == 0 || tokens[first].lineBreakBefore { return true }
        let before = tokens[first - 1]
        return before.kind == .punctuation && context.scalars[Int(before.start)] == 0x3A
    }

    private func startsQualifier(at index: Int, _ context: Context) -> Bool {
        var end = index
        while end < min(context.tokens.count, index + 6) {
            if context.isMentionStart[end] {
                return end > index && (grammar.longestBackward(grammar.tables.qualifiersBefore, in: context.tokens, from: end - 1, floor: index) != nil)
            }
            end += 1
        }
        return false
    }

    /// Punctuation that may stand between a cue and its figure ("بينهم -على الأقل- ثلاثون", "(82)"), and clitic particles.
    private func isArticle(_ token: Token) -> Bool {
        guard token.kind == .word else { return false }
        return token.analyses.contains {
            let analysis = grammar.tables.lexicon.analyses[Int($0)]
            return analysis.prefixClasses == 0 && grammar.tables.articleStems.contains(analysis.stem)
        }
    }

    /// A decoy rule matches around the number: the part after {n} from the number's end (then the
    /// part before it, backwards), or a part before {n} alone.
    func isDecoy(_ mention: NumberMention, tokens: [Token]) -> Bool {
        let first = mention.tokens.lowerBound, last = mention.tokens.upperBound
        if first > 0, grammar.longestBackward(grammar.tables.decoysBefore, in: tokens, from: first - 1) != nil { return true }
        for match in grammar.matches(grammar.tables.decoysAfter, in: tokens, from: last) {
            for payload in match.payloads {
                let before = grammar.tables.decoyBefore[payload]
                guard before.count <= first else { continue }
                if before.enumerated().allSatisfy({ grammar.has(tokens[first - 1 - $0.offset], stem: $0.element) }) { return true }
            }
        }
        return false
    }
}
