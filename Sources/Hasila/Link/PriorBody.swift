/// A body named earlier in a document, as a later sentence points back to it: the body an attribution of a
/// sentence with a figure named ("وأضاف أن", "وقالت الوزارة" go back to it), or a party such a sentence named
/// ("وقالت الحركة" after "حركة الشباب"). Handed from one section of a long document to the next, so that reading
/// it in sections gives what reading it whole does.
struct PriorBody: Sendable, Equatable {
    /// The body with its key and words (offsets of the whole document while handed on, of the section while it is
    /// read); nil for an attribution to an unnamed source.
    var name: LinkedName?
    /// The first word of its name without the article ("وزارة" of "وزارة الصحة"), which a back-reference noun
    /// ("الوزارة") matches; empty for an unnamed source.
    var head: [UInt32]

    /// The same body with its offsets moved by `offset` code points (from a section's to the document's, or back).
    func shifted(by offset: Int) -> PriorBody {
        PriorBody(name: name.map { LinkedName(key: $0.key, text: $0.text, range: ($0.range.lowerBound + offset)..<($0.range.upperBound + offset)) },
                  head: head)
    }
}
