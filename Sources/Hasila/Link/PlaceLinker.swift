/// Attaches to each figure where it happened and its country (../shared/actors-and-places.md, "Place").
///
/// The places of the figure's own part of its sentence (after it, up to the next figure: "30 في حلب و2 في
/// إدلب") come first; else a breakdown or elided-noun item takes its total's or head's; else the places of
/// its clause that no other figure holds in its own part. Of these, one division (a town gives its
/// division) is the place; several divisions of one country give the country; several countries give
/// nothing. A hedged place ("معظمها في إدلب") is not the figure's. The country is the place's, else the
/// document's (its first place), never one named as an actor or a source.
final class PlaceLinker {
    let grammar: Grammar
    let trace: DecisionTrace?
    private var actorNames: Set<Int> = []
    /// The first token after each figure's counted noun: a country written right there, with no preposition, is
    /// what the noun is ("لاجئا سوريا"), not where.
    private var nounEnds: [Int] = []
    /// The phrases of occasions and origins near the range `places(in:)` reads: kept by the linker and refilled
    /// per call, so that a call makes no list of its own.
    private var asideRanges: [Range<Int>] = []
    /// How many words a figure of a coordinated run may have after it ("مدنيين، " "آخرون، اليوم الأربعاء،").
    static let runWords = 6
    /// How far (in tokens) the run's last figure may stand from the first.
    static let runReach = 25
    /// How many words may stand between a place and the figure after it in a list by place ("حلب بـ 35").
    static let placeBeforeReach = 3

    init(grammar: Grammar, trace: DecisionTrace?) {
        self.grammar = grammar
        self.trace = trace
    }

