import CICU
import Foundation

/// Every word form the grammars can match, mapped to the stems it may be.
///
/// A stem is a word as a rule writes it (normalised and letter-folded). Its forms are the stem
/// with the clitic prefixes its file allows (و ف ب ل ك ال …, declared in Grammars/clitics.grammar)
/// and the optional suffixes; they are generated once at load, so matching a token is one hash
/// lookup, with no allocation and no string slicing.
public struct Lexicon: Sendable {
    /// One reading of a form: which stem, and which clitic classes were attached to it.
    struct Analysis: Sendable {
        let stem: Int32
        /// Bit i set: a prefix of clitic class i (in declaration order) is attached.
        let prefixClasses: UInt8
        /// How many code points of the form are clitic prefixes ("و" in "والمدنيين" is 1; "وال" is 3).
        let prefixLength: UInt8
    }

    private(set) var stems: [String] = []
    /// Each stem's code points, and the FNV hash of them → the last stem with that hash (`stemNext` chains
    /// the others): a stem is found without hashing a String, which for Arabic costs a Unicode normalisation.
    private var stemScalars: [[UInt32]] = []
    private var stemsByHash = FlatHashMap(capacity: 1 << 13)
    private var stemNext: [Int32] = []
    /// FNV hash of a stem's UTF-8 bytes → its id: a rule names the same words again and again (a town list
    /// under each division word), and a stem seen before is found without decoding it.
    private var stemsByUTF8 = FlatHashMap(capacity: 1 << 13)
    /// Form hash → its first form: one 8-byte slot per hash (the hash's upper 32 bits and its first record's offset
    /// + 1; 0 is empty), found from the hash's lower bits. A slot whose 32 bits match is confirmed by comparing the
    /// form itself (and, while building, its whole hash, kept in its record).
    private var slots: [UInt64] = []
    /// How many different hashes the slots hold.
    private var hashCount = 0
    private var sealed = false
    /// The slots made at the first form: room for a gazetteer's forms, so they seldom grow (fewer in tests, which
    /// make them grow).
    private let initialSlots: Int
    private var slotMask = 0
    /// Each form as one record, what a look-up reads of it side by side, so that a known word costs two cache misses
    /// (its slot, then its record). Plain integers, so a look-up retains nothing. A record is `Lexicon.recordHeader`
    /// words, then its code points. The header: its length; its first reading; its number of grammar readings (low 16
    /// bits) and of all its readings (high 16 bits); its `starts` (bit i set when one of its readings begins a phrase
    /// of trie i, `GrammarTables.sealTries`, handed to its tokens so that "can this word begin a date, a cue …?" is
    /// one bit test); the offset + 1 of the next record with the same hash (0: none). Records come in the order the
    /// forms were added (a stem's forms side by side). After the last, one word 0, so that even an empty lexicon has
    /// a table to point at.
    /// While building, words 1 and 2 hold the form's hash and word 3 its number (for `firstReading`): forms are
    /// written once, where they stay, and `seal` fills the header in one pass in order (a separate table of forms and
    /// one of their code points, copied into records at `seal`, made the grammar's load touch three times the memory).
    private var records: [UInt32] = []
    private static let recordHeader = 5
    /// How many forms there are.
    private var formTotal = 0
    /// One bit per hash bucket that some form falls in: most words of a text are not in the
    /// lexicon, and this small table (256 KiB, mostly cache-resident) turns most of them away at once.
    private var filter = [UInt64](repeating: 0, count: Lexicon.filterWords)
    private static let filterBits = 21
    private static let filterWords = (1 << filterBits) / 64
    private(set) var analyses: [Analysis] = []
    /// While building: each form's first reading, in the order of `forms`, and the last of its other readings in
    /// `moreReadings` (-1: none; most forms have one reading). The others are one flat list, each linked to the one
    /// added before it: no array is made per form, and none is freed at `seal`.
    private var firstReading: [(analysis: Analysis, lastMore: Int32)] = []
    private var moreReadings: [(analysis: Analysis, previous: Int32)] = []
    /// The clitic sets `register` was given (its `classes`), by index, and the last one asked (rules come a file at a time).
    private var classSets: [[String]?] = []
    private var lastClassSet = -1
    /// Per stem, which clitic sets (of `classSets`) its forms have been generated with, with the suffixes or without
    /// (`registrationKey`); keys from 64 on (none in today's grammars) in `registeredMore` as (stem << 16 | key).
    private var registered: [UInt64] = []
    private var registeredMore: Set<Int64> = []
    private(set) var classNames: [String] = []
    /// The prefix chains of each clitic class set (by its index in `classSets`), made once per set.
    private var chainCache: [Int: [PrefixChain]] = [:]
    private var prefixes: [(scalars: [UInt32], classIndex: Int)] = []
    private var suffixes: [[UInt32]] = []

