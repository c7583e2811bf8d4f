/// Everything a grammar folder compiles to: the lexicon and, per dimension, the tries and the
/// tables the recognisers read. Built by `GrammarCompiler`, then frozen inside a `Grammar`.
struct GrammarTables: Sendable {
    var lexicon = Lexicon()
    /// The taxonomy's keys, as declared by `key` rules.
    var taxonomy: Set<String> = []

    var numberWords = PhraseTrie()
    var numberWordPayloads: [NumberWord] = []
    var duals = PhraseTrie()
    var decimalMarks = PhraseTrie()

    /// Qualifier cues before the figure, stored reversed (walked backwards from the figure).
    var qualifiersBefore = PhraseTrie()
    var qualifiersAfter = PhraseTrie()
    var qualifierPayloads: [String] = []
    /// Where each rule of the cue tries whose payload is a rule index (qualifiers, breakdowns, totals,
    /// partitives) was written, as file:line.
    var ruleSources: [String] = []

    var breakdownsBefore = PhraseTrie()
    var breakdownsAfter = PhraseTrie()
    var totalsBefore = PhraseTrie()
    /// The same cues read forwards, where a noun phrase must stop at them.
    var breakdownsBeforeForward = PhraseTrie()
    var totalsForward = PhraseTrie()
    var partitives = PhraseTrie()

    /// Decoys: the part after the slot in a trie; the part before it, reversed, per payload.
    var decoysAfter = PhraseTrie()
    /// Decoys with nothing after the number, their part before it reversed.
    var decoysBefore = PhraseTrie()
    var decoyBefore: [[Int32]] = []

    var categories = PhraseTrie()
    var categoryPayloads: [CategoryEntry] = []
    /// key → the keys that may replace it when met later in a noun phrase (exact keys after expansion).
    var refinements: [String: Set<String>] = [:]
    /// key → the outcome keys that replace a people group (injured, detained …).
    var overrideTable: [String: Set<String>] = [:]
    /// Keys whose overrides hold only where the key names a group of people (`override KEY group = …`):
    /// an outcome noun of that key ("قتيلا") says what happened and keeps it.
    var groupOnlyOverrides: Set<String> = []
    /// For every taxonomy key, the outcomes that replace it or one of its ancestors (built once from
    /// `overrideTable`, so a figure asks one question instead of walking its key's ancestors).
    var inheritedOverrides: [String: Set<String>] = [:]

    /// Fills `inheritedOverrides`; called once the rules are compiled.
    mutating func inheritOverrides() {
        var keys = taxonomy
        keys.formUnion(overrideTable.keys)
        for key in keys {
            var union = Set<String>()
            var current = Substring(key)
            while true {
                if let own = overrideTable[String(current)] { union.formUnion(own) }
                guard let dot = current.lastIndex(of: ".") else { break }
                current = current[..<dot]
            }
            inheritedOverrides[key] = union
        }
    }
    /// key → the keys that the clause before a figure may refine it to ("ذخائر حارقة في 57 هجوما").
    var contextRefinements: [String: Set<String>] = [:]
    /// role → the keys whose presence in the phrase or clause lets an entry of that role keep its key.
    var evidence: [CategoryEntry.Role: Set<String>] = [:]
    /// Prepositions a noun phrase may begin with before its head ("109 على مساجد").
    var transparentWords = PhraseTrie()
    /// Words that end a noun phrase ("أغلبهم", "معظمهم").
    var phraseStops = PhraseTrie()
    /// Words that open a new clause (فيما، بينما): the clause read back for a category stops there.
    var clauseBoundaries = PhraseTrie()
    /// Cues of a running total since a start date ("منذ بدء الحرب", "ارتفعت الحصيلة إلى"): `CumulativeReader`.
    var cumulativeCues = PhraseTrie()
    /// Qualifier cues that hold for the next figure of their clause ("في تقديراتها الدنيا"), reversed.
    var clauseQualifiers = PhraseTrie()
    /// Words a qualifier cue may stand before, with the counted noun, ahead of the figure ("تجاوز عدد الجرحى 29 ألفا").
    var cueGaps = PhraseTrie()

    var dateWords = PhraseTrie()
    var dateWordPayloads: [DateWord] = []
    var periodReferences = PhraseTrie()
    var notDates = PhraseTrie()

