/// Attaches to each figure who reports it (../shared/actors-and-places.md, "Source").
///
/// The attribution of the figure's sentence nearest the figure decides: the body it names ("أفاد X",
/// "بحسب X", "وثقت X"), a source or an actor key; an attribution to an unnamed source ("مصادر محلية",
/// "شهود عيان") gives null. A sentence with no attribution takes the document's first attribution that
/// names a body. A claim of responsibility is no attribution.
struct SourceLinker {
    let grammar: Grammar
    var trace: DecisionTrace?

    /// An attribution with what it names: a body of the scene, or one named in an earlier section (`prior`, whose
    /// `name` is nil for an unnamed source), or neither for an unnamed source. A struct, not a tuple: Swift copies a
    /// tuple of these fields through its generic runtime, several times slower.
    private struct Attribution {
        let cue: LinkScene.Cue
        let name: LinkScene.Name?
        let prior: PriorBody?

        init(_ cue: LinkScene.Cue, _ name: LinkScene.Name?, _ prior: PriorBody?) {
            self.cue = cue
            self.name = name
            self.prior = prior
        }
    }

    /// How many earlier attributions and parties are handed from one section to the next.
    static let memory = 512

    /// How many words may stand between an attribution and the body it names ("قال مدير X"); a name
    /// further on belongs to what is reported ("بحسب التقرير فقد قتلت X" credits no X).
    static let reach = 2

