import CICU

/// What Hasila asks of the system ICU library, through the C facade.
public enum ICU {
    /// The version of the ICU library linked at run time, e.g. "72.1".
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        let length = hasila_icu_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// ICU's general category of a code point (UCharCategory numbering).
    static func generalCategory(_ scalar: UInt32) -> Int32 {
        hasila_icu_general_category(scalar)
    }

    /// The decimal digit value of a code point of category Nd, or nil.
    static func decimalDigit(_ scalar: UInt32) -> Int? {
        let value = hasila_icu_decimal_digit(scalar)
        return value < 0 ? nil : Int(value)
    }

    /// NFKC of a single code point, as code points.
    static func nfkc(_ scalar: UInt32) -> [UInt32] {
        var output = [UInt32](repeating: 0, count: 32)
        let count = hasila_icu_nfkc(scalar, &output, Int32(output.count))
        return count < 0 ? [scalar] : Array(output[0..<Int(count)])
    }

    /// Converts a date of the Umm al-Qura Hijri calendar to the Gregorian one, or nil if ICU rejects it.
    public static func gregorian(fromHijriYear year: Int, month: Int, day: Int) -> (year: Int, month: Int, day: Int)? {
        var y: Int32 = 0, m: Int32 = 0, d: Int32 = 0
        guard hasila_icu_hijri_to_gregorian(Int32(year), Int32(month), Int32(day), &y, &m, &d) == 0 else { return nil }
        return (Int(y), Int(m), Int(d))
    }
}

/// ICU's UCharCategory values that the normaliser and tokeniser care about.
enum GeneralCategory {
    static let uppercaseLetter: Int32 = 1
    static let lowercaseLetter: Int32 = 2
    static let titlecaseLetter: Int32 = 3
    static let modifierLetter: Int32 = 4
    static let otherLetter: Int32 = 5
    static let nonSpacingMark: Int32 = 6
    static let decimalDigit: Int32 = 9
    static let spaceSeparator: Int32 = 12
    static let lineSeparator: Int32 = 13
    static let paragraphSeparator: Int32 = 14
    static let format: Int32 = 16

    static func isLetter(_ category: Int32) -> Bool { (1...5).contains(category) }
}
