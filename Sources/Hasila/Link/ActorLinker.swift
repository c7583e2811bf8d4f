/// Attaches to each figure the parties the text holds responsible for the act it counts
/// (../shared/actors-and-places.md, "Actors").
///
/// In order: an agent or clash cue after the figure in its sentence ("مقتل 5 على يد X", "في اشتباكات مع X",
/// "معارك بين A و B"), up to a breakdown of it or a new clause; else a claim in the clause; else the doer
/// named before the figure in its clause ("قتلت قوات النظام 72 مدنيا"), unless an attribution names it
/// (then it is the source). Names joined by و or a comma are listed together, in order. A hedge before the
/// cue ("أغلبهم على يد X") gives none. A breakdown and an elided-noun list item that name no one take
/// their total's or head's actors. A sentence that names no doer gives `[]`: never a guess.
struct ActorLinker {
    let grammar: Grammar
    var trace: DecisionTrace?

    /// How many words may stand between a cue and the first name it introduces ("على يد عناصر X").
    static let cueReach = 3
    /// How many words may stand between a doer named before the figure and the figure ("شن X خلال العام 300 غارة").
    static let doerReach = 4

    /// What linking the actors leaves for the steps after it.
    struct Linked {
        /// The first tokens of the places that it took as actors ("وحليفته روسيا"): they are no place.
        var placesTaken: Set<Int> = []
        /// The actors whose `*` took the document's country for want of a nearer one ("السلطات"): a figure whose
        /// sentence places it in a country has that country's state instead (see `refillStates`).
        var documentStates: [(figure: Int, actor: Int, name: NameMention)] = []
    }

    /// `parties`: the parties named in earlier sections' sentences with a figure, by head noun; updated with this
    /// section's.
    @discardableResult
    /// `handsOn`: another section of the document follows, which may point back to this one's parties (else they
    /// are not written down).
    func link(_ drafts: inout [FigureDraft], scene: LinkScene, parties: inout PartyMemory, handsOn: Bool = true) -> Linked {
        // In order, searched by halves: no Set hashed per section.
        let figureSentences = drafts.map(\.sentence).sorted()
        let backReferences = backReferences(in: scene, figureSentences: figureSentences, parties: &parties, handsOn: handsOn)
        // The scene is copied (every list retained) only when there are back-references to add to it for this linker.
        guard !backReferences.isEmpty else { return link(&drafts, scene: scene) }
        var resolved = scene
        resolved.insert(backReferences)
        return link(&drafts, scene: resolved)
    }

    /// Links the actors of every figure of a scene that holds the back-references resolved.
    private func link(_ drafts: inout [FigureDraft], scene: LinkScene) -> Linked {
        var own = [Bool](repeating: false, count: drafts.count)
        var subject = [Bool](repeating: false, count: drafts.count)
        var subjects = [[LinkScene.Name]?](repeating: nil, count: drafts.count)
        var linked = Linked()
        let targets = drafts.map(\.linkTarget)
        // Each figure's own part, read by several figures' searches: found once.
        let segments = drafts.indices.map { segment($0, targets, scene: scene) }
        for index in drafts.indices {
            if let actors = actors(of: index, targets, segments: segments, scene: scene, subject: &subject[index], subjects: subjects) {
                drafts[index].figure.actors = []
                for name in actors {
                    // One party once: "الشرطة والجيش الأفغاني" are both the Afghan state.
                    guard let record = scene.linked(name), !drafts[index].figure.actors.contains(where: { $0.key == record.key }) else { continue }
                    if filledByDocument(name, scene: scene) {
                        linked.documentStates.append((index, drafts[index].figure.actors.count, name.mention))
                    }
                    drafts[index].figure.actors.append(record)
                }
                for name in actors where name.isPlace { linked.placesTaken.insert(name.tokens.lowerBound) }
                own[index] = true
                if subject[index] { subjects[index] = actors }
            }
        }
        // Breakdowns and elided-noun items without their own take their total's or head's, in document order.
        for index in drafts.indices where !own[index] {
            if let head = inheritedFrom(index, targets) {
                drafts[index].figure.actors = drafts[head].figure.actors
                trace?.note(targets[index].tokens.lowerBound, .actors, "a breakdown or list item takes its total's or head's actors",
                            value: describe(drafts[index].figure.actors))
            } else if let doer = coordinatedSubject(index, targets, subject: subject, own: own, scene: scene), !drafts[doer].figure.actors.isEmpty {
                // "قتلت X 50 مدنيا، بينهم 10 أطفال، وارتكبت 6 مجازر": the verbs joined to the first share its subject.
                drafts[index].figure.actors = drafts[doer].figure.actors
                trace?.note(targets[index].tokens.lowerBound, .actors, "a coordinated verb shares the subject of the figure before it",
                            value: describe(drafts[index].figure.actors))
            } else if let cause = cause(of: index, targets, segments: segments, scene: scene), !drafts[cause].figure.actors.isEmpty {
                // "أطلقت طائرة عراقية صاروخين، ما أسفر عن مقتل 16"، "قتل 5 بنيران X، وأصيب 9 آخرون".
                drafts[index].figure.actors = drafts[cause].figure.actors
                trace?.note(targets[index].tokens.lowerBound, .actors, "a result of the figure before it, or others that continue it, takes its actors",
                            value: describe(drafts[index].figure.actors))
            }
        }
        return linked
    }

