/// Turns parsed statements into a `Grammar`: resolves references, expands patterns, checks that
/// every word can match normalised text and every key is known, and fills the tries.
struct GrammarCompiler {
    static let qualifierKeys: Set<String> = ["at_least", "more_than", "about", "at_most", "less_than", "exact"]
    static let maxExpansions = 20_000

    let statements: [GrammarStatement]
    private(set) var diagnostics: [GrammarDiagnostic] = []
    private var defines: [String: GrammarStatement] = [:]
    /// The keys of every `place` rule (not towns), known before any rule compiles: a town's division may be defined in any file.
    private var placeKeys: Set<String> = []
    /// Each file's name as rule locations give it (`location`): rules come a file at a time, and cutting a
    /// path costs more than the rest of a location.
    private let locationNames = LocationNames()
    /// The expansions of each `define` that expanded without a diagnostic: a define such as a list of
    /// town words is referenced by hundreds of rules, and its words are checked and normalised once.
    private var expandedDefines: [String: [[PatternElement]]] = [:]
    /// The article stems' words (ال، لل), once the prefix rules are read.
    private var articleWords: [String]?
    private let raw = NormalizationTable.shared([])
    private let matching = Normalizer(options: .matching)

    init(statements: [GrammarStatement]) { self.statements = statements }

    mutating func compile(source: String) -> Grammar? {
        let grammar = GrammarBuilder()
        // Clitics first: every later stem's forms depend on them.
        for statement in statements where statement.kind == "prefix" || statement.kind == "suffix" {
            let words = wordsOnly(statement)
            if statement.kind == "prefix" {
                guard statement.arguments.count == 1 else {
                    fail(statement, .syntax, 1, "expected 'prefix CLASS = …' (e.g. prefix conjunction = و | ف)"); continue
                }
                for word in words { grammar.tables.lexicon.addPrefix(word.unicodeScalars.map(\.value), className: statement.arguments[0]) }
            } else {
                for word in words { grammar.tables.lexicon.addSuffix(word.unicodeScalars.map(\.value)) }
            }
        }
        grammar.tables.conjunctionBit = grammar.tables.lexicon.classBit("conjunction") ?? 0
        grammar.tables.articleBit = grammar.tables.lexicon.classBit("article") ?? 0
        grammar.tables.prepositionBit = grammar.tables.lexicon.classBit("preposition") ?? 0
        for statement in statements where statement.kind == "prefix" {
            for word in wordsOnly(statement) {
                let id = grammar.tables.lexicon.register(stem: word, classes: [])
                grammar.tables.particleStems.insert(id)
                if statement.arguments.first == "conjunction" {
                    grammar.tables.conjunctionStems.insert(id)
                    if word.unicodeScalars.count == 1 { grammar.tables.conjunctionLetters.insert(word.unicodeScalars.first!.value) }
                }
                if statement.arguments.first == "article" { grammar.tables.articleStems.insert(id) }
            }
        }
        for statement in statements {
            switch statement.kind {
            case "define":
                guard statement.arguments.count == 1 else { fail(statement, .syntax, 1, "expected 'define NAME = pattern'"); continue }
                if defines[statement.arguments[0]] != nil {
                    fail(statement, .duplicate, 1, "'\(statement.arguments[0])' is defined twice")
                } else { defines[statement.arguments[0]] = statement }
            case "key":
                grammar.tables.taxonomy.insert(statement.arguments[0])
            case "place" where statement.arguments.count == 1:
                placeKeys.insert(statement.arguments[0])
            default: break
            }
        }
        for statement in statements {
            compileStatement(statement, into: grammar)
            grammar.tables.ruleCount += 1
            for example in statement.examples { checkExample(example, statement: statement, grammar: grammar) }
            grammar.tables.examples.append(contentsOf: statement.examples)
        }
        // Duals are generated from singulars once every category rule is in: a dual counts what its singular names.
        var endings = DualForms()
        for statement in statements where statement.kind == "dual-ending" {
            let words = wordsOnly(statement)
            switch statement.arguments {
            case ["all"]: endings.all += words
            case ["broken"]: endings.broken += words
            case let args where args.count == 2 && args[0] == "feminine":
                endings.feminineLetter = matching.normalizedString(args[1])
                endings.feminine += words
            default:
                fail(statement, .syntax, 1, "expected 'dual-ending all|broken = …' or 'dual-ending feminine LETTER = …'")
            }
        }
        for statement in statements where statement.kind == "dual-of" { compileDuals(statement, endings: endings, into: grammar) }
        guard diagnostics.isEmpty else { return nil }
        grammar.tables.lexicon.seal()
        grammar.tables.sealTries()
        return Grammar(tables: grammar.tables, source: source)
    }

    private mutating func fail(_ statement: GrammarStatement, _ code: GrammarDiagnostic.Code, _ column: Int, _ message: String) {
        diagnostics.append(GrammarDiagnostic(code: code, file: statement.file, line: statement.line, column: column,
                                             message: message, sourceLine: statement.sourceLine))
    }