    /// `scene` reads on from the section's start until an attribution names a body, when its sentences so far
    /// hold none: the document's first such attribution is every later figure's fallback.
    ///
    /// `opensDocument`: the scene is the document's first section, so a first line of one sentence followed by
    /// more text is its headline, whose figures sum up the item below and are credited as its figures are: a
    /// headline figure with no attribution of its own takes the document's first attribution that names a body,
    /// wherever it stands ("غزة: 47 قتيلا …" over a lead that cites the health ministry two paragraphs down).
    ///
    /// `speakers` and `parties` are what earlier sections' sentences with a figure named (in the section's offsets);
    /// this section's are added to them when another section follows (`handsOn`).
    func link(_ drafts: inout [FigureDraft], scene: inout LinkScene, documentSource: inout LinkedName?, opensDocument: Bool = false,
              speakers: inout [PriorBody], parties: inout [PriorBody], handsOn: Bool = true) {
        // The sentences that hold a figure: read whether the document is read whole or in sections, so what is
        // taken from them comes out the same either way.
        // In order, searched by halves (`ActorLinker.holds`): no Set hashed per section.
        let figureSentences = drafts.map(\.sentence).sorted()
        let prior = (speakers: speakers, parties: parties)
        var attributions = self.attributions(in: scene, from: 0, figureSentences: figureSentences, prior: prior)
        // In reading order: on until the sentences read from the start reach the first attribution that names a body.
        while documentSource == nil, scene.prefixEnd <= (attributions.first { isNamed($0) }?.cue.tokens.lowerBound ?? Int.max),
              let range = scene.readNextSentence(onlyAttributed: true) {
            let first = scene.firstCue(from: range.lowerBound)
            guard first < scene.cues.count, scene.cues[first].tokens.lowerBound < range.upperBound else { continue }
            let more = self.attributions(in: scene, from: first, before: range.upperBound, earlier: attributions, figureSentences: figureSentences,
                                         prior: prior)
            if !more.isEmpty { attributions = (attributions + more).sorted { $0.cue.tokens.lowerBound < $1.cue.tokens.lowerBound } }
        }
        // A headline that opens with a body and a colon ("الأمم المتحدة: 3 ملايين نازح") credits it.
        // By index, a line's first word tested first: a name copied out costs a retain and release of its keys.
        let allNames = scene.names
        for index in allNames.indices {
            let at = allNames[index].tokens.lowerBound
            guard at == 0 || scene.tokens[at].lineBreakBefore, isParty(allNames[index]) else { continue }
            let name = allNames[index], next = name.tokens.upperBound
            guard ActorLinker.holds(figureSentences, scene.tokens[at].sentence),
                  next < scene.tokens.count, scene.tokens[next].kind == .punctuation,
                  Int(scene.tokens[next].start) < scene.text.scalars.count, scene.text.scalars[Int(scene.tokens[next].start)] == 0x3A,
                  !attributions.contains(where: { $0.cue.tokens.lowerBound == at }) else { continue }
            attributions.append(Attribution(LinkScene.Cue(kind: .attribution, tokens: name.tokens, rule: "a headline 'X:'"), name, nil))
            attributions.sort { $0.cue.tokens.lowerBound < $1.cue.tokens.lowerBound }
        }
        // The document's first attribution that names a body, as a figure knows it in reading order: one before it,
        // else the first later in its paragraph (so a document read in sections gives what reading it whole does).
        let before = documentSource
        let firstNamed = attributions.first { isNamed($0) }
        // Its words are cut from the text once, not once per figure that falls back on it.
        let firstNamedLinked = firstNamed.flatMap { body(of: $0, scene: scene) }
        if documentSource == nil, let firstNamedLinked { documentSource = firstNamedLinked }
        let headlineEnd = opensDocument ? scene.headlineEnd : 0
        func sourceOfDocument(at token: Int) -> LinkedName? {
            if let before { return before }
            guard let first = firstNamed else { return nil }
            if token < headlineEnd { return firstNamedLinked }
            return first.cue.tokens.lowerBound <= token || first.cue.tokens.lowerBound < scene.paragraphEnd(of: token) ? firstNamedLinked : nil
        }
        // Where each attribution stands, taken out once: the figures below compare these plain values.
        let cueTokens = attributions.map { $0.cue.tokens }
        let cueSentences = cueTokens.map { scene.tokens[$0.lowerBound].sentence }
        for index in drafts.indices {
            let draft = drafts[index].linkTarget
            let figure = draft.tokens
            // The first of the nearest, found in one walk by index (no list of the sentence's attributions, no copy
            // of those passed over).
            var nearestIndex = -1, nearestDistance = 0
            for position in cueTokens.indices where cueSentences[position] == draft.sentence {
                let d = distance(cueTokens[position], figure)
                if nearestIndex < 0 || d < nearestDistance { (nearestIndex, nearestDistance) = (position, d) }
            }
            let nearest = nearestIndex >= 0 ? attributions[nearestIndex] : nil
            if let nearest {
                drafts[index].figure.source = body(of: nearest, scene: scene)
                trace?.note(figure.lowerBound, .source, !isNamed(nearest) ? "an unnamed source in the sentence" : "the nearest attribution in the sentence",
                            rule: nearest.cue.rule, words: nearest.cue.tokens.lowerBound..<max(nearest.cue.tokens.upperBound, nearest.name?.tokens.upperBound ?? 0),
                            value: drafts[index].figure.source?.key ?? "null")
            } else {
                drafts[index].figure.source = sourceOfDocument(at: figure.lowerBound)
                if let source = drafts[index].figure.source {
                    trace?.note(figure.lowerBound, .source, "the document's first attribution that names a body", value: source.key)
                }
            }
        }
        // What the sentences with a figure named, for the sections after this one.
        guard handsOn else { return }
        for attribution in attributions where ActorLinker.holds(figureSentences, scene.tokens[attribution.cue.tokens.lowerBound].sentence) {
            speakers.append(attribution.prior ?? PriorBody(name: attribution.name.flatMap { scene.linked($0) },
                                                           head: attribution.name.map { bareWord($0.tokens.lowerBound, in: scene) } ?? []))
        }
        for name in scene.names(in: 0..<scene.tokens.count) where isParty(name) && ActorLinker.holds(figureSentences, scene.tokens[name.tokens.lowerBound].sentence) {
            parties.append(PriorBody(name: scene.linked(reporting(name, scene: scene)), head: bareWord(name.tokens.lowerBound, in: scene)))
        }
        if speakers.count > SourceLinker.memory { speakers.removeFirst(speakers.count - SourceLinker.memory) }
        if parties.count > SourceLinker.memory { parties.removeFirst(parties.count - SourceLinker.memory) }
    }

    private func isNamed(_ attribution: Attribution) -> Bool {
        attribution.prior.map { $0.name != nil } ?? (attribution.name != nil)
    }

    /// The body an attribution names, as it goes on a record.
    private func body(of attribution: Attribution, scene: LinkScene) -> LinkedName? {
        if let prior = attribution.prior { return prior.name }
        return attribution.name.flatMap { scene.linked($0) }
    }

    /// A name that may report a figure: a source, or a party by its own key; a doer named without a group (`unknown`,
    /// "مسلحون") or a private person (`individual`) is no body that reports.
    private func isParty(_ name: LinkScene.Name) -> Bool {
        guard let key = name.key else { return false }
        return name.mention.kind == .source || (name.mention.kind == .actor && !NameKeyShape.namesNoParty(key))
    }