    /// A state named without its country that took the document's ("أعدمت السلطات 24 شخصا") is the state of
    /// the country its figure's sentence places it in ("وفي الولايات المتحدة، …"): run after the places.
    static func refillStates(_ drafts: inout [FigureDraft], _ linked: Linked, scene: LinkScene) {
        for (figure, actor, name) in linked.documentStates where drafts[figure].figure.place != nil {
            guard let country = drafts[figure].figure.country, actor < drafts[figure].figure.actors.count,
                  let key = scene.key(of: name, in: country) else { continue }
            drafts[figure].figure.actors[actor].key = key
        }
    }

    /// Whether a name's `*` was filled with the document's country: no nationality adjective beside it and no
    /// place right after it named its own.
    private func filledByDocument(_ name: LinkScene.Name, scene: LinkScene) -> Bool {
        guard name.mention.hasStar, let key = name.key else { return false }
        let around = scene.names(in: LinkScene.span(max(0, name.tokens.lowerBound - 1), min(scene.tokens.count, name.tokens.upperBound + 2)))
        guard !around.contains(where: { other in
            other.tokens != name.tokens && (other.mention.kind == .nationality || other.isPlace)
                && (other.tokens.lowerBound >= name.tokens.upperBound || other.tokens.upperBound == name.tokens.lowerBound)
        }) else { return false }
        return key == scene.key(of: name.mention, in: scene.documentCountry(at: name.tokens.lowerBound) ?? "")
    }

    /// The definite nouns that point back to a party named before with the same head noun ("التنظيم" after
    /// "تنظيم الدولة"), as names of that party at the noun's place. A noun inside a name is the name's. Only
    /// parties named in sentences with a figure count (those a section reads however the document is cut), then
    /// those of earlier sections (`parties`, which this updates).
    private func backReferences(in scene: LinkScene, figureSentences: [Int32], parties: inout PartyMemory,
                                handsOn: Bool) -> [LinkScene.Name] {
        var found: [LinkScene.Name] = []
        /// The head noun of each word of the name, in order, handed to `body` until it returns true.
        func anyHead(of name: LinkScene.Name, _ body: (ArraySlice<UInt32>) -> Bool) -> Bool {
            for at in name.tokens {
                let word = scene.tokens[at]
                let from = max(name.mention.start, Int(word.start)), to = min(name.mention.end, Int(word.end))
                if from < to, body(scene.headNoun(from, to).letters) { return true }
            }
            return false
        }
        func isNamed(_ name: LinkScene.Name) -> Bool {
            name.isActor && name.key != nil && ActorLinker.holds(figureSentences, scene.tokens[name.tokens.lowerBound].sentence)
        }
        defer {
            if handsOn {
                for name in scene.names where isNamed(name) {
                    let key = name.key!
                    _ = anyHead(of: name) { head in parties.remember(head, key: key); return false }
                }
            }
        }
        for cue in scene.cues where cue.kind == .actorBack && cue.tokens.count == 1
            && ActorLinker.holds(figureSentences, scene.tokens[cue.tokens.lowerBound].sentence) {
            let token = scene.tokens[cue.tokens.lowerBound]
            guard !scene.names(in: LinkScene.span(max(0, cue.tokens.lowerBound - 6), min(scene.tokens.count, cue.tokens.upperBound + 6))).contains(where: {
                $0.tokens.overlaps(cue.tokens)
            }) else { continue }
            let head = scene.headNoun(Int(token.start), Int(token.end)).letters
            // Any word of the name may be the head noun ("مسلحو حركة الشباب" for "الحركة").
            let antecedent = scene.names.last {
                isNamed($0) && $0.tokens.upperBound <= cue.tokens.lowerBound && anyHead(of: $0) { $0.elementsEqual(head) }
            }
            // No party named before: an `actor back-reference` rule may name the country's ("التحالف" over Yemen).
            guard let key = antecedent?.key ?? parties.party(withHead: head) ?? scene.backReferenceKey(cue) else { continue }
            found.append(scene.backReference(cue, key: key))
        }
        return found
    }