    /// The column of the rule's right-hand side in its line (for errors about the whole right side).
    private func rightColumn(_ statement: GrammarStatement) -> Int {
        let scalars = Array(statement.sourceLine.unicodeScalars)
        return (scalars.firstIndex(of: "=") ?? 0) + 2
    }

    /// Compiles one rule into the tables of its dimension; each dimension's kinds have their own function.
    private mutating func compileStatement(_ statement: GrammarStatement, into grammar: GrammarBuilder) {
        switch statement.kind {
        case "prefix", "suffix", "define", "key":
            if statement.kind == "define" { _ = sequences(statement, grammar: nil) }  // validates its words once
        default:
            if compileNumberRule(statement, into: grammar) || compileCueRule(statement, into: grammar)
                || compileCategoryRule(statement, into: grammar) || compileFrameRule(statement, into: grammar)
                || compileDateRule(statement, into: grammar) || compileNameRule(statement, into: grammar) { return }
            fail(statement, .unknownStatement, 1, "unknown rule kind '\(statement.kind)'; see Grammars/README.md for the kinds")
        }
    }

    /// Numbers: number words, duals and the decimal mark.
    private mutating func compileNumberRule(_ statement: GrammarStatement, into grammar: GrammarBuilder) -> Bool {
        let args = statement.arguments
        switch statement.kind {
        case "number":
            let partitive = args.count == 3 ? NumberWord.Partitive(rawValue: args[2]) : NumberWord.Partitive.none
            guard args.count >= 2, let value = Int(args[0]), let role = NumberWord.Role(rawValue: args[1]),
                  args.count == 2 || (args.count == 3 && (args[2] == "postposed" || partitive != nil)) else {
                fail(statement, .syntax, 1, "expected 'number VALUE ROLE [postposed|partitive|partitive-pronoun] = …' with ROLE unit, ten, hundred, scale or plural-scale")
                return true
            }
            let payload = grammar.tables.numberWordPayloads.count
            var word = NumberWord(value: value, role: role, postposed: args.count == 3 && args[2] == "postposed")
            word.partitive = partitive ?? .none
            grammar.tables.numberWordPayloads.append(word)
            insert(statement, into: \.numberWords, payload: payload, grammar: grammar)
        case "dual":
            insert(statement, into: \.duals, payload: 0, grammar: grammar)
        case "dual-of":
            // Compiled after every other rule (compileDuals): it reads the category rules.
            if args.count != 1 || !DualForms.PluralClass.allCases.map(\.rawValue).contains(args[0]) {
                fail(statement, .syntax, 1, "expected 'dual-of broken|sound = singular nouns' (broken: the plural is not the sound masculine one)")
            }
        case "dual-ending":
            break  // read before the dual-of rules (compile)
        case "decimal-mark":
            insert(statement, into: \.decimalMarks, payload: 0, grammar: grammar)
        default: return false
        }
        return true
    }

