/// What a category rule says a word or phrase tells about the counted thing.
struct CategoryEntry: Sendable {
    enum Role: String, Sendable {
        /// The counted group or thing itself (مدنيين، مجزرة، مدرسة): read in the noun phrase.
        case noun
        /// An outcome (مقتل، إصابة، اعتقال، نزوح): read in the noun phrase and in the clause before the figure.
        case event
        /// A count of times (مرة): the category comes from the clause before the figure.
        case times
        /// A countable noun with no category (منزل): makes a figure of a postposed number word, category null.
        case countable
    }
    /// A taxonomy key, or nil for a countable noun outside the taxonomy.
    let key: String?
    let role: Role
}
