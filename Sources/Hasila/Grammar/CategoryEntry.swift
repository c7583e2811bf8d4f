/// What a category rule says a word or phrase tells about the counted thing.
struct CategoryEntry: Sendable {
    enum Role: String, Sendable {
        /// The counted thing itself (مجزرة، نسمة، غارة): decides the category.
        case noun
        /// A group of people (مدنيين، أطفال، شخص): a category only with evidence of what happened to them
        /// (an event or outcome in the phrase or clause, or a total), else null.
        case group
        /// An attack's target (مدرسة، مسجد، مستشفى): a category only with evidence of an attack, else null.
        case target
        /// An act (مقتل، إصابة، اعتقال، نزوح): read in the noun phrase and in the clause before the figure,
        /// where it overrides a group or an outcome noun.
        case event
        /// People named by what happened to them (قتيل، جريح، معتقل، لاجئ): decides, but an act in the
        /// clause before overrides it ("وفاة 38 محتجزا" is killed).
        case outcome
        /// A count of times (مرة): the category comes from the clause before the figure.
        case times
        /// A countable noun with no category (منزل): makes a figure of a postposed number word, category null.
        case countable
        /// A countable unit of people (حالة، عائلة): null on its own, but what happened to people in the
        /// clause before names it ("إصابة 133 حالة", "نزوح 300 عائلة").
        case unit
    }
    /// A taxonomy key, or nil for a countable noun outside the taxonomy.
    let key: String?
    let role: Role
    /// The rule that says so, as file:line (for `hasila eval --explain`).
    var source = ""
}