    /// Cues: qualifiers, breakdowns and totals, decoys, phrase and clause limits, running totals.
    private mutating func compileCueRule(_ statement: GrammarStatement, into grammar: GrammarBuilder) -> Bool {
        let args = statement.arguments
        switch statement.kind {
        case "qualifier":
            guard args.count == 2, GrammarCompiler.qualifierKeys.contains(args[0]) || args[0] == "range",
                  ["before", "after", "clause"].contains(args[1]) else {
                fail(statement, .unknownKey, 1, "expected 'qualifier KEY before|after|clause = …' with KEY one of at_least, more_than, about, at_most, less_than, exact, range")
                return true
            }
            let payload = grammar.tables.qualifierPayloads.count
            grammar.tables.qualifierPayloads.append(args[0])
            grammar.tables.ruleSources.append(location(statement))
            if args[1] == "clause" {
                insert(statement, into: \.clauseQualifiers, payload: payload, grammar: grammar, reversed: true)
            } else if args[1] == "before" {
                insert(statement, into: \.qualifiersBefore, payload: payload, grammar: grammar, reversed: true)
            } else {
                insert(statement, into: \.qualifiersAfter, payload: payload, grammar: grammar)
            }
        case "breakdown":
            guard args.count == 1, args[0] == "before" || args[0] == "after" else {
                fail(statement, .syntax, 1, "expected 'breakdown before = …' or 'breakdown after = …'"); return true
            }
            let rule = cueRule(statement, grammar)
            if args[0] == "before" {
                insert(statement, into: \.breakdownsBefore, payload: rule, grammar: grammar, reversed: true)
                insert(statement, into: \.breakdownsBeforeForward, payload: rule, grammar: grammar)
            } else {
                insert(statement, into: \.breakdownsAfter, payload: rule, grammar: grammar)
            }
        case "total":
            let rule = cueRule(statement, grammar)
            insert(statement, into: \.totalsBefore, payload: rule, grammar: grammar, reversed: true)
            insert(statement, into: \.totalsForward, payload: rule, grammar: grammar)
        case "partitive":
            insert(statement, into: \.partitives, payload: cueRule(statement, grammar), grammar: grammar)
        case "period-reference":
            insert(statement, into: \.periodReferences, payload: 0, grammar: grammar)
        case "decoy":
            guard args.count == 1 else { fail(statement, .syntax, 1, "expected 'decoy NAME = … {n} …'"); return true }
            for sequence in sequences(statement, grammar: grammar) {
                let slots = sequence.indices.filter { sequence[$0] == PhraseTrie.numberSlot }
                guard slots.count == 1 else {
                    fail(statement, .syntax, rightColumn(statement), "each alternative of a decoy needs exactly one {n} where the number stands")
                    return true
                }
                let payload = grammar.tables.decoyBefore.count
                grammar.tables.decoyBefore.append(Array(sequence[..<slots[0]].reversed()))
                let after = Array(sequence[(slots[0] + 1)...])
                if after.isEmpty {
                    // Nothing after the number: matched backwards from it alone ("عام {n}").
                    grammar.tables.decoysBefore.insert(Array(sequence[..<slots[0]].reversed()), payload: payload)
                } else {
                    grammar.tables.decoysAfter.insert(after, payload: payload)
                }
            }
        case "transparent":
            insert(statement, into: \.transparentWords, payload: 0, grammar: grammar)
        case "phrase-stop":
            insert(statement, into: \.phraseStops, payload: 0, grammar: grammar)
        case "clause-boundary":
            insert(statement, into: \.clauseBoundaries, payload: 0, grammar: grammar)
        case "cumulative":
            // Payload: the rule's index in `ruleSources` times 4, plus its side: 0 either side of the
            // figure, 1 before it only, 2 after it only.
            guard args.count <= 1, let side = ["": 0, "before": 1, "after": 2][args.first ?? ""] else {
                fail(statement, .syntax, 1, "expected 'cumulative = …', 'cumulative before = …' or 'cumulative after = …'"); return true
            }
            insert(statement, into: \.cumulativeCues, payload: cueRule(statement, grammar) * 4 + side, grammar: grammar)
        case "cue-gap":
            insert(statement, into: \.cueGaps, payload: 0, grammar: grammar)
        default: return false
        }
        return true
    }

    /// Categories: the words that name a key, and how keys refine, override and need evidence.
    private mutating func compileCategoryRule(_ statement: GrammarStatement, into grammar: GrammarBuilder) -> Bool {
        let args = statement.arguments
        switch statement.kind {
        case "category", "countable":
            var key: String?
            var role = CategoryEntry.Role.noun
            if statement.kind == "countable" {
                guard args.isEmpty || args == ["people"] else { fail(statement, .syntax, 1, "expected 'countable = …' or 'countable people = …'"); return true }
                role = args.isEmpty ? .countable : .unit
            } else {
                guard args.count == 1 || args.count == 2 else {
                    fail(statement, .syntax, 1, "expected 'category KEY [noun|group|target|event|outcome|times] = …'"); return true
                }
                if args[0] != "null" {
                    guard grammar.tables.taxonomy.contains(args[0]) else {
                        fail(statement, .unknownKey, column(of: args[0], in: statement), "unknown category '\(args[0])'; declare it with 'key \(args[0])' in categories/taxonomy.grammar")
                        return true
                    }
                    key = args[0]
                }
                if args.count == 2 {
                    guard let parsed = CategoryEntry.Role(rawValue: args[1]), parsed != .countable, parsed != .unit else {
                        fail(statement, .syntax, column(of: args[1], in: statement), "unknown role '\(args[1])'; expected noun, group, target, event, outcome or times")
                        return true
                    }
                    role = parsed
                }
            }
            let payload = grammar.tables.categoryPayloads.count
            grammar.tables.categoryPayloads.append(CategoryEntry(key: key, role: role, source: location(statement)))
            insert(statement, into: \.categories, payload: payload, grammar: grammar)
        case "refine", "override", "refine-from-context", "evidence":
            if statement.kind == "evidence" {
                guard args.count == 1, let role = CategoryEntry.Role(rawValue: args[0]) else {
                    fail(statement, .syntax, 1, "expected 'evidence ROLE = KEY…' with ROLE group or target"); return true
                }
                grammar.tables.evidence[role, default: []].formUnion(keys(statement, grammar: grammar))
                return true
            }
            let groupOnly = statement.kind == "override" && args.count == 2 && args[1] == "group"
            guard args.count == 1 || groupOnly, grammar.tables.taxonomy.contains(args[0]) else {
                fail(statement, .unknownKey, 1, "expected '\(statement.kind) KEY = KEY…' with a declared key (override KEY group = … for groups only)"); return true
            }
            if groupOnly { grammar.tables.groupOnlyOverrides.insert(args[0]) }
            let targets = keys(statement, grammar: grammar)
            switch statement.kind {
            case "refine": grammar.tables.refinements[args[0], default: []].formUnion(targets)
            case "override": grammar.tables.overrideTable[args[0], default: []].formUnion(targets)
            default: grammar.tables.contextRefinements[args[0], default: []].formUnion(targets)
            }
        default: return false
        }
        return true
    }

