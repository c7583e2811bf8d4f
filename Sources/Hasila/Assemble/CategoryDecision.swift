/// What `CategoryReader` decided for one figure: its category key (or the explicit null of a rule
/// that names something outside the taxonomy), the role of the word that decided it, and what the
/// linkers after it need to know of how it was reached.
struct CategoryDecision {
    /// The taxonomy key; nil when nothing named one.
    var key: String?
    var role: CategoryEntry.Role?
    /// The key came from the counted noun phrase itself.
    var fromPhrase: Bool
    /// A rule named the counted thing as outside the taxonomy (category null on purpose).
    var explicitNull: Bool
    /// A group or target with no act in its clause: kept only under a total that says what befell it.
    var needsEvidence: CategoryEntry.Role?
    /// How far back the figure's act was read: a list's later items share that clause.
    var actFloor: Int
}
