/// Decides which noun phrase a figure counts: the phrase after it, the noun before a postposed number
/// word ("قتيل واحد"), the definite noun after a partitive ("أحد المصابين"), the noun before a number
/// with the article ("الجرحى الثلاثة"), the group after "من" ("97 من الحوادث"), or the dual itself.
struct CountedNounReader {
    let grammar: Grammar
    let categories: CategoryResolver

    /// The counted phrase, and whether the figure picks its items out of a total counted before
    /// (a partitive); nil when the number counts nothing here.
    func read(_ mentionIndex: Int, cues: FigureCues, context: FigureContext) -> (phrase: CategoryResolver.Phrase, partitive: Bool)? {
        let tokens = context.tokens
        let mention = context.mentions[mentionIndex]
        let first = mention.tokens.lowerBound, last = mention.tokens.upperBound
        let sentence = tokens[first].sentence
        let floor = context.sentenceStart[Int(sentence)]
        func phrase(_ start: Int, checkStart: Bool = true) -> CategoryResolver.Phrase {
            categories.phrase(from: start, tokens: tokens, scalars: context.scalars, isMentionStart: context.isMentionStart,
                              sentence: sentence, checkStart: checkStart)
        }
        if mention.postposed {
            if cues.postposedNoun { return (phrase(first - 1, checkStart: false), false) }
            if let standalone = standalonePostposed(mentionIndex, conjoined: cues.conjoined, sentence: sentence, context: context) {
                return (standalone, false)
            }
            guard cues.breakdownBefore else { return nil }
            return (phrase(last), false)
        }
        if mention.partitive != .none {
            // "أحد المصابين": one of a total counted before, named by the definite noun right after it; "أحدهما"
            // names it in its pronoun. Alone ("لم يصب أحد") it is none.
            guard mention.partitive == .noun else { return (phrase(last), true) }
            let noun = last
            guard noun < tokens.count, tokens[noun].sentence == sentence, tokens[noun].kind == .word,
                  grammar.hasArticle(tokens[noun]) else { return nil }
            let named = phrase(noun, checkStart: false)
            // The noun right after it counts the total: "أحد الأماكن التي وقعت بها ضربة" names no counted kind.
            guard named.noun?.lowerBound == noun else { return nil }
            return (named, true)
        }
        if mention.definite || (mention.form == .digits && first > 0 && grammar.isArticle(tokens[first - 1]) && !phrase(last).hasNoun) {
            // "الجرحى الثلاثة", "الناجين ال28": counts the noun just before it (one word may stand between:
            // "تفجيرات كابل الثلاثة"); with none, it points back at a count and is no figure.
            let article = mention.definite ? first : first - 1
            guard let noun = definiteNoun(before: article, floor: floor, tokens: tokens) else { return nil }
            return (phrase(noun, checkStart: false), false)
        }
        if mention.form == .dual { return (phrase(first, checkStart: false), false) }
        if last + 1 < tokens.count, let of = grammar.longest(grammar.tables.partitives, in: tokens, from: last),
           of.end < tokens.count, tokens[of.end].sentence == sentence, grammar.hasArticle(tokens[of.end]) {
            let group = phrase(of.end, checkStart: false)
            if group.hasNoun { return (group, group.role != .group) }
        }
        return (phrase(last), false)
    }

    /// A postposed number word ("واحد", "اثنان") with no counted noun right before it still counts
    /// something when its sentence says what: "اثنان من رجال الشرطة" (its group after من), "اثنان آخران"
    /// (a counted word at once), "وأصيب اثنان" (right after an act), "3 في الرياض وواحدة في نجران" (an item of
    /// a list of figures). Its phrase, or nil. "بإعدام واحد من الثلاثة" picks one of a group already counted
    /// and is no figure.
    private func standalonePostposed(_ mentionIndex: Int, conjoined: Bool, sentence: Int32, context: FigureContext) -> CategoryResolver.Phrase? {
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
}