    /// `initialSlots`: a power of two.
    init(initialSlots: Int = 1 << 19) {
        precondition(initialSlots > 0 && initialSlots & (initialSlots - 1) == 0, "the slots are a power of two")
        self.initialSlots = initialSlots
    }

    /// FNV-1a over code points: the tokenizer builds it while it scans a word.
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func mix(_ hash: UInt64, _ scalar: UInt32) -> UInt64 { (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3 }

    static func hash(_ scalars: UnsafeBufferPointer<UInt32>) -> UInt64 {
        var hash = hashSeed
        for scalar in scalars { hash = mix(hash, scalar) }
        return hash
    }

    func stemID(_ stem: String) -> Int32? {
        let scalars = stem.unicodeScalars.map(\.value)
        return stemID(scalars, hash: scalars.withUnsafeBufferPointer { Lexicon.hash($0) })
    }

    private func stemID(_ scalars: [UInt32], hash: UInt64) -> Int32? {
        var id = stemsByHash[hash] ?? -1
        while id >= 0 {
            if stemScalars[Int(id)] == scalars { return id }
            id = stemNext[Int(id)]
        }
        return nil
    }

    /// The index of a clitic set in `classSets`, added when new.
    private mutating func classSet(_ classes: [String]?) -> Int {
        if lastClassSet >= 0, classSets[lastClassSet] == classes { return lastClassSet }
        if let known = classSets.firstIndex(where: { $0 == classes }) { lastClassSet = known } else {
            lastClassSet = classSets.count
            classSets.append(classes)
        }
        return lastClassSet
    }

    func stem(_ id: Int32) -> String { stems[Int(id)] }

    mutating func addPrefix(_ scalars: [UInt32], className: String) {
        chainCache.removeAll()
        let index: Int
        if let existing = classNames.firstIndex(of: className) { index = existing } else {
            index = classNames.count
            classNames.append(className)
        }
        prefixes.append((scalars, index))
    }

    mutating func addSuffix(_ scalars: [UInt32]) { suffixes.append(scalars) }

    func classBit(_ name: String) -> UInt8? {
        classNames.firstIndex(of: name).map { UInt8(1) << UInt8($0) }
    }

    /// Registers a stem (normalised) and its forms; `classes` limits which prefix classes it takes (nil: all).
    /// Set while the gazetteer's rules (place, actor, source …) register their words.
    var registeringNames = false
    /// Per stem: bit 1 when the gazetteer's rules (place, actor, source …) registered it, bit 2 when any other
    /// rule did. A stem only a name uses reads after the readings of grammar words, so that a name never hides
    /// one ("وان", a province, is also "و" + "أن").
    private var stemUses: [UInt8] = []

    @discardableResult
    mutating func register(stem: String, classes: [String]?) -> Int32 {
        // Hashed over the String's own UTF-8 buffer: iterating its `utf8` view costs several times more per byte.
        var utf8 = stem
        let (bytesHash, seen) = utf8.withUTF8 { bytes -> (UInt64, Int32?) in
            var hash = Lexicon.hashSeed
            for byte in bytes { hash = Lexicon.mix(hash, UInt32(byte)) }
            guard let seen = stemsByUTF8[hash], Lexicon.sameBytes(stems[Int(seen)], bytes) else { return (hash, nil) }
            return (hash, seen)
        }
        if let seen {
            stemUses[Int(seen)] |= registeringNames ? 1 : 2
            // The set first: a mutating call among a method's arguments makes Swift copy `self` (every array) for it.
            let set = classSet(classes)
            if isRegistered(seen, set: set, suffixed: !registeringNames) { return seen }
        }
        let base = utf8.withUTF8 { UTF8Encoding.decodeScalars($0).scalars }
        let hash = base.withUnsafeBufferPointer { Lexicon.hash($0) }
        let id: Int32
        if let existing = stemID(base, hash: hash) { id = existing } else {
            id = Int32(stems.count)
            stems.append(stem)
            stemScalars.append(base)
            stemNext.append(stemsByHash[hash] ?? -1)
            stemsByHash[hash] = id
            stemUses.append(0)
            registered.append(0)
            if stemsByUTF8[bytesHash] == nil { stemsByUTF8[bytesHash] = id }
        }
        stemUses[Int(id)] |= registeringNames ? 1 : 2
        // Forms are generated once per stem and clitic set, however many rules name the word.
        let set = classSet(classes)
        // A gazetteer's name is written whole: it takes its file's prefix clitics, never the suffixes, which inflect
        // the common words rules write (they made a fifth of all word forms, none of them a name's).
        let suffixed = !registeringNames
        guard !isRegistered(id, set: set, suffixed: suffixed) else { return id }
        markRegistered(id, set: set, suffixed: suffixed)
        // A one-letter stem (the calendar mark م, a clitic itself) takes no clitics: "ما" is not "م" + tanween.
        let chains = base.count < 2 ? [PrefixChain(scalars: [], classes: 0)] : prefixChains(classes, set: set)
        // One scratch buffer for every form of the stem, on the stack: no array is made or resized per form.
        // The hash runs on from the prefixes into the stem and from the stem into each suffix (FNV is a left fold).
        let suffixes = self.suffixes
        let longestChain = chains.reduce(0) { max($0, $1.scalars.count) }
        let longestSuffix = suffixes.reduce(0) { max($0, $1.count) }
        prefetchSlots(chains: chains, base: base, suffixes: suffixed && base.count >= 2 ? suffixes : [])
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: longestChain + base.count + longestSuffix) { form in
            for chain in chains {
                var length = 0
                var hash = Lexicon.hashSeed
                for scalar in chain.scalars {
                    form[length] = scalar
                    length += 1
                    hash = Lexicon.mix(hash, scalar)
                }
                for scalar in base {
                    form[length] = scalar
                    length += 1
                    hash = Lexicon.mix(hash, scalar)
                }
                let analysis = Analysis(stem: id, prefixClasses: chain.classes, prefixLength: UInt8(chain.scalars.count))
                add(form: UnsafeBufferPointer(rebasing: form[0..<length]), hash: hash, analysis: analysis)
                guard base.count >= 2, suffixed else { continue }
                for suffix in suffixes {
                    var end = length
                    var suffixed = hash
                    for scalar in suffix {
                        form[end] = scalar
                        end += 1
                        suffixed = Lexicon.mix(suffixed, scalar)
                    }
                    add(form: UnsafeBufferPointer(rebasing: form[0..<end]), hash: suffixed, analysis: analysis)
                }
            }
        }
        return id
    }