    /// `heads`: for each figure, the total or list head it inherits from when it names no place of its own.
    /// `actorNames`: the first tokens of names the actors took (a country listed with the doers is no place).
    func link(_ drafts: inout [FigureDraft], scene: LinkScene, heads: [Int?], actorNames: Set<Int> = []) {
        self.actorNames = actorNames
        let targets = drafts.map(\.linkTarget)
        // In order, searched by halves: no Set hashed per section.
        nounEnds.removeAll(keepingCapacity: true)
        for target in targets where target.nounEnd == target.tokens.upperBound + 1 { nounEnds.append(target.nounEnd!) }
        nounEnds.sort()
        // Each figure's own part: from after its phrase to the next figure of its sentence.
        // Each figure's clause too: a place across فيما or a reported أن is another clause's.
        var segments: [Range<Int>] = []
        var clauses: [Range<Int>] = []
        segments.reserveCapacity(drafts.count)
        clauses.reserveCapacity(drafts.count)
        for index in drafts.indices {
            let draft = targets[index]
            let sentence = scene.sentence(draft.sentence)
            let at = min(max(draft.tokens.upperBound, sentence.lowerBound), sentence.upperBound)
            let boundaryAfter = scene.firstBoundary(in: LinkScene.span(at, sentence.upperBound)) ?? sentence.upperBound
            let boundaryBefore = scene.lastBoundary(in: sentence.lowerBound..<max(sentence.lowerBound, min(draft.leadStart, at))) ?? sentence.lowerBound
            clauses.append(boundaryBefore..<boundaryAfter)
            var end = boundaryAfter
            if index + 1 < drafts.count, targets[index + 1].sentence == draft.sentence { end = min(end, max(targets[index + 1].leadStart, at)) }
            segments.append(min(at, end)..<end)
        }
        // A list by place written place first ("إدلب بحصيلة 64، تلتها حلب بـ 35، ثم درعا بـ 19"): when the last
        // figure of the run has no place after it, each place just before a figure is that figure's, not the
        // previous figure's.
        // For each figure, the index in `beforeNames` of its place said before it, -1 for none.
        var before = [Int](repeating: -1, count: drafts.count)
        var beforeNames: [LinkScene.Name] = []
        var first = 0
        while first < drafts.count {
            var last = first
            while last + 1 < drafts.count, targets[last + 1].sentence == targets[first].sentence { last += 1 }
            if last > first, places(in: segments[last], scene: scene).isEmpty {
                for index in first...last {
                    let lead = targets[index].leadStart
                    let floor = index > first ? targets[index - 1].tokens.upperBound : clauses[index].lowerBound
                    guard let name = places(in: LinkScene.span(min(lead, max(floor, lead - PlaceLinker.placeBeforeReach - 3)), lead), scene: scene).last,
                          lead - name.tokens.upperBound <= PlaceLinker.placeBeforeReach else { continue }
                    before[index] = beforeNames.count
                    beforeNames.append(name)
                    if index > first, segments[index - 1].contains(name.tokens.lowerBound) {
                        segments[index - 1] = segments[index - 1].lowerBound..<name.tokens.lowerBound
                    }
                }
                // Only a run where most figures have their place before them.
                if (first...last).filter({ before[$0] >= 0 }).count * 2 <= (last - first + 1) {
                    for index in first...last { before[index] = -1 }
                }
            }
            first = last + 1
        }
        var inheriting: [Int] = []
        // For each figure, the figure whose result it states (-1 for none).
        var causes = [Int](repeating: -1, count: drafts.count)
        for index in drafts.indices {
            let draft = targets[index]
            let sentence = clauses[index]
            var place: LinkScene.Name?
            var decided = false
            var own = places(in: segments[index], scene: scene)
            if own.isEmpty, before[index] >= 0 { own = [beforeNames[before[index]]] }
            // "قال حاكم مقاطعة X إن شخصين قتلا بقصف على المدينة": the place its sentence named before the noun.
            if own.isEmpty, let name = pointedBack(in: segments[index], sentence: scene.sentence(draft.sentence), scene: scene) {
                own = [name]
            }
            // "105 مرة معظمها في حلب، كما … في هجوم X": the figure's own place is hedged; a later place in its
            // part is of something else.
            if let hedged = hedgedPlace(in: segments[index], scene: scene) {
                // (the country stays the document's: "معظمهم من السودان" names no country of the figure)
                own = own.filter { $0.tokens.lowerBound < hedged.tokens.lowerBound }
                if own.isEmpty {
                    drafts[index].figure.place = nil
                    drafts[index].figure.country = scene.documentCountry(at: draft.tokens.lowerBound)
                    trace?.note(draft.tokens.lowerBound, .place, "a hedged place is not the figure's", value: "null")
                    continue
                }
            }
            if !own.isEmpty {
                (place, decided) = (chooseLocated(own, scene: scene), true)
                note(draft, "a place in the figure's own part of its sentence", own)
            } else if heads[index] != nil {
                inheriting.append(index)   // once every figure's own place is known (a total may come after its part)
                continue
            } else if let cause = cause(of: index, targets, heads: heads, segments: segments, scene: scene), drafts[cause].figure.place != nil {
                causes[index] = cause   // the result of a figure with a place, or others that continue it: that place (below)
            } else {
                // The figures of the same sentence stand next to this one in document order.
                var first = index, last = index
                while first > 0, targets[first - 1].sentence == draft.sentence { first -= 1 }
                while last + 1 < targets.count, targets[last + 1].sentence == draft.sentence { last += 1 }
                var shared = places(in: sentence, scene: scene).filter { name in
                    !(first...last).contains { $0 != index && segments[$0].contains(name.tokens.lowerBound) }
                }
                // A reported clause that names no place is set where the sentence says before who speaks:
                // "في حلب، قال ناشطون إن 5 قتلوا".
                let whole = scene.sentence(draft.sentence)
                if shared.isEmpty, sentence.lowerBound > whole.lowerBound {
                    // Not the words of who speaks: a place there is the speaker's ("قال مكتب X في بغداد إن").
                    // The speaker nearest the clause: "أصدر المرصد تقريرا حول الأوضاع في محافظة X، وقال إن …" is set in X.
                    let speaker = scene.cues(in: LinkScene.span(whole.lowerBound, sentence.lowerBound)).last { $0.kind == .attribution || $0.kind == .unnamedSource }
                    let end = speaker?.tokens.lowerBound ?? whole.lowerBound
                    shared = places(in: LinkScene.span(whole.lowerBound, end), scene: scene).filter { name in
                        !(first...last).contains { $0 != index && (segments[$0].contains(name.tokens.lowerBound) || clauses[$0].contains(name.tokens.lowerBound)) }
                    }
                    if !shared.isEmpty { note(draft, "the places of the sentence before the figure's clause", shared) }
                }
                // A total whose items each name a place ("قتل 40: 25 في حلب و15 في إدلب") is spread over them.
                var items = shared.isEmpty ? (first...last).filter { heads[$0] == index }.flatMap { places(in: segments[$0], scene: scene) } : []
                // Figures of coordinated verbs in one clause share the place said after the last ("قتل 6، بينهم
                // طفلان، وأصيب 11 آخرون، في قصف على مدينة X"), unless one between names its own.
                // Only a close run whose figures say little more than their noun: a figure followed by words of its
                // own ("في إقليم X بمنطقة Y") has its own place, known or not.
                // Also when the sentence names only a country the run's place lies in ("شهدت تركيا هجوما أوقع 30 قتيلا
                // ونحو 100 جريح في مدينة X"): the most specific place the sentence gives for it.
                if items.isEmpty, shared.allSatisfy({ $0.key.map { !LinkScene.isDivision($0) } ?? false }), index < last,
                   words(in: segments[index], scene: scene) <= PlaceLinker.runWords {
                    var next = index + 1
                    while next <= last, targets[next].leadStart - draft.tokens.upperBound <= PlaceLinker.runReach,
                          scene.firstBoundary(in: draft.tokens.upperBound..<max(draft.tokens.upperBound, targets[next].leadStart)) == nil {
                        let found = places(in: segments[next], scene: scene)
                        if !found.isEmpty {
                            // A breakdown of a later figure keeps a place of its own words ("ثلاثة منهم في حلب"); one
                            // said after a comma ("ثلاثة منهم في حالة خطيرة، خلال عملية في مخيم X") is the run's.
                            let comma = scene.firstComma(in: segments[next])
                            if heads[next] == nil || heads[next]! < index || comma.map({ at in found.allSatisfy { $0.tokens.lowerBound > at } }) == true,
                               shared.isEmpty || found.allSatisfy({ name in
                                   name.key.map { key in shared.contains { $0.key == LinkScene.country(of: key) } && LinkScene.isDivision(key) } ?? false
                               }) {
                                items = found
                                shared = []
                            }
                            break
                        }
                        if heads[next] == nil, words(in: segments[next], scene: scene) > PlaceLinker.runWords { break }
                        next += 1
                    }
                }
                if !shared.isEmpty {
                    (place, decided) = (chooseLocated(shared, scene: scene), true)
                    note(draft, "the places of the figure's sentence", shared)
                } else if !items.isEmpty {
                    (place, decided) = (chooseLocated(items, scene: scene), true)
                    note(draft, "the places of its breakdowns or list items", items)
                } else if index < last, heads[index + 1] == nil,
                          cause(of: index + 1, targets, heads: heads, segments: segments, scene: scene) == index,
                          scene.cues(in: LinkScene.span(targets[index + 1].tokens.upperBound, targets[index + 1].tokens.upperBound + 2))
                            .contains(where: { $0.kind == .result }),
                          hedgedPlace(in: segments[index + 1], scene: scene) == nil {
                    // "قتل 3 مدنيين، فيما أصيب 7 آخرون في قصف على بلدة X": the others that continue it across a new
                    // clause (a `result` word right after the next figure's number) name where both happened. Not a result
                    // said before it ("التي قتل خلالها 600 في شمال البلاد" may count a larger whole), nor others further on
                    // ("من قتل أربعة منهم في X، وفر آخرون إلى Y").
                    let found = places(in: segments[index + 1], scene: scene)
                    if !found.isEmpty {
                        (place, decided) = (chooseLocated(found, scene: scene), true)
                        note(draft, "the place of the others or the result that continue it", found)
                    }
                }
            }
            drafts[index].figure.place = place.flatMap { scene.linked($0) }
            // "شنت 30 غارة على ريف إدلب، أسفرت عن مقتل 12"، "قتل 4 في حلب، فيما أصيب 9 آخرون": with no place of
            // its own, a result of the figure before it (or "others" that continue it) happened where that one did.
            if place == nil, !decided, causes[index] >= 0, let found = drafts[causes[index]].figure.place {
                let cause = causes[index]
                drafts[index].figure.place = found
                drafts[index].figure.country = drafts[cause].figure.country
                trace?.note(draft.tokens.lowerBound, .place, "a result of the figure before it, or others that continue it, takes its place",
                            value: found.key)
                continue
            }
            if let place = drafts[index].figure.place {
                drafts[index].figure.country = LinkScene.country(of: place.key)
            } else if decided {
                drafts[index].figure.country = nil   // places in several countries: no country either
            } else {
                drafts[index].figure.country = scene.documentCountry(at: draft.tokens.lowerBound)
            }
        }
        // Breakdowns and list items take their total's or head's, which may itself inherit (followed a few steps).
        for index in inheriting {
            var head = heads[index]!
            var steps = 0
            while inheriting.contains(head), let next = heads[head], next != index, steps < 8 { head = next; steps += 1 }
            drafts[index].figure.place = drafts[head].figure.place
            drafts[index].figure.country = drafts[head].figure.country ?? (drafts[head].figure.place == nil ? scene.documentCountry(at: targets[index].tokens.lowerBound) : nil)
            trace?.note(targets[index].tokens.lowerBound, .place, "a breakdown or list item takes its total's or head's place",
                        value: drafts[index].figure.place?.key ?? "null")
        }
    }