    /// Frames read over a passage: infections, accidents, civilians named by the passage.
    private mutating func compileFrameRule(_ statement: GrammarStatement, into grammar: GrammarBuilder) -> Bool {
        let args = statement.arguments
        switch statement.kind {
        case "outbreak":
            guard args.count == 1, grammar.tables.taxonomy.contains(args[0]) else {
                fail(statement, .unknownKey, 1, "expected 'outbreak KEY = diseases…' with a declared key (e.g. outbreak injured)"); return true
            }
            grammar.tables.outbreakKey = args[0]
            insert(statement, into: \.outbreaks, payload: 0, grammar: grammar)
        case "harm": insert(statement, into: \.harms, payload: 0, grammar: grammar)
        case "accident":
            guard args.count == 1, grammar.tables.taxonomy.contains(args[0]) else {
                fail(statement, .unknownKey, 1, "expected 'accident KEY = accidents…' with a declared key (e.g. accident attacks)"); return true
            }
            grammar.tables.accidentKey = args[0]
            insert(statement, into: \.accidents, payload: 0, grammar: grammar)
        case "incident": insert(statement, into: \.incidents, payload: 0, grammar: grammar)
        case "generic":
            guard args.count == 2, grammar.tables.taxonomy.contains(args[0]), grammar.tables.taxonomy.contains(args[1]) else {
                fail(statement, .unknownKey, 1, "expected 'generic KEY GROUP-KEY = …' with two declared keys (e.g. generic killed killed.civilians)")
                return true
            }
            grammar.tables.genericRefinement = (args[0], args[1])
            insert(statement, into: \.genericPeople, payload: 0, grammar: grammar)
        case "passage-group":
            insert(statement, into: \.passageGroups, payload: 0, grammar: grammar)
        default: return false
        }
        return true
    }

    /// Inserts a gazetteer rule's names into the names' trie under one payload, refusing words another rule of
    /// the kind already keys.
    private mutating func insertNames(_ statement: GrammarStatement, entry: NameEntry, into grammar: GrammarBuilder) {
        let payload = grammar.tables.namePayloads.count
        grammar.tables.namePayloads.append(entry)
        grammar.tables.lexicon.registeringNames = true
        defer { grammar.tables.lexicon.registeringNames = false }
        for sequence in sequences(statement, grammar: grammar) where !sequence.contains(PhraseTrie.numberSlot) {
            if let other = clashingName(sequence, entry, grammar: grammar) {
                let words = sequence.map { grammar.tables.lexicon.stem($0) }.joined(separator: " ")
                fail(statement, .duplicate, rightColumn(statement),
                     "'\(words)' is already \(other.key) (\(other.rule)); a name may have one key of a kind: write it under one rule, or make one of them longer")
                return
            }
            grammar.tables.names.insert(sequence, payload: payload)
            for variant in articleVariants(of: sequence, grammar: grammar) { grammar.tables.names.insert(variant, payload: payload) }
        }
    }

    /// A phrase whose first word is written with its article, with the other article forms of clitics.grammar
    /// ("لل" for "ل" + "ال": "للهلال الأحمر"، "للمقاومة"), which the clitic table cannot make from a stem that holds
    /// its article. Names and link cues take them.
    private mutating func articleVariants(of sequence: [Int32], grammar: GrammarBuilder) -> [[Int32]] {
        guard let head = sequence.first, head >= 0 else { return [] }
        let first = grammar.tables.lexicon.stem(head)
        if articleWords == nil { articleWords = grammar.tables.articleStems.map { grammar.tables.lexicon.stem($0) } }
        let articles = articleWords!
        var variants: [[Int32]] = []
        for article in articles where first.unicodeScalars.starts(with: article.unicodeScalars) && first.count > article.count + 1 {
            for other in articles where other != article {
                let joined = grammar.tables.lexicon.register(stem: other + first.dropFirst(article.count), classes: ["conjunction"])
                variants.append([joined] + sequence.dropFirst())
            }
        }
        return variants
    }

