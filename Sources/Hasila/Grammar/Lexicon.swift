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
    private var stemIndex: [String: Int32] = [:]
    /// Form hash → index into `forms`.
    private var formIndex = FlatHashMap()
    /// Each form: where its code points sit in `formScalars`, its readings in `analyses`, and the next
    /// form with the same hash. Plain integers, so a look-up retains nothing.
    private var forms: [(offset: Int32, length: Int32, start: Int32, count: Int32, next: Int32)] = []
    /// Every form's code points, one after another.
    private var formScalars: [UInt32] = []
    /// One bit per hash bucket that some form falls in: most words of a text are not in the
    /// lexicon, and this small table (256 KiB, cache-resident) turns most of them away at once.
    private var filter = [UInt64](repeating: 0, count: Lexicon.filterWords)
    private static let filterBits = 21
    private static let filterWords = (1 << filterBits) / 64
    private(set) var analyses: [Analysis] = []
    /// While building: each form's readings, in the order of `forms`.
    private var pending: [[Analysis]] = []
    private var registered: [Int32: Set<String>] = [:]
    private(set) var classNames: [String] = []
    private var prefixes: [(scalars: [UInt32], classIndex: Int)] = []
    private var suffixes: [[UInt32]] = []

    /// FNV-1a over code points: the tokenizer builds it while it scans a word.
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func mix(_ hash: UInt64, _ scalar: UInt32) -> UInt64 { (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3 }

    static func hash(_ scalars: UnsafeBufferPointer<UInt32>) -> UInt64 {
        var hash = hashSeed
        for scalar in scalars { hash = mix(hash, scalar) }
        return hash
    }

    func stemID(_ stem: String) -> Int32? { stemIndex[stem] }

    func stem(_ id: Int32) -> String { stems[Int(id)] }

    mutating func addPrefix(_ scalars: [UInt32], className: String) {
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
    @discardableResult
    mutating func register(stem: String, classes: [String]?) -> Int32 {
        let id: Int32
        let classKey = classes?.joined(separator: " ") ?? "*"
        if let existing = stemIndex[stem] {
            // Forms are generated once per stem and clitic set, however many rules name the word.
            if registered[existing, default: []].contains(classKey) { return existing }
            id = existing
        } else {
            id = Int32(stems.count)
            stems.append(stem)
            stemIndex[stem] = id
        }
        registered[id, default: []].insert(classKey)
        let base = stem.unicodeScalars.map(\.value)
        // A one-letter stem (the calendar mark م, a clitic itself) takes no clitics: "ما" is not "م" + tanween.
        let allowed = base.count < 2 ? [] : Set((classes ?? classNames).compactMap { classNames.firstIndex(of: $0) })
        // Prefix chains follow class order: at most one prefix of each class, classes in declaration order.
        var chains: [([UInt32], UInt8, Int)] = [([], 0, -1)]
        for classIndex in 0..<classNames.count where allowed.contains(classIndex) {
            var extended = chains
            for chain in chains where chain.2 < classIndex {
                for prefix in prefixes where prefix.classIndex == classIndex {
                    extended.append((chain.0 + prefix.scalars, chain.1 | UInt8(1) << UInt8(classIndex), classIndex))
                }
            }
            chains = extended
        }
        for chain in chains {
            let form = chain.0 + base
            let analysis = Analysis(stem: id, prefixClasses: chain.1, prefixLength: UInt8(chain.0.count))
            add(form: form, analysis: analysis)
            if base.count >= 2 { for suffix in suffixes { add(form: form + suffix, analysis: analysis) } }
        }
        return id
    }

    private mutating func add(form: [UInt32], analysis: Analysis) {
        let hash = form.withUnsafeBufferPointer { Lexicon.hash($0) }
        var index = formIndex[hash] ?? -1
        while index >= 0 {
            let known = forms[Int(index)]
            if known.length == form.count && formScalars[Int(known.offset)..<Int(known.offset + known.length)].elementsEqual(form) {
                if !pending[Int(index)].contains(where: { $0.stem == analysis.stem && $0.prefixClasses == analysis.prefixClasses && $0.prefixLength == analysis.prefixLength }) {
                    pending[Int(index)].append(analysis)
                }
                return
            }
            index = forms[Int(index)].next
        }
        let bit = Int(truncatingIfNeeded: hash >> UInt64(64 - Lexicon.filterBits))
        filter[bit >> 6] |= 1 << UInt64(bit & 63)
        forms.append((Int32(formScalars.count), Int32(form.count), 0, 0, formIndex[hash] ?? -1))
        formScalars.append(contentsOf: form)
        formIndex[hash] = Int32(forms.count - 1)
        pending.append([analysis])
    }

    /// Freezes the forms' readings into one array; call once after every stem is registered.
    mutating func seal() {
        // Readings with fewer clitics come first: the plainer reading of a form is the likelier one.
        for index in forms.indices {
            let sorted = pending[index].sorted { $0.prefixClasses.nonzeroBitCount < $1.prefixClasses.nonzeroBitCount }
            forms[index].start = Int32(analyses.count)
            forms[index].count = Int32(sorted.count)
            analyses.append(contentsOf: sorted)
        }
        pending = []
    }

    /// The readings of a word given as normalised scalars (empty when the grammars do not know it).
    @inline(__always)
    func lookup(_ scalars: UnsafeBufferPointer<UInt32>, hash: UInt64) -> Range<Int32> {
        let bit = Int(truncatingIfNeeded: hash >> UInt64(64 - Lexicon.filterBits))
        guard filter.withUnsafeBufferPointer({ $0[bit >> 6] }) & (1 << UInt64(bit & 63)) != 0,
              var index = formIndex[hash] else { return 0..<0 }
        return formScalars.withUnsafeBufferPointer { pool in
            while index >= 0 {
                let form = forms[Int(index)]
                if Int(form.length) == scalars.count
                    && memcmp(pool.baseAddress! + Int(form.offset), scalars.baseAddress!, scalars.count * 4) == 0 {
                    return form.start..<(form.start + form.count)
                }
                index = form.next
            }
            return 0..<0
        }
    }

    /// How many word forms (stems with their clitics and suffixes) the grammars can match.
    public var formCount: Int { forms.count }
}