    /// The places (and towns) in `range` that no hedge stands just before.
    /// Called several times per figure: a range that names no place (most) is turned away before any list is
    /// made, and what excludes a place is looked up only for the places found.
    private func places(in range: Range<Int>, scene: LinkScene) -> [LinkScene.Name] {
        guard !range.isEmpty, scene.mayHoldPlace(in: range) else { return [] }
        let slice = scene.names(in: range)
        let rangeCues = scene.cues(in: range)
        // The scene's names are read in place; a list is made only when a name is added or changed (below).
        var names: [LinkScene.Name] = []
        var changed = false
        // "في المملكة"، "في شمال البلاد": the country its sentence named first before it ("وفي سوريا، … داخل
        // البلاد"), else the document's, where no name holds the word.
        for cue in rangeCues where cue.kind == .countryBack && cue.tokens.count == 1
            && !(changed ? names[...] : slice).contains(where: { $0.tokens.overlaps(cue.tokens) }) {
            let sentence = scene.sentence(scene.tokens[cue.tokens.lowerBound].sentence)
            let named = scene.names(in: sentence.lowerBound..<max(sentence.lowerBound, cue.tokens.lowerBound))
                .first { $0.isPlace && $0.key != nil && !LinkScene.isDivision($0.key!) }
            guard let code = named.map({ LinkScene.country(of: $0.key!) }) ?? scene.documentCountry(at: cue.tokens.lowerBound) else { continue }
            let token = scene.tokens[cue.tokens.lowerBound]
            let start = scene.headNoun(Int(token.start), Int(token.end)).start
            if !changed { names = Array(slice); changed = true }
            names.append(LinkScene.Name(mention: NameMention(kind: .place, key: code, start: start, end: Int(token.end)), tokens: cue.tokens, key: code))
        }
        // The scene's names are in text order already: only those added need sorting in.
        if changed { names.sort { $0.tokens.lowerBound < $1.tokens.lowerBound } }
        guard (changed ? names[...] : slice).contains(where: { $0.isPlace || $0.mention.kind == .nationality }) else { return [] }
        // The cues around the range, read once: each test below takes those from its own distance before it.
        let near = scene.cues(in: LinkScene.span(max(0, range.lowerBound - 10), range.upperBound))
        let cues = near.drop { $0.tokens.lowerBound < range.lowerBound - 3 }
        // "فوق الأراضي الروسية"، "قبالة السواحل التونسية": a land or water and its adjective name the country.
        for position in 0..<(changed ? names.count : slice.count) {
            // The kind read in place: most names are no adjective, and a name copied out retains its keys.
            guard (changed ? names[position].mention.kind : slice[slice.startIndex + position].mention.kind) == .nationality else { continue }
            let name = changed ? names[position] : slice[slice.startIndex + position]
            guard let land = cues.first(where: { $0.kind == .territory && $0.tokens.upperBound == name.tokens.lowerBound }) else { continue }
            let country = LinkScene.country(of: name.mention.key)
            let start = Int(scene.tokens[land.tokens.lowerBound].start)
            let replaced = LinkScene.Name(mention: NameMention(kind: .place, key: country, start: start, end: name.mention.end),
                                          tokens: land.tokens.lowerBound..<name.tokens.upperBound, key: country)
            if changed { names[position] = replaced } else {
                names = Array(slice)
                names[position] = replaced
                changed = true
            }
        }
        // An occasion's phrase ("بمناسبة مرور عامين على التدخل الروسي في سوريا،") and where most come from
        // ("معظمهم من السودان وإريتريا"): their places are not where the figure happened (read once, when a place
        // is left to test).
        var asideRead = false
        asideRanges.removeAll(keepingCapacity: true)
        // Who speaks: "بحسب حاكم منطقة X", "قال مسؤول في وزارة الداخلية العراقية".
        let speakers = near.drop { $0.tokens.lowerBound < range.lowerBound - 4 }
        // A body that an attribution names ("قالت وزارة الصحة في غزة"), not one that acts ("استقبل مستشفى X ببيشة").
        let attributions = near
        let bodies = scene.names(in: LinkScene.span(max(0, range.lowerBound - 6), range.upperBound))
        func accepted(_ name: LinkScene.Name) -> Bool {
            guard name.isPlace, let key = name.key, !actorNames.contains(name.tokens.lowerBound) else { return false }
            let at = name.tokens.lowerBound
            let wordStart = name.mention.start == Int(scene.tokens[at].start)
            // "أعادت توطين 15728 لاجئا سوريا": the country right after the counted noun says what they are.
            if wordStart, PlaceLinker.holds(nounEnds, at), !LinkScene.isDivision(key) { return false }
            if cues.contains(where: { $0.kind == .hedge && $0.tokens.upperBound <= at && at - $0.tokens.upperBound <= 2 }) { return false }
            // A country right after an act, with no preposition, is its adjective ("37 هجوما روسيا"): not where.
            if wordStart, !LinkScene.isDivision(key), cues.contains(where: { $0.kind == .agent && $0.tokens.upperBound == at }) { return false }
            if speakers.contains(where: { $0.kind == .spokesman && $0.tokens.upperBound <= at && at - $0.tokens.upperBound <= 2 }) { return false }
            if bodies.contains(where: { body in
                body.mention.kind == .source && body.tokens.upperBound <= at && at - body.tokens.upperBound <= 1
                    && attributions.contains {
                        ($0.kind == .attribution || $0.kind == .spokesman)
                            && $0.tokens.upperBound <= body.tokens.lowerBound && body.tokens.lowerBound - $0.tokens.upperBound <= 2
                    }
            }) { return false }
            if !asideRead {
                asideRead = true
                for cue in scene.cues(in: LinkScene.span(max(0, range.lowerBound - PlaceLinker.phraseReach), range.upperBound))
                where cue.kind == .occasion || cue.kind == .origin {
                    let phrase = phrase(after: cue, scene: scene)
                    asideRanges.append(phrase)
                }
            }
            return !asideRanges.contains(where: { $0.contains(at) })
        }
        var found: [LinkScene.Name] = []
        found.reserveCapacity(changed ? names.count : slice.count)
        // By index: only the names kept are copied.
        if changed {
            for index in names.indices where accepted(names[index]) { found.append(names[index]) }
        } else {
            for index in slice.indices where accepted(slice[index]) { found.append(slice[index]) }
        }
        return found
    }