    /// Every attribution of the scene from its `start`-th cue on, with what it names: a body, or nil for an unnamed source.
    private func attributions(in scene: LinkScene, from start: Int, before end: Int = Int.max, earlier: [Attribution] = [],
                              figureSentences: [Int32], prior: (speakers: [PriorBody], parties: [PriorBody])) -> [Attribution] {
        var attributions: [Attribution] = []
        // By index from `start` (an enumerated sequence's dropFirst walks every cue before it, each sentence read on).
        for position in min(start, scene.cues.count)..<scene.cues.count {
            let cue = scene.cues[position]
            guard cue.kind == .attribution else { continue }
            if cue.tokens.lowerBound >= end { break }
            let sentence = scene.tokens[cue.tokens.lowerBound].sentence
            let end = scene.sentence(sentence).upperBound
            var named: LinkScene.Name?
            var unnamed = false
            // "وقال المصدر", "وبينت الوزارة", "وأوضح المتحدث باسم الإدارة": the speaker of the last attribution
            // before, named or not (a spokesman may stand between).
            var speaker = position + 1
            while speaker < scene.cues.count, scene.cues[speaker].kind == .spokesman,
                  scene.cues[speaker].tokens.lowerBound - (speaker == position + 1 ? cue.tokens.upperBound : scene.cues[speaker - 1].tokens.upperBound) <= 1 {
                speaker += 1
            }
            let gap = speaker == position + 1 ? 1 : 0
            if speaker < scene.cues.count, case let back = scene.cues[speaker], back.kind == .sourceBack || back.kind == .actorBack,
               back.tokens.lowerBound - (speaker == position + 1 ? cue.tokens.upperBound : scene.cues[speaker - 1].tokens.upperBound) <= gap,
               back.tokens.lowerBound < end,
               // A body's own name at that word wins ("المفوضية" is a name; "الهيئة الوطنية لإدارة الكوارث" is longer).
               !scene.names(in: LinkScene.span(back.tokens.lowerBound, end)).contains(where: {
                   $0.tokens.lowerBound == back.tokens.lowerBound
                       && ($0.tokens.upperBound > back.tokens.upperBound || $0.mention.kind == .source)
               }),
               case let previous = previousAttribution(before: cue, in: attributions + earlier, scene: scene, figureSentences: figureSentences,
                                                       speakers: prior.speakers, head: back.tokens.lowerBound) {
                let noun = bareWord(back.tokens.lowerBound, in: scene)
                // No attribution before with that noun: a party named before with it ("الحركة" after "حركة الشباب"), in
                // its paragraph or a sentence with a figure of this section, else of an earlier one.
                let paragraph = scene.paragraphStart(of: back.tokens.lowerBound)
                if !(previous.map { head(of: $0, in: scene) == noun } ?? false) {
                    if let party = scene.names(in: 0..<back.tokens.lowerBound).last(where: {
                        isParty($0) && ($0.tokens.lowerBound >= paragraph || ActorLinker.holds(figureSentences, scene.tokens[$0.tokens.lowerBound].sentence))
                            && bareWord($0.tokens.lowerBound, in: scene) == noun
                    }) {
                        attributions.append(Attribution(cue, reporting(party, scene: scene), nil))
                        continue
                    }
                    if let party = prior.parties.last(where: { $0.head == noun }) {
                        attributions.append(Attribution(cue, nil, party))
                        continue
                    }
                    // None named before: an `actor back-reference` rule may name the country's ("قال التحالف" from Aden).
                    if previous == nil, back.kind == .actorBack, let key = scene.backReferenceKey(back) {
                        attributions.append(Attribution(cue, scene.backReference(back, key: key), nil))
                        continue
                    }
                }
                if let previous {
                    attributions.append(Attribution(cue, previous.name, previous.prior))
                    continue
                }
            }
            for next in scene.cues.dropFirst(position + 1) {
                guard next.tokens.lowerBound - cue.tokens.upperBound <= SourceLinker.reach, next.tokens.lowerBound < end else { break }
                // "مصادر بالشرطة", "مسؤول بوزارة الداخلية", "مصدر طبي في مستشفى X": an unnamed person of a named body speaks for it.
                // The first speaker decides: "مصادر بالشرطة ومسعفون" speak for the police.
                if next.kind == .unnamedSource {
                    // A body named before it is the speaker ("مصادر بالشرطة ومسعفون").
                    if scene.names(in: LinkScene.span(cue.tokens.upperBound, next.tokens.lowerBound)).contains(where: {
                        isParty($0)
                    }) { break }
                    // A body's own name over that word wins ("المنظمة الدولية للهجرة" is no "منظمة دولية", nor
                    // "منظمة أطباء بلا حدود" doctors).
                    unnamed = !speaksForBody(next, scene: scene, end: end) && !scene.names(in: LinkScene.span(cue.tokens.upperBound, end)).contains(where: {
                        $0.tokens.contains(next.tokens.lowerBound) && isParty($0)
                    })
                    break
                }
                if next.kind == .claim { break }
            }
            if !unnamed {
                // Who speaks for the body stands between: "قال المتحدث الرسمي باسم X".
                var from = cue.tokens.upperBound
                for next in scene.cues.dropFirst(position + 1) {
                    guard next.kind == .spokesman || (next.kind == .unnamedSource && speaksForBody(next, scene: scene, end: end)),
                          next.tokens.lowerBound - from <= 1
                            // "قال سامي عبد الحليم، المتحدث باسم X": the speaker's own name before his title.
                            || (next.kind == .spokesman && from == cue.tokens.upperBound && isPersonName(from..<next.tokens.lowerBound, scene: scene)),
                          // A body whose name begins there is the speaker itself ("الرئيس الأفغاني", not a head of something).
                          !(next.kind == .spokesman && !speaksForBody(next, scene: scene, end: end)
                              && scene.names(in: LinkScene.span(next.tokens.lowerBound, end)).first.map({
                                  $0.tokens.lowerBound == next.tokens.lowerBound && $0.mention.kind == .source && $0.key != nil
                              }) == true) else { break }
                    from = next.tokens.upperBound
                }
                // What is reported begins at a clause boundary ("قال إن X قتل"): a name after it is not the speaker.
                let window = from..<max(from, min(end, from + SourceLinker.reach + 2))
                let stop = scene.firstBoundary(in: window) ?? window.upperBound
                // A long name may run past the window ("مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية"): it need only begin in it.
                // An outlet after a preposition past the speaker ("وقال فلان لوكالة فرانس برس") is spoken to, not the body.
                named = scene.names(in: LinkScene.span(from, end)).first {
                    isParty($0)
                        && $0.tokens.lowerBound < stop && $0.tokens.lowerBound - from <= SourceLinker.reach
                        && !($0.tokens.lowerBound > from && addressed($0, in: scene))
                }
                // A state's forces that report are its security body ("قال الجيش" → gov.<cc>.security).
                named = named.map { reporting($0, scene: scene) }
                // "أعلن X مسؤوليته": a claim, not an attribution.
                if let body = named, scene.cues(in: LinkScene.span(body.tokens.upperBound, min(end, body.tokens.upperBound + 2))).contains(where: { $0.kind == .claim }) {
                    continue
                }
                // "وقال فلان لوكالة فرانس برس": a person, named or not, talking to an outlet that only carries his words.
                if named == nil, scene.names(in: LinkScene.span(from, end)).contains(where: { $0.tokens.lowerBound < stop && addressed($0, in: scene) }) {
                    attributions.append(Attribution(cue, nil, nil))
                    continue
                }
                // A spokesman with no body after him ("وأوضح المتحدث الرسمي بالمنطقة"): the body named last before him, in
                // his sentence or the one before, speaks through him ("… عمليات الهلال الأحمر …").
                // (In its paragraph, which a document read in sections never splits.)
                if named == nil, from > cue.tokens.upperBound,
                   let body = scene.names(in: LinkScene.span(scene.paragraphStart(of: cue.tokens.lowerBound), cue.tokens.lowerBound))
                       .last(where: { $0.mention.kind == .source && $0.key != nil }),
                   scene.tokens[body.tokens.lowerBound].sentence >= sentence - 1 {
                    named = body
                }
                // No body after it: the subject may stand before the verb ("وكانت الأمم المتحدة قد قالت").
                // Only where the sentence reports a figure: "وكانت الحكومة قد أعلنت حالة الطوارئ" credits nothing.
                if named == nil, ActorLinker.holds(figureSentences, sentence), let body = subject(before: cue, scene: scene, sentence: sentence) {
                    // "وكانت حركة حماس قد أعلنت مسؤوليتها": a claim, not an attribution.
                    if scene.cues(in: LinkScene.span(cue.tokens.upperBound, min(end, cue.tokens.upperBound + 2))).contains(where: { $0.kind == .claim }) { continue }
                    named = body
                }
                if named == nil {
                    // "وأضاف أن", "وأوضح أن": the verb's pronoun is the last speaker, named or not.
                    if cue.tokens.upperBound < end, scene.firstBoundary(in: cue.tokens.upperBound..<(cue.tokens.upperBound + 1)) != nil,
                       let previous = previousAttribution(before: cue, in: attributions + earlier, scene: scene, figureSentences: figureSentences,
                                                          speakers: prior.speakers) {
                        attributions.append(Attribution(cue, previous.name, previous.prior))
                    }
                    continue   // else an attribution verb with no body says nothing
                }
            }
            attributions.append(Attribution(cue, named, nil))
        }
        return attributions
    }

