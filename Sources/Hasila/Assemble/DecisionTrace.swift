/// What decided each field of each figure: the reader, the grammar rule (file:line) and the words.
///
/// Collected only when a researcher asks why (`hasila eval --explain`); a normal run passes no trace
/// and pays one nil check per decision. Decisions are kept in the order they were taken, so a field
/// decided twice (a phrase's noun, then an act that overrides it) shows both, the last one winning.
public final class DecisionTrace {
    public enum Field: String, Sendable { case qualifier, category, parent, period, when, cumulative, actors, place, country, source }

    /// One decision about one figure, as the readers take it (token positions of its section).
    struct Note {
        let mention: Int
        let field: Field
        let reader: String
        let rule: String?
        let words: Range<Int>?
        let value: String
    }

    /// One decision about one figure, as the researcher reads it.
    public struct Decision: Sendable, Equatable {
        public let field: Field
        /// The reader that took it ("act before the figure", "breakdown cue", …).
        public let reader: String
        /// The grammar rule that matched, as file:line under the grammar folder, if one did.
        public let rule: String?
        /// The words that decided, as written in the original text, and their code-point range.
        public let words: String?
        public let range: Range<Int>?
        /// What the field became.
        public let value: String
    }

    var notes: [Note] = []

    public init() {}

    func note(_ mention: Int, _ field: Field, _ reader: String, rule: String? = nil, words: Range<Int>? = nil, value: String) {
        notes.append(Note(mention: mention, field: field, reader: reader, rule: rule, words: words, value: value))
    }
}
