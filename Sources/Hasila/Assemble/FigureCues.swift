/// The cues that stand before a figure, read first: where its lead begins (a postposed number's noun
/// before it), its qualifier cue, and a breakdown or total cue before that. Token indices.
struct FigureCues {
    /// The figure's first token, or its noun's when a postposed number word follows the noun ("قتيل واحد").
    let leadIndex: Int
    let postposedNoun: Bool
    /// The qualifier cue before the figure, its extent and whether a conjunction joins the figure to what precedes it.
    let lead: QualifierReader.Lead
    /// "بينهم 1417": the figure breaks down the total before it.
    let breakdownBefore: Bool
    /// "من أصل 300": the figure is the total the figure before breaks down.
    let totalBefore: Bool
    /// The breakdown or total cue's rule (index into the grammar's rule sources), -1 when none.
    let cueRule: Int

    var cueStart: Int { lead.cueStart }
    var conjoined: Bool { lead.conjoined }
}