    /// The last attribution before `cue` in a sentence with a figure (read the same however the document is cut in
    /// sections): who "وقال المصدر", "وأضاف البيان" or "وأضاف أن" points back to.
    /// With `head` (the token of a back-reference noun, "الإدارة"), the last whose body begins with that noun
    /// ("الإدارة العامة للمرور", "وزارة الصحة" for "الوزارة") wins over a later one with another.
    /// Before this section's, those of earlier sections (`speakers`), so that a document read in sections gives
    /// what reading it whole does.
    private func previousAttribution(before cue: LinkScene.Cue, in attributions: [Attribution], scene: LinkScene, figureSentences: [Int32],
                                     speakers: [PriorBody], head: Int? = nil) -> (name: LinkScene.Name?, prior: PriorBody?)? {
        let before = attributions.filter {
            $0.cue.tokens.lowerBound < cue.tokens.lowerBound && ActorLinker.holds(figureSentences, scene.tokens[$0.cue.tokens.lowerBound].sentence)
        }.sorted { $0.cue.tokens.lowerBound < $1.cue.tokens.lowerBound }
        if let head {
            let noun = bareWord(head, in: scene)
            if let named = before.last(where: { self.head(of: ($0.name, $0.prior), in: scene) == noun }) { return (named.name, named.prior) }
            if let named = speakers.last(where: { $0.head == noun }) { return (nil, named) }
        }
        if let last = before.last { return (last.name, last.prior) }
        return speakers.last.map { (nil, $0) }
    }