    /// Whether the sorted `values` hold `value`.
    static func holds(_ values: [Int32], _ value: Int32) -> Bool {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < values.count && values[low] == value
    }

    /// The figure before this one in its clause whose doer is the subject named before it, when only its own
    /// list stands between (its breakdowns and items, which name no doer of their own).
    private func coordinatedSubject(_ index: Int, _ targets: [LinkTarget], subject: [Bool], own: [Bool], scene: LinkScene) -> Int? {
        var previous = index - 1
        while previous >= 0, targets[previous].sentence == targets[index].sentence {
            if subject[previous] {
                let between = targets[previous].tokens.upperBound..<max(targets[previous].tokens.upperBound, targets[index].leadStart)
                guard scene.firstBoundary(in: between) == nil,
                      !scene.cues(in: between).contains(where: { [.attribution, .clash, .claim, .hedge].contains($0.kind) }),
                      !scene.names(in: between).contains(where: \.isActor) else { return nil }
                return previous
            }
            // Only the subject's own list between: its breakdowns and items.
            guard !own[previous], targets[previous].parent != nil || targets[previous].conjoined || targets[previous].elided else { return nil }
            previous -= 1
        }
        return nil
    }

    /// The figure whose result the figure at `index` states, or that it continues as "others": the figure before it
    /// in its sentence that is no breakdown, when a `result` cue stands between them or in its own part.
    private func cause(of index: Int, _ targets: [LinkTarget], segments: [Range<Int>], scene: LinkScene) -> Int? {
        var previous = index - 1
        while previous >= 0, targets[previous].sentence == targets[index].sentence, targets[previous].parent != nil { previous -= 1 }
        guard previous >= 0, targets[previous].sentence == targets[index].sentence else { return nil }
        let from = targets[previous].tokens.upperBound
        let to = max(from, segments[index].upperBound)
        return scene.cues(in: LinkScene.span(from, to)).contains { $0.kind == .result } ? previous : nil
    }

    /// The total (parent) or the head of the elided-noun list this figure belongs to, if any.
    func inheritedFrom(_ index: Int, _ targets: [LinkTarget]) -> Int? {
        if let parent = targets[index].parent { return parent }
        guard targets[index].elided else { return nil }
        var head = index - 1
        while head >= 0, targets[head].elided, targets[head].sentence == targets[index].sentence { head -= 1 }
        return head >= 0 && targets[head].sentence == targets[index].sentence ? head : nil
    }

    /// The cue kinds that name a figure's doers forward in its own part, in an item of its list, and after
    /// its list's last item for all of them: made once, not per figure.
    /// Tested per cue with two comparisons, not hashed: every set holds agent and clash cues.
    struct CueKinds {
        let agentVerb: Bool
        let claim: Bool
        func contains(_ kind: LinkCue.Kind) -> Bool {
            kind == .agent || kind == .clash || (agentVerb && kind == .agentVerb) || (claim && kind == .claim)
        }
    }
    static let forwardKinds = CueKinds(agentVerb: true, claim: true)
    static let itemKinds = CueKinds(agentVerb: true, claim: false)
    static let sharedKinds = CueKinds(agentVerb: false, claim: false)