    /// How far before a figure's part an occasion or an origin may open the phrase that holds a place.
    static let phraseReach = 30

    /// The words of a phrase a cue opens: up to the next comma or clause, or the sentence's end, within reach.
    /// An origin's phrase is only the places right after it and those joined to them ("معظمهم من السودان وإريتريا").
    private func phrase(after cue: LinkScene.Cue, scene: LinkScene) -> Range<Int> {
        let sentence = scene.sentence(scene.tokens[cue.tokens.lowerBound].sentence)
        if cue.kind == .origin {
            var end = cue.tokens.upperBound
            for name in scene.names(in: LinkScene.span(cue.tokens.upperBound, sentence.upperBound)) {
                guard name.isPlace, scene.joins(end, name.tokens.lowerBound, grammar: grammar, filler: 0) else { break }
                end = name.tokens.upperBound
            }
            return cue.tokens.lowerBound..<end
        }
        var end = cue.tokens.upperBound
        let limit = min(sentence.upperBound, cue.tokens.upperBound + PlaceLinker.phraseReach)
        while end < limit, !grammar.isComma(scene.tokens[end], scalars: scene.text.scalars) { end += 1 }
        if let boundary = scene.firstBoundary(in: cue.tokens.upperBound..<max(cue.tokens.upperBound, end)) { end = boundary }
        return cue.tokens.lowerBound..<end
    }

