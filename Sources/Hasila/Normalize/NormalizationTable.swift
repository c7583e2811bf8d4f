/// What the normaliser does with every code point of the Basic Multilingual Plane,
/// decided once from ICU's character data and the fixed rules, then used by the hot loops.
///
/// Each entry is either "keep" or a replacement (possibly empty, which removes the code point).
/// Code points above the BMP are rare in Arabic text and are decided on the spot from ICU.
public final class NormalizationTable: @unchecked Sendable {
    /// Sentinel entry: the code point stays as it is.
    static let keep: UInt32 = .max

    public let options: NormalizationOptions
    /// Per BMP code point: `keep`, or (start << 8 | count) into `replacementScalars`.
    let scalarEntries: [UInt32]
    let replacementScalars: [UInt32]
    /// Per BMP code point: `keep`, or (start << 8 | count) into `replacementBytes` (UTF-8).
    let byteEntries: [UInt32]
    let replacementBytes: [UInt8]
    /// Per two bytes (lead << 8 | continuation) of a valid two-byte UTF-8 sequence: its entry in
    /// `byteEntries` (keep or a replacement), so the byte loop handles Arabic without decoding it;
    /// `notAPair` for any other two bytes.
    let pairEntries: [UInt32]
    static let notAPair: UInt32 = .max - 1
    /// Per two bytes: 0 when the first byte needs nothing done at it (ASCII or a continuation followed by
    /// a non-continuation, or a two-byte letter that stays), else 1 (a change, a longer sequence, invalid
    /// UTF-8). Eight of these OR-ed together let the byte loop pass eight bytes with no branch.
    let pairFlags: [UInt8]
    /// Per BMP code point: true for the marks that are removed and belong to the letter before them
    /// (harakat, tanween, Quranic marks, tatweel), so a span can be widened over them.
    let attachedMark: [Bool]

    private static let cacheLock = Lock()
    nonisolated(unsafe) private static var cache: [NormalizationOptions: NormalizationTable] = [:]

    /// The table for a set of options, built on first use and shared afterwards.
    public static func shared(_ options: NormalizationOptions) -> NormalizationTable {
        cacheLock.withLock {
            if let table = cache[options] { return table }
            let table = NormalizationTable(options: options)
            cache[options] = table
            return table
        }
    }

    init(options: NormalizationOptions) {
        self.options = options
        var scalarEntries = [UInt32](repeating: NormalizationTable.keep, count: 0x10000)
        var byteEntries = [UInt32](repeating: NormalizationTable.keep, count: 0x10000)
        var attached = [Bool](repeating: false, count: 0x10000)
        var scalars: [UInt32] = []
        var bytes: [UInt8] = []
        for code in 0..<UInt32(0x10000) where !(0xD800...0xDFFF).contains(code) {
            if NormalizationTable.isAttachedMark(code) { attached[Int(code)] = true }
            guard let replacement = NormalizationTable.replacement(for: code, options: options) else { continue }
            scalarEntries[Int(code)] = UInt32(scalars.count) << 8 | UInt32(replacement.count)
            scalars.append(contentsOf: replacement)
            var encoded: [UInt8] = []
            for scalar in replacement { UTF8Encoding.append(scalar, to: &encoded) }
            byteEntries[Int(code)] = UInt32(bytes.count) << 8 | UInt32(encoded.count)
            bytes.append(contentsOf: encoded)
        }
        self.scalarEntries = scalarEntries
        self.byteEntries = byteEntries
        self.replacementScalars = scalars
        self.replacementBytes = bytes
        self.attachedMark = attached
        var pairs = [UInt32](repeating: NormalizationTable.notAPair, count: 0x10000)
        for lead in 0xC2...0xDF {
            for second in 0x80...0xBF {
                pairs[lead << 8 | second] = byteEntries[(lead & 0x1F) << 6 | (second & 0x3F)]
            }
        }
        self.pairEntries = pairs
        var flags = [UInt8](repeating: 1, count: 0x10000)
        for first in 0..<0x100 {
            for second in 0..<0x100 {
                let secondIsContinuation = (0x80...0xBF).contains(second)
                let clean: Bool
                switch first {
                case 0x00...0x7F, 0x80...0xBF: clean = !secondIsContinuation
                case 0xC2...0xDF: clean = secondIsContinuation && pairs[first << 8 | second] == NormalizationTable.keep
                default: clean = false
                }
                if clean { flags[first << 8 | second] = 0 }
            }
        }
        self.pairFlags = flags
    }

    /// The replacement of a code point outside the BMP (decimal digits of other scripts), or nil to keep it.
    func supplementaryReplacement(_ code: UInt32) -> UInt32? {
        guard let digit = ICU.decimalDigit(code) else { return nil }
        return 0x30 + UInt32(digit)
    }

    // MARK: The fixed rules

    static func isAttachedMark(_ code: UInt32) -> Bool {
        (0x064B...0x065F).contains(code) || code == 0x0670 || (0x0610...0x061A).contains(code)
            || (0x06D6...0x06ED).contains(code) || code == 0x0640
    }

    static func isRemovedControl(_ code: UInt32) -> Bool {
        code == 0x200E || code == 0x200F || code == 0x061C || (0x202A...0x202E).contains(code)
            || (0x2066...0x2069).contains(code) || code == 0x200C || code == 0x200D || code == 0xFEFF
    }

    static func isPresentationForm(_ code: UInt32) -> Bool {
        (0xFB50...0xFDFF).contains(code) || (0xFE70...0xFEFF).contains(code)
    }

    /// The rule for one code point: nil keeps it, an array replaces it (empty removes it).
    static func replacement(for code: UInt32, options: NormalizationOptions) -> [UInt32]? {
        if isAttachedMark(code) || isRemovedControl(code) { return [] }
        switch code {
        case 0x066B: return [0x2E]  // Arabic decimal separator
        case 0x066C: return [0x2C]  // Arabic thousands separator
        case 0x066A: return [0x25]  // Arabic percent sign
        default: break
        }
        if code > 0x7F, let digit = ICU.decimalDigit(code) { return [0x30 + UInt32(digit)] }
        if code != 0x20 && ICU.generalCategory(code) == GeneralCategory.spaceSeparator { return [0x20] }
        if isPresentationForm(code) {
            let decomposed = ICU.nfkc(code)
            if decomposed != [code] {
                return decomposed.flatMap { replacement(for: $0, options: options) ?? [$0] }
            }
        }
        if options.contains(.foldAlef), [0x0623, 0x0625, 0x0622, 0x0671].contains(code) { return [0x0627] }
        if options.contains(.foldAlefMaksura), code == 0x0649 { return [0x064A] }
        if options.contains(.foldTehMarbuta), code == 0x0629 { return [0x0647] }
        return nil
    }
}
