/// The endings that make a singular noun dual, from the `dual-ending` rules of Grammars/numbers:
/// every singular takes the `all` endings; a noun whose plural is not the sound masculine one also
/// takes the `broken` endings (for a sound plural the same form is the plural, so it is no dual);
/// a noun with the `feminine` final letter replaces it with the `feminine` endings (construct forms too).
struct DualForms {
    enum PluralClass: String, CaseIterable {
        /// The plural is broken or sound feminine (جندي/جنود، حالة/حالات).
        case broken
        /// The plural is the sound masculine one (مسلح/مسلحين).
        case sound
    }

    var all: [String] = []
    var broken: [String] = []
    /// The final letter (normalised) of nouns that take `feminine` endings in its place.
    var feminineLetter: String?
    var feminine: [String] = []

    func forms(of singular: String, pluralClass: PluralClass) -> [String] {
        if let letter = feminineLetter, singular.hasSuffix(letter), singular.count > letter.count {
            let stem = String(singular.dropLast(letter.count))
            return feminine.map { stem + $0 }
        }
        return all.map { singular + $0 } + (pluralClass == .broken ? broken.map { singular + $0 } : [])
    }
}