    /// The place a definite place noun in `range` points back to ("على المدينة"): the last place its sentence
    /// named before it, whoever's words held it.
    private func pointedBack(in range: Range<Int>, sentence: Range<Int>, scene: LinkScene) -> LinkScene.Name? {
        guard !range.isEmpty, let noun = scene.cues(in: range).first(where: { cue in
            cue.kind == .placeBack && !scene.names(in: LinkScene.span(max(0, cue.tokens.lowerBound - 4), min(scene.tokens.count, cue.tokens.upperBound + 4)))
                .contains { $0.tokens.overlaps(cue.tokens) }
        }) else { return nil }
        // Not inside an occasion's phrase ("بالتزامن مع القصف من الحواجز المحيطة بالمدينة").
        guard !scene.cues(in: LinkScene.span(max(sentence.lowerBound, noun.tokens.lowerBound - PlaceLinker.phraseReach), noun.tokens.lowerBound)).contains(where: {
            $0.kind == .occasion && phrase(after: $0, scene: scene).contains(noun.tokens.lowerBound)
        }) else { return nil }
        // The nouns are of a town or a division: a country last named is not what they point to.
        guard let last = scene.names(in: LinkScene.span(sentence.lowerBound, noun.tokens.lowerBound)).last(where: { $0.isPlace && $0.key != nil }),
              LinkScene.isDivision(last.key!) else { return nil }
        return last
    }