    /// The figure's own actors, nil when its sentence names none for it (it may then inherit).
    private func actors(of index: Int, _ drafts: [LinkTarget], segments: [Range<Int>], scene: LinkScene, subject: inout Bool,
                        subjects: [[LinkScene.Name]?]) -> [LinkScene.Name]? {
        let draft = drafts[index]
        let sentence = scene.sentence(draft.sentence)
        guard !sentence.isEmpty else { return nil }
        // "صدت 37 هجوما روسيا": an act counted with a nationality (or a country written as one) right after it.
        if let end = draft.nounEnd, end > draft.tokens.upperBound, end < sentence.upperBound,
           scene.cues(in: LinkScene.span(draft.tokens.upperBound, end)).contains(where: { $0.kind == .agent }),
           var name = scene.names(in: end..<(end + 1)).first,
           name.mention.kind == .nationality
            || (name.isPlace && !LinkScene.isDivision(name.mention.key) && name.mention.start == Int(scene.tokens[end].start)) {
            name.key = LinkScene.filling("*.state", with: LinkScene.country(of: name.mention.key))
            note(draft, "an act counted with its doer's nationality", cue: nil, names: [name])
            return [name]
        }
        // Forward, in the figure's own part of the sentence: up to the next figure.
        if let found = cued(in: segments[index], draft, scene: scene, kinds: ActorLinker.forwardKinds) {
            return found
        }
        // A possessive act in its own part ("مقتل 8 مدنيين في غاراته"): the party the sentence named before it.
        let own = segments[index]
        if let possessive = scene.cues(in: own).first(where: { $0.kind == .actorPossessive }),
           let doers = lastParty(before: draft.leadStart, in: sentence, scene: scene) {
            note(draft, "a possessive act after the figure: the party its sentence named before it", cue: possessive, names: doers)
            return doers
        }
        // The list the figure opens (its breakdowns, the items joined to it): a cue after its last item
        // names the doer of all, unless an item has a cue of its own ("منهم 25 على يد X و15 على يد Y").
        var items: [Int] = []
        var next = index + 1
        // Figures of coordinated verbs in the same clause ("قتل 5، وأصيب 9 آخرون، في غارات X") join the list too.
        // A pronoun subject between opens a clause of its own ("83 مقبرة، يعتقد أنها تضم رفات 3 آلاف").
        while next < drafts.count, drafts[next].sentence == draft.sentence,
              drafts[next].parent == index || drafts[next].conjoined
                || (scene.firstBoundary(in: draft.tokens.upperBound..<max(draft.tokens.upperBound, drafts[next].leadStart)) == nil
                    && !scene.cues(in: draft.tokens.upperBound..<max(draft.tokens.upperBound, drafts[next].leadStart)).contains { $0.kind == .actorPronoun }) {
            items.append(next)
            next += 1
        }
        if let last = items.last {
            for item in items.dropLast()
            where cued(in: segments[item], draft, scene: scene, kinds: ActorLinker.itemKinds, quiet: true) != nil {
                return nil
            }
            if let found = cued(in: segments[last], draft, scene: scene, kinds: ActorLinker.sharedKinds, shared: true) { return found }
        }
        // Backward: the doer named in the figure's clause before it.
        let floor = max(sentence.lowerBound, min(draft.actFloor, draft.leadStart))
        // A lead that begins before its number's sentence (a cue across a full stop) has no clause before it here.
        guard floor < draft.leadStart else { return nil }
        let before = floor..<draft.leadStart
        let cues = scene.cues(in: before)
        // Only a doer close before the figure, in the same comma-free stretch ("قتلت قوات النظام 14"): a name
        // further back, or behind a comma, is what the clause says of something else ("تحت سيطرة X، ما أدى لمقتل").
        // Only whether a comma stands at or after a token is asked: the last comma is enough, found walking back.
        var lastComma = before.upperBound - 1
        while lastComma >= before.lowerBound, !grammar.isComma(scene.tokens[lastComma], scalars: scene.text.scalars) { lastComma -= 1 }
        func commaFrom(_ token: Int) -> Bool { lastComma >= before.lowerBound && lastComma >= token }
        // The subject that opens a reported clause ("وأكد التقرير أن القوات الروسية استخدمت …، 212 مرة") is its doer.
        let clauseStart = scene.lastBoundary(in: before)
        // "واتهم المرصد التحالف باستخدام ذخائر في 4 هجمات": the accused is the doer, the accuser is not.
        var accused: Set<Int> = [], accusers: Set<Int> = []
        for cue in cues where cue.kind == .accusation {
            let named = scene.names(in: LinkScene.span(cue.tokens.upperBound, min(draft.leadStart, cue.tokens.upperBound + ActorLinker.cueReach + 2)))
                .filter { $0.isActor || $0.mention.kind == .source }
            guard let last = named.last, last.isActor else { continue }
            accused.insert(last.tokens.lowerBound)
            for other in named.dropLast() { accusers.insert(other.tokens.lowerBound) }
        }
        // Loops, not closures, over the names and cues: a closure that reads the scene holds a copy of it (every list
        // retained and released) per call.
        var candidates: [LinkScene.Name] = []
        let named = scene.names(in: before)
        for position in named.indices {
            // Only an actor may be the doer (every test below ends in false for another name): the rest is not read,
            // nor copied out (a name copied retains its keys).
            guard named[position].isActor, !accusers.contains(named[position].tokens.lowerBound) else { continue }
            let name = named[position]
            if let start = clauseStart, name.tokens.lowerBound == start + 1 {
                // No other speaker, hedge or doer between ("… الصواريخ الخارقة" names none).
                var alone = true
                for cue in scene.cues(in: LinkScene.span(start, draft.leadStart)) {
                    if [.attribution, .hedge, .unnamedSource].contains(cue.kind) { alone = false; break }
                    let after = cue.tokens.upperBound..<max(cue.tokens.upperBound, min(draft.leadStart, cue.tokens.upperBound + ActorLinker.cueReach + 1))
                    if [.agent, .agentVerb].contains(cue.kind), scene.names(in: after).contains(where: \.isActor) { alone = false; break }
                }
                if alone {
                    candidates.append(name)
                    continue
                }
            }
            // A doer an agent cue names stands anywhere in the clause ("الانتهاكات التي ارتكبتها X منذ …، أسفرت عن مقتل").
            let cued = accused.contains(name.tokens.lowerBound) || cues.contains { [.agent, .agentVerb].contains($0.kind) && $0.tokens.upperBound <= name.tokens.lowerBound
                && name.tokens.lowerBound - $0.tokens.upperBound <= ActorLinker.cueReach }
                // "X مسؤولة عن 300 حالة": the cue after the doer.
                || cues.contains { $0.kind == .agentAfter && $0.tokens.lowerBound >= name.tokens.upperBound && $0.tokens.lowerBound - name.tokens.upperBound <= 1 }
            // "أعلن X مسؤوليته": a claim makes X the actor, whatever verb stands before it ("X قد أعلنت مسؤوليتها عن").
            let claimed = scene.cues(in: LinkScene.span(name.tokens.upperBound, min(draft.leadStart, name.tokens.upperBound + 3))).contains { $0.kind == .claim }
            guard cued || claimed || draft.leadStart - name.tokens.upperBound <= ActorLinker.doerReach,
                  cued || claimed || !commaFrom(name.tokens.upperBound) else { continue }
            // A name inside an act's cue describes the act ("بتفجيرات انتحارية"), and one across a new clause
            // ("في غارات نفذتها X، فيما أصيب 50") is the doer of another act.
            guard !cues.contains(where: { $0.kind == .agent && $0.tokens.lowerBound <= name.tokens.lowerBound && name.tokens.upperBound <= $0.tokens.upperBound }),
                  scene.firstBoundary(in: LinkScene.span(name.tokens.upperBound, draft.leadStart)) == nil else { continue }
            if !claimed {
                // "أفاد الجيش": a body an attribution names is the source; "معظمها … X": hedged.
                var spoken = false
                for cue in cues where (cue.kind == .attribution || cue.kind == .hedge || cue.kind == .unnamedSource)
                    && cue.tokens.upperBound <= name.tokens.lowerBound && name.tokens.lowerBound - cue.tokens.upperBound <= 2
                    // "أفاد مراسلنا بأن X": what is reported begins at أن, X is its doer, not the source.
                    && scene.firstBoundary(in: LinkScene.span(cue.tokens.upperBound, name.tokens.lowerBound)) == nil {
                    spoken = true
                    break
                }
                if spoken { continue }
            }
            candidates.append(name)
        }
        // "أسفر القصف التركي عن مقتل 3": an act before the figure whose doer is a nationality adjective.

        if candidates.isEmpty {
            for cue in cues where cue.kind == .agent {
                guard let adjective = scene.names(in: cue.tokens.upperBound..<max(cue.tokens.upperBound, min(draft.leadStart, cue.tokens.upperBound + 2))).first(where: {
                    $0.mention.kind == .nationality && $0.tokens.lowerBound - cue.tokens.upperBound <= 1
                }), !commaFrom(adjective.tokens.upperBound) else { continue }
                var doer = adjective
                doer.key = LinkScene.filling("*.state", with: LinkScene.country(of: adjective.mention.key))
                candidates = [doer]
            }
        }
        // A pronoun subject close before the figure ("في حين أنها استخدمت 105"، "وأن غاراتهما استهدفت 5"): the
        // subject of the figure before it in its sentence, else the last party the sentence named before it.
        if candidates.isEmpty,
           let pronoun = scene.cues(in: LinkScene.span(max(sentence.lowerBound, draft.leadStart - ActorLinker.doerReach - 1), draft.leadStart))
            .last(where: { $0.kind == .actorPronoun }),
           scene.firstComma(in: LinkScene.span(pronoun.tokens.upperBound, draft.leadStart)) == nil {
            var previous = index - 1
            while previous >= 0, drafts[previous].sentence == draft.sentence, subjects[previous] == nil { previous -= 1 }
            let doers: [LinkScene.Name]?
            if previous >= 0, drafts[previous].sentence == draft.sentence, let named = subjects[previous] {
                doers = named
            } else {
                doers = lastParty(before: pronoun.tokens.lowerBound, in: sentence, scene: scene)
            }
            if let doers {
                note(draft, "a pronoun subject: the party its sentence named before it", cue: pronoun, names: doers)
                subject = true
                return doers
            }
        }
        guard let lastName = candidates.last else { return nil }
        // The group of names joined to the last one, in the order written.
        var group = [lastName]
        for name in candidates.dropLast().reversed() {
            guard scene.joins(name.tokens.upperBound, group[0].tokens.lowerBound, grammar: grammar) else { break }
            group.insert(name, at: 0)
        }
        // An ally after them ("وحليفتها روسيا"، "وحليفتها الروسية"): a country or an adjective is its state.
        let end = group[group.count - 1].tokens.upperBound
        if let ally = scene.cues(in: LinkScene.span(end, min(end + 2, draft.leadStart))).first(where: { $0.kind == .ally }),
           var next = scene.names(in: LinkScene.span(ally.tokens.upperBound, draft.leadStart)).first, next.tokens.lowerBound == ally.tokens.upperBound {
            if next.mention.kind == .nationality || (next.isPlace && !LinkScene.isDivision(next.mention.key)) {
                next.key = LinkScene.filling("*.state", with: LinkScene.country(of: next.mention.key))
                group.append(next)
            } else if next.isActor {
                group.append(next)
            }
        }
        note(draft, "the doer named before the figure in its clause", cue: nil, names: group)
        subject = true
        return group
    }