    /// Names: places, towns, nationalities, actors and sources (the gazetteer), and the cues the linkers read.
    private mutating func compileNameRule(_ statement: GrammarStatement, into grammar: GrammarBuilder) -> Bool {
        let args = statement.arguments
        switch statement.kind {
        case "actor" where args.first == "by-country" || args.first == "back-reference":
            // `actor by-country CC:KEY … = names`: the same words name a different party in each country's news.
            // `actor back-reference CC:KEY … = words`: an actor-back-reference cue that finds no party named before it
            // ("التحالف" with no coalition named) names the country's; the words are never a name by themselves.
            var table: [String: String] = [:]
            for argument in args.dropFirst() {
                let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2, NameKeyShape.isCountryCode(parts[0]) else {
                    fail(statement, .syntax, column(of: argument, in: statement), "expected 'CC:KEY' (a country code in capitals, a colon, an actor key), found '\(argument)'"); return true
                }
                if let problem = NameKeyShape.problem(kind: "actor", key: parts[1]) ?? (parts[1].contains("*") ? "'\(parts[1])' holds '*'; a by-country key is the party's own" : nil) {
                    fail(statement, .badNameKey, column(of: argument, in: statement), problem); return true
                }
                guard table.updateValue(parts[1], forKey: parts[0]) == nil else {
                    fail(statement, .duplicate, column(of: argument, in: statement), "\(parts[0]) is given twice; a country has one key"); return true
                }
            }
            guard !table.isEmpty else { fail(statement, .syntax, 1, "expected 'actor \(args[0]) CC:KEY … = names'"); return true }
            var entry = NameEntry(kind: .actor, key: "*", rule: location(statement))
            entry.byCountry = table
            entry.backReferenceOnly = args[0] == "back-reference"
            insertNames(statement, entry: entry, into: grammar)
        case "place", "nationality", "actor", "source":
            let town = statement.kind == "place" && args.count == 2 && args[1] == "town"
            // `place KEY dateline = …`: a name that is a place only where a dateline stands ("عمان –" is Amman, not Oman).
            let dateline = statement.kind == "place" && args.count == 2 && args[1] == "dateline"
            guard args.count == 1 || town || dateline, !args[0].isEmpty else {
                fail(statement, .syntax, 1, "expected '\(statement.kind) KEY = names'\(statement.kind == "place" ? ", 'place KEY town = names' or 'place KEY dateline = names'" : "")"); return true
            }
            if let problem = NameKeyShape.problem(kind: statement.kind, key: args[0]) {
                fail(statement, .badNameKey, column(of: args[0], in: statement), problem); return true
            }
            if town || dateline, !placeKeys.contains(args[0]) {
                fail(statement, .unknownDivision, column(of: args[0], in: statement),
                     "no 'place \(args[0]) = …' rule names the division of these towns; write that rule first (in Grammars/places/)"); return true
            }
            let kind: NameMention.Kind = town ? .town : statement.kind == "place" ? .place : statement.kind == "nationality" ? .nationality
                : statement.kind == "actor" ? .actor : .source
            insertNames(statement, entry: NameEntry(kind: kind, key: args[0], rule: location(statement), datelineOnly: dateline), into: grammar)
        case _ where LinkCue.Kind(rawValue: statement.kind) != nil:
            guard args.isEmpty else { fail(statement, .syntax, 1, "expected '\(statement.kind) = …' (no arguments)"); return true }
            let kind = LinkCue.Kind(rawValue: statement.kind)!
            // The scene keeps one cue per stretch of words (its first rule's kind): the same words under a second kind
            // would never cue, so they are refused; a linker that needs another's cue reads that kind.
            for sequence in sequences(statement, grammar: grammar) {
                var node: Int32? = PhraseTrie.root
                for id in sequence { node = node.flatMap { grammar.tables.linkCues.child($0, id) } }
                if let node, let other = grammar.tables.linkCues.payloads(at: node).map({ grammar.tables.linkCuePayloads[$0] })
                    .first(where: { $0.kind != kind }) {
                    let words = sequence.map { grammar.tables.lexicon.stem($0) }.joined(separator: " ")
                    fail(statement, .duplicate, rightColumn(statement),
                         "'\(words)' is already a \(other.kind.rawValue) cue (\(other.rule)); words cue one kind: keep them under one rule")
                    return true
                }
            }
            let payload = grammar.tables.linkCuePayloads.count
            grammar.tables.linkCuePayloads.append(LinkCue(kind: kind, rule: location(statement)))
            insert(statement, into: \.linkCues, payload: payload, grammar: grammar)
            // "بيان للمقاومة"، "مقاتلون للتنظيم": a cue written with its article takes "لل" too, as names do.
            for sequence in sequences(statement, grammar: grammar) where !sequence.contains(PhraseTrie.numberSlot) {
                for variant in articleVariants(of: sequence, grammar: grammar) { grammar.tables.linkCues.insert(variant, payload: payload) }
            }
        default: return false
        }
        return true
    }