    /// Asks for the slots of a stem's forms before any is added. Adding a form waits on its slot, a random line of a
    /// table of megabytes: a gazetteer's hundred thousand forms waited for them one after another, most of the load's
    /// time (perf); requested together, the loads overlap. The hashes are computed twice, which costs far less.
    private mutating func prefetchSlots(chains: [PrefixChain], base: [UInt32], suffixes: [[UInt32]]) {
        makeSlots()
        let mask = slotMask
        slots.withUnsafeBufferPointer { slots in
            let table = slots.baseAddress!
            for chain in chains {
                var hash = Lexicon.hashSeed
                for scalar in chain.scalars { hash = Lexicon.mix(hash, scalar) }
                for scalar in base { hash = Lexicon.mix(hash, scalar) }
                hasila_prefetch(table + (Int(truncatingIfNeeded: hash) & mask))
                for suffix in suffixes {
                    var suffixed = hash
                    for scalar in suffix { suffixed = Lexicon.mix(suffixed, scalar) }
                    hasila_prefetch(table + (Int(truncatingIfNeeded: suffixed) & mask))
                }
            }
        }
    }

    /// The slots, at the first form.
    private mutating func makeSlots() {
        guard slots.isEmpty else { return }
        slots = Lexicon.table(count: initialSlots)
        slotMask = initialSlots - 1
    }