    /// Diseases that infect: a document naming one reports an outbreak (`InfectionReader`).
    var outbreaks = PhraseTrie()
    /// The key that infections in an outbreak report would otherwise get (`outbreak KEY = …`).
    var outbreakKey: String?
    /// Words that name people by no group (شخص، قتيل): killed civilians when their sentence calls them civilians.
    var genericPeople = PhraseTrie()
    /// The key a generic word gives (`killed`) and the one a sentence naming that key's group makes of it.
    var genericRefinement: (from: String, to: String)?
    /// Words that call the people of a passage by the group of `genericRefinement.to` (مدنيين، مدنيون).
    var passageGroups = PhraseTrie()
    /// Accidents (a crash, a fire): a document naming one reports accidents (`AccidentReader`).
    var accidents = PhraseTrie()
    /// The key that accidents' incidents would otherwise get (`accident KEY = …`).
    var accidentKey: String?
    /// Bare words for an incident (حادث، حوادث): an accident in an accident report.
    var incidents = PhraseTrie()
    /// Words of harm done by an event (wounds, burns, a crash): an injury beside them is no infection.
    var harms = PhraseTrie()

    /// The linking stage's cues (agent cues, attributions, hedges …), one trie; payloads index `linkCuePayloads`.
    var linkCues = PhraseTrie()
    var linkCuePayloads: [LinkCue] = []
    /// Per stem: whether an attribution cue ("قال", "بحسب") may begin with it. The search for a document's first
    /// source passes over a sentence none of whose words can begin one, without reading its cues.
    var attributionStarts: [Bool] = []
    /// The gazetteer: places, towns, nationality adjectives, actors and sources; payloads index `namePayloads`.
    var names = PhraseTrie()
    var namePayloads: [NameEntry] = []

    /// Stems that are clitic particles standing alone ("و" before "868", "ل" in "لـ 19").
    var particleStems: Set<Int32> = []
    var conjunctionStems: Set<Int32> = []
    /// The one-letter conjunction prefixes (و، ف): an unknown word may still be one glued to a verb ("ودمرت").
    var conjunctionLetters: Set<UInt32> = []
    var articleStems: Set<Int32> = []
    /// The article forms of clitics.grammar as code points, longest first ("لل" before "ال"), made when sealed: what
    /// the linkers take off a word to compare head nouns.
    private(set) var articleForms: [[UInt32]] = []
    /// Bit of the conjunction clitic class in `Lexicon.Analysis.prefixClasses`.
    var conjunctionBit: UInt8 = 0
    var articleBit: UInt8 = 0
    var prepositionBit: UInt8 = 0

    /// Every example of every rule, to be run as tests (`hasila grammar check`, the test suite).
    var examples: [GrammarExample] = []
    var ruleCount = 0

    /// Per stem: bit i set when the stem begins a phrase of the trie whose id is i.
    var startMasks: [UInt64] = []

    /// Per stem: `particleFlag` and `conjunctionFlag`, so that the hot loops ask an array, not a set.
    var stemFlags: [UInt8] = []
    static let particleFlag: UInt8 = 1
    static let conjunctionFlag: UInt8 = 2

    /// Gives every trie its id and records which stems begin its phrases; called once after compiling.
    mutating func sealTries() {
        let paths: [WritableKeyPath<GrammarTables, PhraseTrie>] = [
            \.numberWords, \.duals, \.decimalMarks, \.qualifiersBefore, \.qualifiersAfter, \.breakdownsBefore,
            \.breakdownsAfter, \.totalsBefore, \.breakdownsBeforeForward, \.totalsForward, \.partitives, \.decoysAfter, \.decoysBefore,
            \.categories, \.dateWords, \.periodReferences, \.notDates, \.transparentWords, \.phraseStops,
            \.clauseQualifiers, \.cueGaps, \.clauseBoundaries, \.outbreaks, \.harms, \.accidents, \.incidents, \.genericPeople, \.passageGroups,
            \.linkCues, \.names, \.cumulativeCues,
        ]
        precondition(paths.count <= 32, "a token's start mask holds 32 tries")
        startMasks = [UInt64](repeating: 0, count: lexicon.stems.count)
        for (id, path) in paths.enumerated() {
            self[keyPath: path].id = id
            for stem in self[keyPath: path].firstStems where stem >= 0 { startMasks[Int(stem)] |= 1 << UInt64(id) }
        }
        lexicon.sealStarts(startMasks)
        stemFlags = [UInt8](repeating: 0, count: lexicon.stems.count)
        for stem in particleStems where stem >= 0 && Int(stem) < stemFlags.count { stemFlags[Int(stem)] |= GrammarTables.particleFlag }
        for stem in conjunctionStems where stem >= 0 && Int(stem) < stemFlags.count { stemFlags[Int(stem)] |= GrammarTables.conjunctionFlag }
        articleForms = articleStems.map { Array(lexicon.stem($0).unicodeScalars.map(\.value)) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        attributionStarts = [Bool](repeating: false, count: lexicon.stems.count)
        let payloads = linkCuePayloads
        for stem in linkCues.firstStems(where: { payloads[$0].kind == .attribution }) where stem >= 0 && Int(stem) < attributionStarts.count {
            attributionStarts[Int(stem)] = true
        }
    }

}