    /// The last party named in `sentence` before `token`, with those joined to it: the doer a pronoun points to.
    private func lastParty(before token: Int, in sentence: Range<Int>, scene: LinkScene) -> [LinkScene.Name]? {
        let named = scene.names(in: sentence.lowerBound..<max(sentence.lowerBound, token)).filter { $0.isActor && $0.key != nil }
        guard let last = named.last else { return nil }
        var group = [last]
        for name in named.dropLast().reversed() {
            guard scene.joins(name.tokens.upperBound, group[0].tokens.lowerBound, grammar: grammar) else { break }
            group.insert(name, at: 0)
        }
        return group
    }

    /// The tokens after a figure's counted noun up to the next figure of its sentence (or its end, or a new clause).
    private func segment(_ index: Int, _ drafts: [LinkTarget], scene: LinkScene) -> Range<Int> {
        let draft = drafts[index]
        var limit = scene.sentence(draft.sentence).upperBound
        if index + 1 < drafts.count, drafts[index + 1].sentence == draft.sentence { limit = drafts[index + 1].leadStart }
        // From the counted noun's end: the phrase read after it may run over the cue ("مدنيين على يد …").
        var from = max(draft.nounEnd ?? draft.tokens.upperBound, draft.tokens.upperBound)
        // Unless a doer's cue stands inside what was read as its noun ("و6 على يد هيئة X": no noun, هيئة is X's).
        if let cue = scene.cues(in: LinkScene.span(draft.tokens.upperBound, from)).first(where: { [.agent, .clash].contains($0.kind) }),
           scene.names(in: LinkScene.span(cue.tokens.upperBound, min(limit, cue.tokens.upperBound + ActorLinker.cueReach + 1))).contains(where: \.isActor) {
            from = cue.tokens.lowerBound
        }
        guard from < limit else { return from..<from }
        if let boundary = scene.firstBoundary(in: LinkScene.span(from, limit)) { limit = boundary }
        return from..<limit
    }