    /// A table of `count` zeros, backed by huge pages where the system has them (`adviseHugePages`).
    private static func table(count: Int) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            buffer.initialize(repeating: 0)
            initialized = count
        }
    }

    /// Asks the kernel to back a large table, not yet touched, with huge pages (2 MiB on x86-64 Linux) where it can.
    /// The slots and the records are megabytes read at random by every look-up: with 4 KiB pages, a look-up missed the
    /// TLB as well as the cache, and building them took a page fault per 4 KiB (a fifth of the grammar's load time).
    /// A hint only: with transparent huge pages off, or elsewhere than Linux, nothing changes.
    static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard let base = buffer.baseAddress else { return }
        let huge = 2 << 20
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1), end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// Whether the stem's forms with this clitic set have been generated: with the suffixes, or (for a name, which
    /// takes none) with or without them.
    @inline(__always)
    private func isRegistered(_ stem: Int32, set: Int, suffixed: Bool) -> Bool {
        has(stem, Lexicon.registrationKey(set, suffixed: true)) || (!suffixed && has(stem, Lexicon.registrationKey(set, suffixed: false)))
    }

    private mutating func markRegistered(_ stem: Int32, set: Int, suffixed: Bool) {
        let key = Lexicon.registrationKey(set, suffixed: suffixed)
        if key < 64 { registered[Int(stem)] |= 1 << UInt64(key) } else { registeredMore.insert(Int64(stem) << 16 | Int64(key)) }
    }

    @inline(__always)
    private func has(_ stem: Int32, _ key: Int) -> Bool {
        key < 64 ? registered[Int(stem)] & (1 << UInt64(key)) != 0 : registeredMore.contains(Int64(stem) << 16 | Int64(key))
    }

    /// A clitic set's bit in `registered`: the first 32 sets with suffixes in bits 0–31, without them in bits 32–63;
    /// the others as numbers from 64 on (in `registeredMore`).
    @inline(__always)
    private static func registrationKey(_ set: Int, suffixed: Bool) -> Int {
        set < 32 ? (suffixed ? set : set + 32) : 64 + set * 2 + (suffixed ? 0 : 1)
    }

    /// Whether a String holds these UTF-8 bytes, compared as buffers (the generic comparison of UTF-8 views walks
    /// them byte by byte through an iterator).
    private static func sameBytes(_ a: String, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        var a = a
        return a.withUTF8 { x in
            guard x.count == y.count else { return false }
            for i in 0..<x.count where x[i] != y[i] { return false }
            return true
        }
    }

    /// `hash`: the form's (`Lexicon.hash`).
    private mutating func add(form: UnsafeBufferPointer<UInt32>, hash: UInt64, analysis: Analysis) {
        precondition(!sealed, "a word form added after the lexicon was sealed")
        makeSlots()
        let (slot, found) = slotOf(hash)
        if let head = found, let known = knownForm(form, from: head) {
            addReading(analysis, to: known)
            return
        }
        if records.isEmpty {
            // Room for a gazetteer's forms from the start (pages are only touched as records are written), so that
            // the array is not copied as it doubles.
            records = [UInt32](unsafeUninitializedCapacity: 1 << 22) { buffer, count in
                Lexicon.adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
                count = 0
            }
            firstReading.reserveCapacity(1 << 18)
        }
        let offset = records.count
        precondition(offset + Lexicon.recordHeader + form.count < Int(UInt32.max), "the lexicon's records outgrow a slot's 32 bits")
        records.append(UInt32(form.count))
        records.append(UInt32(truncatingIfNeeded: hash))
        records.append(UInt32(truncatingIfNeeded: hash >> 32))
        records.append(UInt32(formTotal))
        records.append(found.map { UInt32($0 + 1) } ?? 0)
        records.append(contentsOf: form)
        formTotal += 1
        // The new form heads its hash's chain.
        slots[slot] = (hash >> 32) << 32 | UInt64(UInt32(offset + 1))
        firstReading.append((analysis, -1))
        if found == nil {
            hashCount += 1
            if hashCount * 5 > slots.count * 3 { growSlots() }
        }
    }

    /// A record's hash, while building.
    @inline(__always)
    private static func buildingHash(_ record: UnsafePointer<UInt32>) -> UInt64 {
        UInt64(record[1]) | UInt64(record[2]) << 32
    }

    /// The slot of a hash and the offset of the first record of its chain in it, or the empty slot where it goes (nil).
    @inline(__always)
    private func slotOf(_ hash: UInt64) -> (slot: Int, first: Int?) {
        slots.withUnsafeBufferPointer { slots in
            records.withUnsafeBufferPointer { records in
                let fingerprint = hash >> 32
                var slot = Int(truncatingIfNeeded: hash) & slotMask
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return (slot, nil) }
                    if entry >> 32 == fingerprint {
                        let first = Int(entry & 0xFFFF_FFFF) - 1
                        if Lexicon.buildingHash(records.baseAddress! + first) == hash { return (slot, first) }
                    }
                    slot = (slot + 1) & slotMask
                }
            }
        }
    }

    /// Doubles the slots, putting each hash's chain in again.
    private mutating func growSlots() {
        let old = slots
        slots = Lexicon.table(count: old.count * 2)
        slotMask = slots.count - 1
        records.withUnsafeBufferPointer { records in
            for entry in old where entry != 0 {
                let hash = Lexicon.buildingHash(records.baseAddress! + Int(entry & 0xFFFF_FFFF) - 1)
                var slot = Int(truncatingIfNeeded: hash) & slotMask
                while slots[slot] != 0 { slot = (slot + 1) & slotMask }
                slots[slot] = entry
            }
        }
    }

    /// The number of the form of these code points among those chained from the record at `head` (same hash), or nil.
    private func knownForm(_ form: UnsafeBufferPointer<UInt32>, from head: Int) -> Int? {
        records.withUnsafeBufferPointer { records in
            var offset = head
            while true {
                let record = records.baseAddress! + offset
                if Int(record[0]) == form.count && Lexicon.equal(record + Lexicon.recordHeader, form) { return Int(record[3]) }
                guard record[4] != 0 else { return nil }
                offset = Int(record[4]) - 1
            }
        }
    }

    /// Adds a reading to a known form, unless the form has it already.
    private mutating func addReading(_ analysis: Analysis, to index: Int) {
        func same(_ other: Analysis) -> Bool {
            other.stem == analysis.stem && other.prefixClasses == analysis.prefixClasses && other.prefixLength == analysis.prefixLength
        }
        if same(firstReading[index].analysis) { return }
        var more = firstReading[index].lastMore
        while more >= 0 {
            if same(moreReadings[Int(more)].analysis) { return }
            more = moreReadings[Int(more)].previous
        }
        moreReadings.append((analysis, firstReading[index].lastMore))
        firstReading[index].lastMore = Int32(moreReadings.count - 1)
    }

    /// The prefix chains a stem of these clitic classes takes (nil: all), in class order: at most one
    /// prefix of each class, classes in declaration order, the empty chain first.
    private mutating func prefixChains(_ classes: [String]?, set: Int) -> [PrefixChain] {
        if let cached = chainCache[set] { return cached }
        let allowed = Set((classes ?? classNames).compactMap { classNames.firstIndex(of: $0) })
        var chains: [(chain: PrefixChain, lastClass: Int)] = [(PrefixChain(scalars: [], classes: 0), -1)]
        for classIndex in 0..<classNames.count where allowed.contains(classIndex) {
            var extended = chains
            for chain in chains where chain.lastClass < classIndex {
                for prefix in prefixes where prefix.classIndex == classIndex {
                    extended.append((PrefixChain(scalars: chain.chain.scalars + prefix.scalars,
                                                 classes: chain.chain.classes | UInt8(1) << UInt8(classIndex)), classIndex))
                }
            }
            chains = extended
        }
        let result = chains.map(\.chain)
        chainCache[set] = result
        return result
    }

    /// Freezes the forms' readings into one array and fills the records' headers; call once after every stem is registered.
    mutating func seal() {
        // Readings with fewer clitics come first: the plainer reading of a form is the likelier one; but a
        // stem only names use comes after the grammar's words.
        let namesOnly = stemUses.map { $0 == 1 }
        func rank(_ analysis: Analysis) -> Int {
            (namesOnly[Int(analysis.stem)] ? 16 : 0) + analysis.prefixClasses.nonzeroBitCount
        }
        // The arrays are taken out of `self` for the loop, which then writes them through buffers: a record's
        // fields set one by one through `self` cost a uniqueness check each.
        var analyses = self.analyses
        analyses.reserveCapacity(formTotal + moreReadings.count)
        var records = self.records
        self.records = []
        records.append(0)
        let firstReading = self.firstReading, moreReadings = self.moreReadings
        // A form's readings while they are ordered (few: a word is seldom more than a handful of stems).
        var sorted: [Analysis] = []
        // The look-up filter: one bit per hash, from the forms' hashes, read before the header takes their place.
        var filter = [UInt64](repeating: 0, count: Lexicon.filterWords)
        filter.withUnsafeMutableBufferPointer { filter in
            records.withUnsafeMutableBufferPointer { records in
                var offset = 0
                while offset < records.count - 1 {
                    let record = records.baseAddress! + offset
                    let hash = Lexicon.buildingHash(record)
                    let bit = Int(truncatingIfNeeded: hash >> UInt64(64 - Lexicon.filterBits))
                    filter[bit >> 6] |= 1 << UInt64(bit & 63)
                    let first = firstReading[Int(record[3])]
                    let start = analyses.count
                    var count = 0, all = 0
                    if first.lastMore < 0 {
                        // Most forms have one reading: only the others need sorting.
                        analyses.append(first.analysis)
                        count = namesOnly[Int(first.analysis.stem)] ? 0 : 1
                        all = 1
                    } else {
                        // In the order they were added (the list runs backwards), then a stable insertion sort by rank:
                        // the order a stable sort of them gives.
                        sorted.removeAll(keepingCapacity: true)
                        var more = first.lastMore
                        while more >= 0 {
                            sorted.append(moreReadings[Int(more)].analysis)
                            more = moreReadings[Int(more)].previous
                        }
                        sorted.append(first.analysis)
                        sorted.reverse()
                        for i in 1..<sorted.count {
                            let reading = sorted[i], key = rank(reading)
                            var j = i
                            while j > 0, rank(sorted[j - 1]) > key {
                                sorted[j] = sorted[j - 1]
                                j -= 1
                            }
                            sorted[j] = reading
                        }
                        // The grammar's readings first; a word only names use is no word of the other rules (their walks never see it).
                        count = sorted.count(where: { !namesOnly[Int($0.stem)] })
                        all = sorted.count
                        analyses.append(contentsOf: sorted)
                    }
                    precondition(all < 1 << 16, "a word form with more than 65,535 readings")
                    record[1] = UInt32(start)
                    record[2] = UInt32(count) | UInt32(all) << 16
                    record[3] = ~0
                    offset += Lexicon.recordHeader + Int(record[0])
                }
            }
        }
        if slots.isEmpty {
            slots = [0]
            slotMask = 0
        }
        self.analyses = analyses
        self.records = records
        self.filter = filter
        self.firstReading = []
        self.moreReadings = []
        sealed = true
    }

    /// The sealed look-up tables as plain pointers, for the length of `body`: the tokenizer takes them once per text,
    /// and its look-ups, and the prefetches that run ahead of them, read them without an array's checks.
    func withReader<Result>(_ body: (Reader) -> Result) -> Result {
        precondition(sealed, "look-ups need a sealed lexicon")
        return filter.withUnsafeBufferPointer { filter in
            slots.withUnsafeBufferPointer { slots in
                records.withUnsafeBufferPointer { records in
                    body(Reader(filter: filter.baseAddress!, slots: slots.baseAddress!, records: records.baseAddress!, slotMask: slotMask))
                }
            }
        }
    }

    /// Reads a sealed lexicon's tables (`withReader`). A word is looked up in three steps: its bit in `filter` (256 KiB),
    /// its slot and its record (megabytes, each a likely cache miss); `prefetchSlot` and `prefetchRecord` start the
    /// loads of a word the caller will look up a few words later.
    struct Reader {
        let filter: UnsafePointer<UInt64>
        let slots: UnsafePointer<UInt64>
        let records: UnsafePointer<UInt32>
        let slotMask: Int

        /// Whether a form may have this hash, as 1 or 0 (0: no form has it), computed without a branch.
        @inline(__always)
        func mayKnowBit(_ hash: UInt64) -> Int {
            let bit = Int(truncatingIfNeeded: hash >> UInt64(64 - Lexicon.filterBits))
            return Int(truncatingIfNeeded: filter[bit >> 6] >> UInt64(bit & 63)) & 1
        }

        /// Starts loading the hash's first slot (for a hash the filter lets through).
        @inline(__always)
        func prefetchSlot(_ hash: UInt64) {
            hasila_prefetch(slots + (Int(truncatingIfNeeded: hash) & slotMask))
        }

        /// Starts loading the record the hash's slot points at, when a slot holds its fingerprint (for a hash the filter
        /// lets through): its first line and the next, which hold a record of up to 11 code points wherever it begins
        /// (reading its length to find its end would wait for the very load this starts).
        @inline(__always)
        func prefetchRecord(_ hash: UInt64) {
            let fingerprint = hash >> 32
            var slot = Int(truncatingIfNeeded: hash) & slotMask
            while true {
                let entry = slots[slot]
                if entry == 0 { return }
                if entry >> 32 == fingerprint {
                    let record = records + (Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1)
                    hasila_prefetch(record)
                    hasila_prefetch(record + 15)
                    return
                }
                slot = (slot + 1) & slotMask
            }
        }

        /// The readings of a word given as normalised scalars (empty when the grammars do not know it), which
        /// tries one of them begins a phrase of (its form's `starts`), and `namesEnd`: the end of all its readings,
        /// those of the gazetteer's names included (after `analyses`). Right for any hash; the filter is the caller's
        /// to ask first (the tokenizer looks up only the words it lets through, and asking again here cost a load per word).
        @inline(__always)
        func lookup(_ scalars: UnsafeBufferPointer<UInt32>, hash: UInt64) -> (analyses: Range<Int32>, starts: UInt32, namesEnd: Int32) {
            let fingerprint = hash >> 32
            var slot = Int(truncatingIfNeeded: hash) & slotMask
            while true {
                let entry = slots[slot]
                if entry == 0 { return (0..<0, 0, 0) }
                if entry >> 32 == fingerprint {
                    var next = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)
                    while next != 0 {
                        let record = records + (next - 1)
                        if Int(record[0]) == scalars.count && Lexicon.equal(record + Lexicon.recordHeader, scalars) {
                            let start = Int32(bitPattern: record[1]), counts = record[2]
                            return (start..<(start + Int32(counts & 0xFFFF)), record[3], start + Int32(counts >> 16))
                        }
                        next = Int(record[4])
                    }
                }
                slot = (slot + 1) & slotMask
            }
        }
    }

    /// Fills each form's `starts` from its stems' start masks; called once the tries are sealed.
    mutating func sealStarts(_ stemMasks: [UInt64]) {
        let analyses = self.analyses
        records.withUnsafeMutableBufferPointer { records in
            var record = 0
            while record < records.count - 1 {
                let start = Int(records[record + 1]), all = Int(records[record + 2] >> 16)
                var mask: UInt64 = 0
                for reading in start..<(start + all) { mask |= stemMasks[Int(analyses[reading].stem)] }
                records[record + 3] = UInt32(truncatingIfNeeded: mask)
                record += Lexicon.recordHeader + Int(records[record])
            }
        }
    }

    @inline(__always)
    private static func equal(_ form: UnsafePointer<UInt32>, _ word: UnsafeBufferPointer<UInt32>) -> Bool {
        for i in 0..<word.count where form[i] != word[i] { return false }
        return true
    }

    /// How many word forms (stems with their clitics and suffixes) the grammars can match.
    public var formCount: Int { formTotal }
}
