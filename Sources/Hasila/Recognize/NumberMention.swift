/// A number found in the text, before anything decides whether it is a figure: its value and
/// the tokens it spans (a scaled number's span covers its scale word, "2.3 مليون").
struct NumberMention: Sendable {
    enum Form: Sendable {
        case digits
        case words
        /// A dual noun standing for two ("طفلين"); its tokens are the noun itself.
        case dual
    }
    /// Token range, half-open.
    let tokens: Range<Int>
    /// The value, or nil when it is not a whole count (a decimal with no scale word, "2.5").
    let value: Int?
    let form: Form
    /// A number word that stands after its noun (واحد، اثنين).
    let postposed: Bool
    /// A plural scale word with no multiplier ("آلاف"): vague, never a figure.
    let vague: Bool
    /// Shape of a digit run that marks an identifier rather than a count (leading zero, very long).
    let identifierShape: Bool
    /// Four digits that read as a year (1900-2100).
    let yearShape: Bool
    /// A number word with the article ("الثلاثة"): it counts a noun named just before it ("الجرحى الثلاثة").
    var definite = false
    /// "أحد المصابين", "أحدهما": one picked out of a total counted before.
    var partitive = NumberWord.Partitive.none
}