    /// The bare first word of the body an attribution names (empty for none).
    private func head(of attribution: (name: LinkScene.Name?, prior: PriorBody?), in scene: LinkScene) -> [UInt32] {
        if let prior = attribution.prior { return prior.head }
        return attribution.name.map { bareWord($0.tokens.lowerBound, in: scene) } ?? []
    }

    /// A word without its article, so that one noun compares equal with or without it ("الوزارة" and "وزارة").
    private func bareWord(_ index: Int, in scene: LinkScene) -> [UInt32] {
        let token = scene.tokens[index]
        return Array(scene.headNoun(Int(token.start), Int(token.end)).letters)
    }

    /// A body named just before an attribution verb, as its subject ("الأمم المتحدة قالت", "وكانت الوزارة قد
    /// أعلنت"): it ends at most one word before the verb (a particle such as قد), in its sentence, with no clause
    /// boundary or punctuation between.
    private func subject(before cue: LinkScene.Cue, scene: LinkScene, sentence: Int32) -> LinkScene.Name? {
        let from = max(scene.sentence(sentence).lowerBound, cue.tokens.lowerBound - SourceLinker.reach - 4)
        guard from < cue.tokens.lowerBound,
              let name = scene.names(in: LinkScene.span(from, cue.tokens.lowerBound)).last(where: { isParty($0) }),
              cue.tokens.lowerBound - name.tokens.upperBound <= 1,
              scene.firstBoundary(in: LinkScene.span(name.tokens.upperBound, cue.tokens.lowerBound)) == nil,
              !LinkScene.span(name.tokens.upperBound, cue.tokens.lowerBound).contains(where: { scene.tokens[$0].kind == .punctuation }) else { return nil }
        return reporting(name, scene: scene)
    }

