/// What the name linkers read of a figure being linked: where it stands among the tokens and how it
/// joins the figures around it. A few integers, taken once per figure, so that the linkers never copy
/// a whole `FigureDraft` (large, and full of references) while they look around it.
struct LinkTarget: Sendable {
    let sentence: Int32
    /// First token of the figure with its cue.
    let leadStart: Int
    /// The number's tokens.
    let tokens: Range<Int>
    let nounEnd: Int?
    let actFloor: Int
    let parent: Int?
    let conjoined: Bool
    let elided: Bool
}

extension FigureDraft {
    var linkTarget: LinkTarget {
        LinkTarget(sentence: sentence, leadStart: leadStart, tokens: mention.tokens, nounEnd: nounEnd, actFloor: actFloor,
                   parent: figure.parent, conjoined: conjoined, elided: elided)
    }
}
