/// A number word of the grammars: its value and how it combines with its neighbours.
struct NumberWord: Sendable {
    enum Role: String, Sendable {
        /// 1 to 10 and the teens' parts: added to the running value.
        case unit
        /// 20, 30 … 90: added.
        case ten
        /// 100 … 900: multiplies a unit just before it ("ثلاث مئة"), else added.
        case hundred
        /// 1000, 10^6, 10^9 (and their duals): multiplies what precedes it, or stands alone.
        case scale
        /// A plural scale (آلاف، ملايين): only after a multiplier; alone it is vague, not a figure.
        case pluralScale = "plural-scale"
    }
    let value: Int
    let role: Role
    /// Stands after its noun, as 1 and 2 do in Arabic ("هجوماً واحداً"); a figure only after a counted noun.
    let postposed: Bool
    /// Picks one out of a total counted before: before a definite noun ("أحد المصابين", `partitive`) or
    /// with the total in its pronoun ("أحدهما", `partitive-pronoun`).
    var partitive: Partitive = .none

    enum Partitive: String, Sendable { case none, noun = "partitive", pronoun = "partitive-pronoun" }
}
