/// A figure while it is being assembled and linked: the figure plus the token positions that
/// the linking stage reads (where its cue and noun phrase start and end, which cues it carries).
struct FigureDraft: Sendable {
    var figure: Figure
    let mention: NumberMention
    /// First token of the figure with its cue and (for a postposed number) its noun.
    let leadStart: Int
    /// Token after the counted noun phrase.
    let phraseEnd: Int
    let sentence: Int32
    /// The line (paragraph) the figure stands in.
    let paragraph: Int
    /// A conjunction joins the figure to what precedes it ("و868", "وما لا يقل عن …").
    let conjoined: Bool
    /// A breakdown cue stands just before the figure ("بينهم 1417").
    let breakdownBefore: Bool
    /// A breakdown cue follows the figure ("خمسون واقعة منها").
    let breakdownAfter: Bool
    /// A total cue stands before the figure: the figure before it breaks it down ("من أصل 32").
    let totalBefore: Bool
    /// A partitive follows the figure ("97 من الحوادث").
    let partitive: Bool
    /// The category came from a noun or outcome of the figure's own phrase (not inherited).
    let categoryFromPhrase: Bool
    /// The category was decided as null on purpose (a countable noun, an outcome outside the taxonomy).
    var explicitNull: Bool
    /// Set when the category names a group or a target with no evidence in its sentence of what
    /// happened to it: the category then stands only if the figure breaks down a total that is evidence.
    var needsEvidence: CategoryEntry.Role?
    /// The role of the word that decided the category (a group takes a total's null; an outcome keeps its own).
    let categoryRole: CategoryEntry.Role?
    /// The counted noun is a unit of people (حالة، عائلة): such lists go on across فيما and و-clauses.
    var countsUnits = false
    /// The category rule (payload) its counted noun matches by itself, before any act: the kind of thing it
    /// counts ("أحد المصابين" is one of a total of the same kind), and that rule's key and role.
    var nounKey: String?
    var nounRole: CategoryEntry.Role?
    /// An item of a list that left its noun out and counts what its head counts.
    var elided = false
    /// The token of the counted noun's first word, if the figure has one.
    var nounStart: Int?
    var nounEnd: Int?
    /// How far back the figure's act was read: the items of a list joined to it read no further.
    var actFloor = 0
    /// The breakdown or total cue rule the figure carries (index into `GrammarTables.ruleSources`), or -1.
    var cueRule = -1

    /// "أحد المصابين" is a part of `total`: its noun names the same kind of thing as the total's noun, or
    /// the key its noun names is the total's category ("أصيب 6 أشخاص … وتوفي أحد المصابين").
    func isPart(of total: FigureDraft) -> Bool {
        guard let role = nounRole else { return false }
        if total.nounRole == role && total.nounKey == nounKey { return true }
        return nounKey != nil && total.figure.category == nounKey
    }

    /// The figure, moved out for the record: the draft keeps an empty one in its place, so that handing a
    /// figure on retains none of its strings (the drafts are done with once the figures are written).
    mutating func takeFigure() -> Figure {
        var taken = Figure(value: 0, range: 0..<0, text: "", qualifier: .exact, category: nil, noun: nil, parent: nil,
                           period: nil, sentence: 0..<0)
        swap(&taken, &figure)
        return taken
    }
}