    /// A party as the body that reports: a state's forces are its security body ("قال الجيش" → gov.<cc>.security),
    /// unless a `source` rule names the same words or their first ones ("السلطات"، "الحكومة السورية": the state as a
    /// doer, the government as a reporter), whose key then holds, its `*` the country of the actor's key.
    private func reporting(_ name: LinkScene.Name, scene: LinkScene) -> LinkScene.Name {
        guard name.mention.kind == .actor, let key = name.key, key.hasSuffix(".state") else { return name }
        var body = name
        let country = String(key.dropLast(6))
        // The words, else their first words ("السلطات التركية": "السلطات" with its country's adjective).
        let rule = stride(from: name.tokens.upperBound, to: name.tokens.lowerBound, by: -1).lazy
            .compactMap { sourceRule(over: name.tokens.lowerBound..<$0, scene: scene) }.first
        if let source = rule {
            body.key = NameMention.holdsStar(source) ? LinkScene.filling(source, with: country) : source
        } else {
            body.key = "gov." + country + ".security"
        }
        return body
    }

    /// The key of a `source` rule that names exactly these words, if any (the finder keeps one kind per stretch).
    private func sourceRule(over tokens: Range<Int>, scene: LinkScene) -> String? {
        let trie = grammar.tables.names, entries = grammar.tables.namePayloads, analyses = grammar.tables.lexicon.analyses
        var nodes: [Int32] = [PhraseTrie.root]
        for index in tokens {
            var next: [Int32] = []
            for node in nodes {
                for reading in scene.tokens[index].nameAnalyses {
                    if let child = trie.child(node, analyses[Int(reading)].stem) { next.append(child) }
                }
            }
            nodes = next
            if nodes.isEmpty { return nil }
        }
        for node in nodes where trie.hasPayload(node) {
            if let payload = trie.payloads(at: node).first(where: { entries[$0].kind == .source }) { return entries[payload].key }
        }
        return nil
    }

    /// Whether the words are a person's name, as news writes one between a verb and the speaker's title: two to
    /// four words no rule knows, a comma after them allowed ("قال سامي عبد الحليم، المتحدث باسم …").
    private func isPersonName(_ range: Range<Int>, scene: LinkScene) -> Bool {
        var words = 0
        for index in range {
            let token = scene.tokens[index]
            if token.kind == .punctuation, index == range.upperBound - 1, grammar.isComma(token, scalars: scene.text.scalars) { continue }
            guard token.kind == .word, !token.isKnown, token.namesEnd == token.analyses.upperBound else { return false }
            words += 1
        }
        return (2...SourceLinker.personNameWords).contains(words)
    }

    /// The most words a speaker's name before his title may have.
    static let personNameWords = 4

    /// Whether a named body (a source or an actor) begins within two words after an unnamed speaker. The name may
    /// run on past them ("مصدر عسكري في الجيش السوري الحر").
    private func speaksForBody(_ cue: LinkScene.Cue, scene: LinkScene, end: Int) -> Bool {
        var starts = cue.tokens.upperBound..<max(cue.tokens.upperBound, min(end, cue.tokens.upperBound + 3))
        // What is reported begins at a clause boundary: "أفاد مراسلنا بأن الجيش …" is no officer of the army.
        if let boundary = scene.firstBoundary(in: starts) { starts = starts.lowerBound..<boundary }
        return scene.names(in: LinkScene.span(starts.lowerBound, end)).prefix(while: { $0.tokens.lowerBound < starts.upperBound }).contains {
            isParty($0) && $0.tokens.lowerBound - cue.tokens.upperBound <= 2
                // "قال شهود عيان إن مستوطنين …": what is reported begins at إن; a name there is no body.
                && scene.firstBoundary(in: LinkScene.span(cue.tokens.upperBound, $0.tokens.lowerBound)) == nil
                && !addressed($0, in: scene)
        }
    }

    /// An outlet after a preposition ("قال أحد السكان لوكالة فرانس برس"): the speaker talks to it, not for it; the
    /// agency only carries the words.
    private func addressed(_ name: LinkScene.Name, in scene: LinkScene) -> Bool {
        guard name.key?.hasPrefix("media.") == true else { return false }
        let tables = grammar.tables
        let bit: UInt64 = tables.names.id >= 0 ? 1 << UInt64(tables.names.id) : 0
        let readings = scene.tokens[name.tokens.lowerBound].nameAnalyses.map { tables.lexicon.analyses[Int($0)] }
            .filter { bit == 0 || tables.startMasks[Int($0.stem)] & bit != 0 }
        return !readings.isEmpty && readings.allSatisfy { $0.prefixClasses & tables.prepositionBit != 0 }
    }

    private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : max(0, a.lowerBound - b.upperBound)
    }
}