    /// The figure whose result the figure at `index` states, or that it continues as "others": the figure before
    /// it in its sentence that is no breakdown, when a `result` cue stands between them or in its own part.
    private func cause(of index: Int, _ targets: [LinkTarget], heads: [Int?], segments: [Range<Int>], scene: LinkScene) -> Int? {
        var previous = index - 1
        while previous >= 0, targets[previous].sentence == targets[index].sentence, heads[previous] != nil { previous -= 1 }
        guard previous >= 0, targets[previous].sentence == targets[index].sentence else { return nil }
        let from = targets[previous].tokens.upperBound
        let to = max(from, segments[index].upperBound)
        return scene.cues(in: LinkScene.span(from, to)).contains { $0.kind == .result } ? previous : nil
    }

    /// How many words (not punctuation) `range` holds.
    private func words(in range: Range<Int>, scene: LinkScene) -> Int {
        var count = 0
        for index in range where scene.tokens[index].kind == .word { count += 1 }
        return count
    }

    /// The first place in `range` that a hedge stands just before ("معظمها في محافظة إدلب").
    private func hedgedPlace(in range: Range<Int>, scene: LinkScene) -> LinkScene.Name? {
        guard !range.isEmpty else { return nil }
        let cues = scene.cues(in: LinkScene.span(max(0, range.lowerBound - 3), range.upperBound))
        guard cues.contains(where: { $0.kind == .hedge }) else { return nil }
        return scene.names(in: range).first { name in
            name.isPlace && name.key != nil && cues.contains {
                $0.kind == .hedge && $0.tokens.upperBound <= name.tokens.lowerBound && name.tokens.lowerBound - $0.tokens.upperBound <= 2
            }
        }
    }

