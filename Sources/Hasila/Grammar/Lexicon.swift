/// Every word form the grammars can match, mapped to the stems it may be.
///
/// A stem is a word as a rule writes it (normalised and letter-folded). Its forms are the stem
/// with the clitic prefixes its file allows (و ف ب ل ك ال …, declared in Grammars/clitics.grammar)
/// and the optional suffixes; they are generated once at load, so matching a token is one hash
/// lookup, with no allocation and no string slicing.
public final class Lexicon: @unchecked Sendable {
    /// One reading of a form: which stem, and which clitic classes were attached to it.
    struct Analysis: Sendable {
        let stem: Int32
        /// Bit i set: a prefix of clitic class i (in declaration order) is attached.
        let prefixClasses: UInt8
    }

    private(set) var stems: [String] = []
    private var stemIndex: [String: Int32] = [:]
    /// Form hash → index into `forms`.
    private var formIndex: [UInt64: Int32] = [:]
    private var forms: [(scalars: [UInt32], start: Int32, count: Int32, next: Int32)] = []
    private(set) var analyses: [Analysis] = []
    private var pending: [[UInt32]: [Analysis]] = [:]
    private(set) var classNames: [String] = []
    private var prefixes: [(scalars: [UInt32], classIndex: Int)] = []
    private var suffixes: [[UInt32]] = []

    static func hash(_ scalars: UnsafeBufferPointer<UInt32>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars {
            hash = (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    func stemID(_ stem: String) -> Int32? { stemIndex[stem] }

    func stem(_ id: Int32) -> String { stems[Int(id)] }

    func addPrefix(_ scalars: [UInt32], className: String) {
        let index: Int
        if let existing = classNames.firstIndex(of: className) { index = existing } else {
            index = classNames.count
            classNames.append(className)
        }
        prefixes.append((scalars, index))
    }

    func addSuffix(_ scalars: [UInt32]) { suffixes.append(scalars) }

    func classBit(_ name: String) -> UInt8? {
        classNames.firstIndex(of: name).map { UInt8(1) << UInt8($0) }
    }

    /// Registers a stem (normalised) and its forms; `classes` limits which prefix classes it takes (nil: all).
    @discardableResult
    func register(stem: String, classes: [String]?) -> Int32 {
        let id: Int32
        if let existing = stemIndex[stem] { id = existing } else {
            id = Int32(stems.count)
            stems.append(stem)
            stemIndex[stem] = id
        }
        let base = stem.unicodeScalars.map(\.value)
        let allowed = Set((classes ?? classNames).compactMap { classNames.firstIndex(of: $0) })
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
            add(form: form, analysis: Analysis(stem: id, prefixClasses: chain.1))
            for suffix in suffixes { add(form: form + suffix, analysis: Analysis(stem: id, prefixClasses: chain.1)) }
        }
        return id
    }

    private func add(form: [UInt32], analysis: Analysis) {
        var list = pending[form, default: []]
        if !list.contains(where: { $0.stem == analysis.stem && $0.prefixClasses == analysis.prefixClasses }) {
            list.append(analysis)
            pending[form] = list
        }
    }

    /// Freezes the forms into the lookup table; call once after every stem is registered.
    func seal() {
        // Readings with fewer clitics come first: the plainer reading of a form is the likelier one.
        for (form, list) in pending.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            let sorted = list.sorted { $0.prefixClasses.nonzeroBitCount < $1.prefixClasses.nonzeroBitCount }
            let start = Int32(analyses.count)
            analyses.append(contentsOf: sorted)
            let hash = form.withUnsafeBufferPointer { Lexicon.hash($0) }
            let next = formIndex[hash] ?? -1
            formIndex[hash] = Int32(forms.count)
            forms.append((form, start, Int32(sorted.count), next))
        }
        pending = [:]
    }

    /// The readings of a word given as normalised scalars (empty when the grammars do not know it).
    @inline(__always)
    func lookup(_ scalars: UnsafeBufferPointer<UInt32>, hash: UInt64) -> Range<Int32> {
        guard var index = formIndex[hash] else { return 0..<0 }
        while index >= 0 {
            let form = forms[Int(index)]
            if form.scalars.count == scalars.count && form.scalars.withUnsafeBufferPointer({ $0.elementsEqual(scalars) }) {
                return form.start..<(form.start + form.count)
            }
            index = form.next
        }
        return 0..<0
    }

    var formCount: Int { forms.count }
}
