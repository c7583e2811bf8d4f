/// A name the linking stage attached to a figure: an actor, its place or its source, as a key of
/// the gazetteer (Grammars/places, actors, sources) with the words of the document that named it.
///
/// `range` is in code points of the original document, like a figure's, so `text == original[range]`.
/// A key written with `*` in the grammar ("*.state") comes out filled ("sy.state").
public struct LinkedName: Sendable, Equatable {
    public var key: String
    public var text: String
    public var range: Range<Int>

    public init(key: String, text: String, range: Range<Int>) {
        self.key = key
        self.text = text
        self.range = range
    }
}
