/// The optional letter foldings of the normaliser, each a switch of its own.
///
/// The fixed rules (diacritics, digits, presentation forms, bidi controls, spaces) always apply;
/// these foldings merge letters that writers use interchangeably, which matching needs
/// but a reader of the normalised text may not want.
public struct NormalizationOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// أ إ آ ٱ become ا.
    public static let foldAlef = NormalizationOptions(rawValue: 1 << 0)
    /// ى (alef maksura) becomes ي.
    public static let foldAlefMaksura = NormalizationOptions(rawValue: 1 << 1)
    /// ة (teh marbuta) becomes ه.
    public static let foldTehMarbuta = NormalizationOptions(rawValue: 1 << 2)

    /// Every folding: what the extractor matches on.
    public static let matching: NormalizationOptions = [.foldAlef, .foldAlefMaksura, .foldTehMarbuta]
}
