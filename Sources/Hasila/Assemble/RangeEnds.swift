/// The two ends of ranges ("بين 400 و450"), per number mention of a document: the qualifier forced on
/// a range's second end (`at_most`) and the draft index of its first, which shares the second's noun.
/// Plain arrays: hash look-ups per figure showed in profiles.
struct RangeEnds {
    var forced: [Qualifier?]
    var first: [Int?]

    init(mentionCount: Int) {
        forced = [Qualifier?](repeating: nil, count: mentionCount + 1)
        first = [Int?](repeating: nil, count: mentionCount + 1)
    }
}