    /// Dates: month and weekday names, relative words, markers and spans.
    private mutating func compileDateRule(_ statement: GrammarStatement, into grammar: GrammarBuilder) -> Bool {
        let args = statement.arguments
        switch statement.kind {
        case "month":
            guard (1...3).contains(args.count), let number = Int(args[0]), (1...12).contains(number),
                  args.dropFirst().allSatisfy({ $0 == "hijri" || $0 == "strict" }) else {
                fail(statement, .syntax, 1, "expected 'month N [hijri] [strict] = …' with N from 1 to 12"); return true
            }
            addDateWord(.month(number, hijri: args.contains("hijri"), strict: args.contains("strict")), statement, grammar)
        case "weekday":
            guard args.count == 1, let day = Int(args[0]), (1...7).contains(day) else {
                fail(statement, .syntax, 1, "expected 'weekday N = …' with N from 1 (Sunday) to 7"); return true
            }
            addDateWord(.weekday(day), statement, grammar)
        case "date-part": addDateWord(.part, statement, grammar)
        case "relative":
            guard args.count == 2, let unit = RelativeUnit(rawValue: args[0]), let offset = Int(args[1]) else {
                fail(statement, .syntax, 1, "expected 'relative UNIT OFFSET = …' with UNIT day, week, month, year or decade"); return true
            }
            addDateWord(.relative(unit, offset), statement, grammar)
        case "relative-suffix":
            guard args.count == 1, let offset = Int(args[0]), (-1...1).contains(offset) else {
                fail(statement, .syntax, 1, "expected 'relative-suffix -1|0|1 = …'"); return true
            }
            addDateWord(.relativeSuffix(offset), statement, grammar)
        case "year-marker": addDateWord(.yearMarker, statement, grammar)
        case "hijri-marker": addDateWord(.hijriMarker, statement, grammar)
        case "gregorian-marker": addDateWord(.gregorianMarker, statement, grammar)
        case "range-start": addDateWord(.rangeStart, statement, grammar)
        case "range-end": addDateWord(.rangeEnd, statement, grammar)
        case "since": addDateWord(.since, statement, grammar)
        case "month-marker": addDateWord(.monthMarker, statement, grammar)
        case "not-date": insert(statement, into: \.notDates, payload: 0, grammar: grammar)
        default: return false
        }
        return true
    }

    /// The entry of another key that already names this word sequence with the same kind (a town and a place
    /// count as one kind: both give a figure its place), or nil.
    private func clashingName(_ sequence: [Int32], _ new: NameEntry, grammar: GrammarBuilder) -> NameEntry? {
        var node = PhraseTrie.root
        for id in sequence {
            guard let next = grammar.tables.names.child(node, id) else { return nil }
            node = next
        }
        let family: (NameMention.Kind) -> Int = { $0 == .town ? NameFinder.priority(.place) : NameFinder.priority($0) }
        for payload in grammar.tables.names.payloads(at: node) {
            let entry = grammar.tables.namePayloads[payload]
            if family(entry.kind) == family(new.kind) && (entry.key != new.key || entry.byCountry != new.byCountry) { return entry }
        }
        return nil
    }

    /// A `dual-of` rule: each singular's dual forms count two of what the singular names. The dual word alone
    /// is the figure ("حالتي" in "حالتي وفاة"); the category rules learn the dual phrase with the singular's entry.
    private mutating func compileDuals(_ statement: GrammarStatement, endings: DualForms, into grammar: GrammarBuilder) {
        guard let pluralClass = statement.arguments.first.flatMap(DualForms.PluralClass.init(rawValue:)) else { return }
        for sequence in expand(statement.pattern, statement: statement, trail: []) {
            let words = sequence.compactMap { element -> String? in if case .word(let word) = element { return word } else { return nil } }
            guard let singular = words.first, words.count == sequence.count else { continue }
            let ids = words.map { grammar.tables.lexicon.register(stem: $0, classes: statement.clitics) }
            var node = PhraseTrie.root
            for id in ids { guard let next = grammar.tables.categories.child(node, id) else { node = -1; break }; node = next }
            let payloads = node < 0 ? [] : grammar.tables.categories.payloads(at: node)
            guard !payloads.isEmpty else {
                fail(statement, .unknownKey, column(of: singular, in: statement),
                     "no category rule names '\(words.joined(separator: " "))'; a dual counts what its singular names, so give the singular a category first")
                continue
            }
            if payloads.contains(where: { [.countable, .unit].contains(grammar.tables.categoryPayloads[$0].role) && grammar.tables.categoryPayloads[$0].key == nil })
                && payloads.allSatisfy({ grammar.tables.categoryPayloads[$0].role == .countable }) {
                fail(statement, .syntax, column(of: singular, in: statement),
                     "'\(singular)' names a thing with no category; its dual is no figure (annotation rules 1)")
                continue
            }
            for dual in endings.forms(of: singular, pluralClass: pluralClass) {
                let dualID = grammar.tables.lexicon.register(stem: dual, classes: statement.clitics)
                grammar.tables.duals.insert([dualID], payload: 0)
                for payload in payloads { grammar.tables.categories.insert([dualID] + ids.dropFirst(), payload: payload) }
            }
        }
    }

    /// Where a rule was written, for a researcher: its file under the grammar folder and its line.
    private func location(_ statement: GrammarStatement) -> String {
        locationNames.name(of: statement) + ":\(statement.line)"
    }

    /// The last file's name in rule locations: its last path component, with its folder for a rule of a dimension.
    final class LocationNames {
        private var last: (file: String, dimension: Bool, name: String)?

