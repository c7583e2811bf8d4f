/// Points each figure that says again a count of its document to the first figure that said it:
/// the same value, category and period (`repeats`). A news story gives its toll in the lead and
/// again further down; summing both counts the dead twice.
///
/// The first figures of a document are remembered across its sections (`Extractor.Continuation`),
/// up to `capacity` distinct counts, so that a book-length text stays in bounded memory.
struct RepeatLinker {
    /// What makes two figures the same count.
    struct Key: Hashable, Sendable {
        let value: Int
        let category: String?
        let start: DateValue?
        let end: DateValue?

        /// The category is left out of the hash (a String hashes through Unicode normalisation, the
        /// costliest part of the look-up); equality still compares it.
        func hash(into hasher: inout Hasher) {
            hasher.combine(value)
            hasher.combine(start)
            hasher.combine(end)
        }
    }

    static let capacity = 100_000

    /// `first`: the document's first figure of each key so far (document-wide indices);
    /// `base`: the document-wide index of `drafts[0]`.
    func link(_ drafts: inout [FigureDraft], base: Int, first: inout [Key: Int]) {
        // Room for the section's figures at once, so the table is not grown figure by figure.
        first.reserveCapacity(min(RepeatLinker.capacity, first.count + drafts.count))
        for index in drafts.indices {
            // The four fields read in place: a figure copied out retained and released every string it holds.
            let period = drafts[index].figure.period
            let key = Key(value: drafts[index].figure.value, category: drafts[index].figure.category, start: period?.start, end: period?.end)
            if let earlier = first[key] {
                // Stored document-wide; a figure's fields hold section-local indices until the extractor rebases them.
                drafts[index].figure.repeats = earlier - base
            } else if first.count < RepeatLinker.capacity {
                first[key] = base + index
            }
        }
    }
}