    /// The actors named by the first cue of `kinds` in `range` that introduces any; `[]` when a hedge stands
    /// just before that cue; nil when no cue names anyone.
    private func cued(in range: Range<Int>, _ draft: LinkTarget, scene: LinkScene, kinds: CueKinds,
                      shared: Bool = false, quiet: Bool = false) -> [LinkScene.Name]? {
        guard !range.isEmpty else { return nil }
        var hedgeEnd = -1
        var namelessEnd: Int?
        for cue in scene.cues(in: range) {
            if cue.kind == .hedge { hedgeEnd = cue.tokens.upperBound; continue }
            // An attribution begins another report ("، كشف مصدر … عن قصف X"): its doers are not this figure's.
            if cue.kind == .attribution { return nil }
            // "جراء قصف مدفعي شنته X": a verb that names the doer of a nameless act cue just before it counts too.
            guard kinds.contains(cue.kind) || (cue.kind == .agentVerb && namelessEnd != nil) else { continue }
            // A cue that names no doer ("جراء هذا الاعتداء") ends the search, unless another follows at once
            // ("بأسلحة كيميائية شنته X").
            if let end = namelessEnd, cue.tokens.lowerBound - end > ActorLinker.cueReach { return nil }
            let names = listed(after: cue.tokens.upperBound, limit: scene.sentence(draft.sentence).upperBound, scene: scene)
            guard !names.isEmpty else { namelessEnd = cue.tokens.upperBound; continue }
            if quiet { return names }
            if hedgeEnd >= 0, cue.tokens.lowerBound - hedgeEnd <= 2 {
                note(draft, "a hedged doer is not the whole figure's", cue: cue, value: "[]")
                return []
            }
            note(draft, shared ? "\(cue.kind.rawValue) after the list the figure opens" : "\(cue.kind.rawValue) after the figure", cue: cue, names: names)
            return names
        }
        return nil
    }