        func name(of statement: GrammarStatement) -> String {
            if let last, last.file == statement.file, last.dimension == statement.dimension.isEmpty { return last.name }
            let parts = statement.file.split(separator: "/")
            let name = parts.suffix(statement.dimension.isEmpty ? 1 : 2).joined(separator: "/")
            last = (statement.file, statement.dimension.isEmpty, name)
            return name
        }
    }

    /// A cue rule's payload: the index of its source in `ruleSources`. Qualifier payloads index the same
    /// table, so both grow together.
    private func cueRule(_ statement: GrammarStatement, _ grammar: GrammarBuilder) -> Int {
        grammar.tables.qualifierPayloads.append("")
        grammar.tables.ruleSources.append(location(statement))
        return grammar.tables.ruleSources.count - 1
    }

    /// The keys listed on the right of a refine, override or evidence rule ("x.*" stands for x's children).
    private mutating func keys(_ statement: GrammarStatement, grammar: GrammarBuilder) -> Set<String> {
        var targets: Set<String> = []
        for item in statement.rawRight.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "\t" }).map(String.init) {
            if item.hasSuffix(".*") {
                let prefix = String(item.dropLast())
                let found = grammar.tables.taxonomy.filter { $0.hasPrefix(prefix) }
                if found.isEmpty { fail(statement, .unknownKey, column(of: item, in: statement), "no declared key starts with '\(prefix)'") }
                targets.formUnion(found)
            } else if grammar.tables.taxonomy.contains(item) || item == "null" {
                targets.insert(item)
            } else {
                fail(statement, .unknownKey, column(of: item, in: statement), "unknown category '\(item)'")
            }
        }
        return targets
    }

    private mutating func addDateWord(_ word: DateWord, _ statement: GrammarStatement, _ grammar: GrammarBuilder) {
        let payload = grammar.tables.dateWordPayloads.count
        grammar.tables.dateWordPayloads.append(word)
        insert(statement, into: \.dateWords, payload: payload, grammar: grammar)
    }

    private func column(of word: String, in statement: GrammarStatement) -> Int {
        guard let range = statement.sourceLine.range(of: word) else { return 1 }
        return statement.sourceLine.unicodeScalars.distance(from: statement.sourceLine.unicodeScalars.startIndex,
                                                            to: range.lowerBound) + 1
    }

    private mutating func insert(_ statement: GrammarStatement, into trie: WritableKeyPath<GrammarTables, PhraseTrie>, payload: Int,
                                 grammar: GrammarBuilder, reversed: Bool = false) {
        for sequence in sequences(statement, grammar: grammar) {
            if sequence.contains(PhraseTrie.numberSlot) {
                fail(statement, .syntax, rightColumn(statement), "a {n} slot belongs in decoy rules only")
                return
            }
            grammar.tables[keyPath: trie].insert(reversed ? sequence.reversed() : sequence, payload: payload)
        }
    }

    /// The words of a rule whose right side must be plain alternatives of single words (clitics).
    private mutating func wordsOnly(_ statement: GrammarStatement) -> [String] {
        var words: [String] = []
        for sequence in expand(statement.pattern, statement: statement, trail: []) {
            guard sequence.count == 1, case .word(let word) = sequence[0] else {
                fail(statement, .syntax, rightColumn(statement), "expected single words separated by '|'")
                return []
            }
            words.append(word)
        }
        return words
    }

    /// Expands a statement's pattern into stem-id sequences, registering each word's forms.
    private mutating func sequences(_ statement: GrammarStatement, grammar: GrammarBuilder?) -> [[Int32]] {
        let expanded = expand(statement.pattern, statement: statement, trail: [])
        guard let grammar else { return [] }
        return expanded.map { sequence in
            sequence.map { element -> Int32 in
                switch element {
                case .word(let word): return grammar.tables.lexicon.register(stem: word, classes: statement.clitics)
                case .slot: return PhraseTrie.numberSlot
                }
            }
        }
    }

    private mutating func expand(_ node: PatternNode?, statement: GrammarStatement, trail: [String]) -> [[PatternElement]] {
        guard let node else { return [] }
        switch node {
        case .word(let word, let column):
            guard let normalized = checkedWord(word, column: column, statement: statement) else { return [] }
            return [[.word(normalized)]]
        case .slot(let name, let column):
            guard name == "n" else {
                fail(statement, .syntax, column, "unknown slot '{\(name)}'; the only slot is {n}, where the number stands")
                return []
            }
            return [[.slot(name)]]
        case .reference(let name, let column):
            guard let target = defines[name] else {
                fail(statement, .unknownReference, column, "unknown reference <\(name)>; define it with 'define \(name) = …'")
                return []
            }
            guard !trail.contains(name) else {
                fail(statement, .unknownReference, column, "<\(name)> refers to itself through \(trail.joined(separator: " → "))")
                return []
            }
            if let known = expandedDefines[name] { return known }
            let before = diagnostics.count
            let expanded = expand(target.pattern, statement: target, trail: trail + [name])
            if diagnostics.count == before { expandedDefines[name] = expanded }
            return expanded
        case .sequence(let parts):
            var results: [[PatternElement]] = [[]]
            for part in parts {
                let options = expand(part, statement: statement, trail: trail)
                // One option (a plain word, most parts of a name): appended to every sequence in place, no new lists.
                if options.count == 1 {
                    for index in results.indices { results[index] += options[0] }
                    continue
                }
                var next: [[PatternElement]] = []
                next.reserveCapacity(results.count * options.count)
                for prefix in results { for option in options { next.append(prefix + option) } }
                results = next
                if results.count > GrammarCompiler.maxExpansions {
                    fail(statement, .syntax, rightColumn(statement), "the pattern expands to more than \(GrammarCompiler.maxExpansions) sequences")
                    return []
                }
            }
            return results
        case .alternatives(let options):
            // A word among the alternatives (most of a gazetteer's) goes straight in: no list of one list is made for it.
            var all: [[PatternElement]] = []
            all.reserveCapacity(options.count)
            for option in options {
                if case .word(let word, let column) = option {
                    if let normalized = checkedWord(word, column: column, statement: statement) { all.append([.word(normalized)]) }
                } else {
                    all += expand(option, statement: statement, trail: trail)
                }
            }
            return all
        case .optional(let inner):
            return [[]] + expand(inner, statement: statement, trail: trail)
        }
    }

    /// Checks that a word can match normalised text and returns its matching form.
    private mutating func checkedWord(_ word: String, column: Int, statement: GrammarStatement) -> String? {
        var sawLetter = false, sawOther = false
        let classes = Tokenizer.classes
        for (offset, scalar) in word.unicodeScalars.enumerated() {
            let code = scalar.value
            let changed = code < 0x10000 && raw.scalarEntries[Int(code)] != NormalizationTable.keep
            if changed || NormalizationTable.isPresentationForm(code) {
                let name = scalar.properties.name ?? String(format: "U+%04X", code)
                let kind = NormalizationTable.isPresentationForm(code) ? "a presentation form"
                    : NormalizationTable.isAttachedMark(code) ? "a diacritic or tatweel" : "a character the normaliser changes"
                fail(statement, .unmatchableCodePoint, column + offset,
                     "\(name) (U+\(String(code, radix: 16, uppercase: true))) is \(kind) and can never match normalised text; write the plain base letters")
                return nil
            }
            let cls = code < 0x10000 ? classes[Int(code)] : Tokenizer.CharacterClass.letter.rawValue
            if cls == Tokenizer.CharacterClass.letter.rawValue { sawLetter = true } else { sawOther = true }
        }
        if sawLetter && sawOther || (!sawLetter && word.unicodeScalars.count > 1) {
            fail(statement, .syntax, column, "'\(word)' mixes letters with digits or marks, so it is never one token; separate them with a space")
            return nil
        }
        return matching.normalizedString(word)
    }

    private mutating func checkExample(_ example: GrammarExample, statement: GrammarStatement, grammar: GrammarBuilder) {
        for expectation in example.expectations {
            let known = Int(expectation) != nil || GrammarCompiler.qualifierKeys.contains(expectation)
                || grammar.tables.taxonomy.contains(expectation) || expectation == "null" || expectation == "relative"
                || expectation == "cumulative"
                || DateValue(iso: expectation) != nil || GrammarCompiler.isLinkExpectation(expectation)
            if !known {
                diagnostics.append(GrammarDiagnostic(code: .badExample, file: example.file, line: example.line, column: 1,
                                                     message: "unknown expectation '\(expectation)'; expected a number, a qualifier, a category key, null, an ISO date, relative, cumulative, "
                                                        + "actor:KEY, place:CODE, country:CC or source:KEY (none for no such name; a country is two capitals, a place CC or CC-SUB)",
                                                     sourceLine: expectation))
            }
        }
    }
}

extension GrammarCompiler {
    /// A well-formed expectation about a linked name: `actor:KEY`, `source:KEY`, `place:SY` or `place:SY-ID`,
    /// `country:SY`, each also with `none`.
    static func isLinkExpectation(_ expectation: String) -> Bool {
        guard let colon = expectation.firstIndex(of: ":") else { return false }
        let key = expectation[expectation.index(after: colon)...]
        guard !key.isEmpty else { return false }
        if key == "none" { return GrammarExampleRunner.isLinkExpectation(expectation) }
        let capitals = { (part: Substring) in part.count == 2 && part.utf8.allSatisfy { (0x41...0x5A).contains($0) } }
        switch expectation[..<colon] {
        case "actor", "source": return !key.contains(" ")
        case "country": return capitals(key)
        case "place":
            let parts = key.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count <= 2, capitals(parts[0]) else { return false }
            return parts.count == 1 || (1...3).contains(parts[1].count) && parts[1].utf8.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }
        default: return false
        }
    }
}

/// The tables while the compiler fills them.
final class GrammarBuilder {
    var tables = GrammarTables()
}
