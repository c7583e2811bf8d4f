/// Which way a text runs, from its letters: right-to-left when most of its letters are in
/// right-to-left scripts (Arabic, Syriac, Thaana, Hebrew and their presentation forms), so an
/// Arabic report reads right-to-left and an English one stays left-to-right.
public enum ScriptDirection: String, Sendable {
    case rtl, ltr

    public static func of(_ scalars: [UInt32]) -> ScriptDirection {
        var rightToLeft = 0, leftToRight = 0
        for scalar in scalars.prefix(20_000) {
            switch scalar {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF: rightToLeft += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x0370...0x04FF: leftToRight += 1
            default: break
            }
        }
        return rightToLeft > leftToRight ? .rtl : .ltr
    }
}