    /// The actors a cue introduces: the first within `cueReach` words, then those joined to it.
    private func listed(after start: Int, limit: Int, scene: LinkScene) -> [LinkScene.Name] {
        var names: [LinkScene.Name] = []
        for var name in scene.names(in: LinkScene.span(start, limit)) where name.isActor || name.isPlace || name.mention.kind == .nationality {
            // An act whose doer is a nationality adjective ("غارات إسرائيلية", "شنتها طائرات روسية"): that state's forces.
            if name.mention.kind == .nationality {
                guard names.isEmpty, name.tokens.lowerBound - start <= 1, scene.cues(in: LinkScene.span(start, name.tokens.lowerBound)).isEmpty else { break }
                name.key = LinkScene.filling("*.state", with: LinkScene.country(of: name.mention.key))
                names.append(name)
                continue
            }
            // "37 هجوما روسيا": the country right after the act, no preposition, is its adjective: that state.
            if names.isEmpty, name.isPlace, let key = name.key, !LinkScene.isDivision(key), name.tokens.lowerBound == start,
               name.mention.start == Int(scene.tokens[name.tokens.lowerBound].start) {
                name.key = LinkScene.filling("*.state", with: key)
                names.append(name)
                continue
            }
            // "انتحاري من حركة الشباب": the unnamed doer belongs to the party right after it.
            if names.count == 1, names[0].key == "unknown", name.isActor, name.key != "unknown",
               name.tokens.lowerBound == names[0].tokens.upperBound + 1, !grammar.isConjunction(scene.tokens[names[0].tokens.upperBound]) {
                names[0] = name
                continue
            }
            if names.isEmpty {
                guard name.isActor, name.tokens.lowerBound - start <= ActorLinker.cueReach else { if name.isActor { break } else { continue } }
                // Another cue between is the one that names it ("بأسلحة كيميائية شنته X" is the verb's doer).
                guard scene.cues(in: LinkScene.span(start, name.tokens.lowerBound)).isEmpty else { break }
            } else {
                guard scene.joins(names[names.count - 1].tokens.upperBound, name.tokens.lowerBound, grammar: grammar) else { break }
                // "على يد قوات النظام وحليفته روسيا": a country listed with the doers is its state; one after a
                // preposition only ("القوات الروسية في أوكرانيا") is where they act.
                if name.isPlace {
                    guard let key = name.key, !LinkScene.isDivision(key),
                          joinedByConjunction(names[names.count - 1].tokens.upperBound, name, scene: scene) else { break }
                    name.key = LinkScene.filling("*.state", with: key)
                }
            }
            names.append(name)
        }
        return names
    }