    /// Whether the sorted `values` hold `value`.
    private static func holds(_ values: [Int], _ value: Int) -> Bool {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < values.count && values[low] == value
    }

    /// The names less those said relative to another place ("في ولاية X جنوب كابل": the capital only locates
    /// X), when a division of their own remains; then the most specific place they agree on.
    private func chooseLocated(_ names: [LinkScene.Name], scene: LinkScene) -> LinkScene.Name? {
        // One name (most figures) is the place, whatever locates it.
        if names.count == 1 { return names[0] }
        var names = names
        // Right after the word, with no clitic between ("حماة الشمالي وإدلب" lists two places).
        func isRelative(_ name: LinkScene.Name) -> Bool {
            name.mention.start == Int(scene.tokens[name.tokens.lowerBound].start) && scene.cues(in: LinkScene.span(max(0, name.tokens.lowerBound - 3), name.tokens.lowerBound)).contains {
                $0.kind == .near && $0.tokens.upperBound <= name.tokens.lowerBound && name.tokens.lowerBound - $0.tokens.upperBound <= 1
            }
        }
        // Most lists have none: no list is made for them.
        guard names.contains(where: isRelative) else { return choose(names, scene: scene) }
        let relative = names.filter(isRelative)
        // Only when a division of its own remains: "في قرية X شرق أربيل" is still in Erbil's division.
        let located = names.filter { name in !relative.contains { $0.tokens == name.tokens } }
        if !relative.isEmpty, located.contains(where: { LinkScene.isDivision($0.key!) }) {
            // "مدينة أريحا جنوب إدلب": a town known only in another country than the place that locates it is a
            // namesake; the place that locates it is where.
            if relative.allSatisfy({ LinkScene.isDivision($0.key!) }),
               located.allSatisfy({ name in !relative.contains { LinkScene.sameCountry($0.key!, name.key!) } }) {
                names = relative
            } else {
                names = located
            }
        }
        return choose(names, scene: scene)
    }

    /// The most specific place all the names agree on: one division, else their common country, else none.
    /// A country and a division inside it give the division.
    private func choose(_ names: [LinkScene.Name], scene: LinkScene) -> LinkScene.Name? {
        var names = names
        let firstKey = names[0].key!
        if names.contains(where: { !LinkScene.sameCountry($0.key!, firstKey) }) {
            // Places of several countries listed together ("في سوريا والعراق"): spread, no place. Otherwise the
            // first names where it happened and a later one of another country says something else of it
            // ("في بلدة X جنوب تركيا قرب الحدود مع سوريا").
            let listed = zip(names, names.dropFirst()).contains { a, b in
                !LinkScene.sameCountry(a.key!, b.key!) && scene.joins(a.tokens.upperBound, b.tokens.lowerBound, grammar: grammar, filler: 0)
            }
            guard !listed else { return nil }
            names = names.filter { LinkScene.sameCountry($0.key!, firstKey) }
        }
        guard let firstDivision = names.firstIndex(where: { LinkScene.isDivision($0.key!) }) else { return names[0] }
        let divisionKey = names[firstDivision].key!
        if names.allSatisfy({ $0.key! == divisionKey || !LinkScene.isDivision($0.key!) }) { return names[firstDivision] }
        // Several divisions of one country: the country, named by a name that is the country, else by the
        // words from the first division to the last ("في حلب وإدلب").
        if let country = names.first(where: { !LinkScene.isDivision($0.key!) }) { return country }
        let first = names[firstDivision], last = names.last { LinkScene.isDivision($0.key!) }!
        let code = LinkScene.country(of: first.key!)
        return LinkScene.Name(mention: NameMention(kind: .place, key: code, start: first.mention.start, end: last.mention.end),
                              tokens: first.tokens.lowerBound..<last.tokens.upperBound, key: code)
    }

    private func note(_ draft: LinkTarget, _ reader: String, _ names: [LinkScene.Name]) {
        guard let trace, let first = names.first, let last = names.last else { return }
        trace.note(draft.tokens.lowerBound, .place, reader, words: first.tokens.lowerBound..<last.tokens.upperBound,
                   value: names.compactMap(\.key).joined(separator: ", "))
    }
}