    /// Whether a conjunction (a word, or a conjunction clitic of clitics.grammar on the name: "وروسيا") or an ally word
    /// stands between a name and `from`.
    private func joinedByConjunction(_ from: Int, _ name: LinkScene.Name, scene: LinkScene) -> Bool {
        if LinkScene.span(from, name.tokens.lowerBound).contains(where: { grammar.isConjunction(scene.tokens[$0]) }) { return true }
        if scene.cues(in: LinkScene.span(from, name.tokens.lowerBound)).contains(where: { $0.kind == .ally }) { return true }
        let first = Int(scene.tokens[name.tokens.lowerBound].start)
        let clitics = name.mention.start - first
        guard clitics > 0 else { return false }
        let tables = grammar.tables
        let bit: UInt64 = tables.names.id >= 0 ? 1 << UInt64(tables.names.id) : 0
        // The reading the name was found by (its clitics end where the name begins) carries a conjunction.
        return scene.tokens[name.tokens.lowerBound].nameAnalyses.contains { index in
            let reading = tables.lexicon.analyses[Int(index)]
            return Int(reading.prefixLength) == clitics && (bit == 0 || tables.startMasks[Int(reading.stem)] & bit != 0)
                && reading.prefixClasses & tables.conjunctionBit != 0
        }
    }

    private func describe(_ names: [LinkedName]) -> String { "[" + names.map(\.key).joined(separator: ", ") + "]" }

    private func note(_ draft: LinkTarget, _ reader: String, cue: LinkScene.Cue?, names: [LinkScene.Name] = [], value: String? = nil) {
        guard let trace else { return }
        let words = names.isEmpty ? cue?.tokens : (names[0].tokens.lowerBound..<names[names.count - 1].tokens.upperBound)
        trace.note(draft.tokens.lowerBound, .actors, reader, rule: cue?.rule, words: words,
                   value: value ?? "[" + names.compactMap(\.key).joined(separator: ", ") + "]")
    }
}
