/// A name of the gazetteer found in a document's normalised text (`NameFinder`): a place, a town, a
/// nationality adjective, an actor or a source, by its key.
///
/// `start` and `end` are code-point offsets in the normalised text, like other mentions; a key may
/// hold `*` ("*.state") that the linking stage fills with a country.
public struct NameMention: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case place, town, nationality, actor, source
    }

    public var kind: Kind
    public var key: String { didSet { hasStar = NameMention.holdsStar(key) } }
    public var start: Int
    public var end: Int
    /// A name of a `place KEY dateline` rule: a place only where it stands as a news item's dateline ("عمان –",
    /// Amman), since elsewhere the same word may name something else (Oman). The linking stage drops it elsewhere.
    public var datelineOnly: Bool
    /// The gazetteer entry it was found by (its index among the grammar's names), -1 when not known: a
    /// `by-country` name's key is read from it once the country is known.
    var entry: Int32 = -1
    /// Whether the key holds a `*` to fill: known when the mention is made (the name finder takes it from the
    /// gazetteer entry), since the linkers ask it of every name they read and scanning the key cost more than all
    /// else they do with it.
    private(set) var hasStar: Bool

    public init(kind: Kind, key: String, start: Int, end: Int, datelineOnly: Bool = false) {
        self.init(kind: kind, key: key, start: start, end: end, datelineOnly: datelineOnly, hasStar: NameMention.holdsStar(key))
    }

    init(kind: Kind, key: String, start: Int, end: Int, datelineOnly: Bool = false, hasStar: Bool) {
        self.kind = kind
        self.key = key
        self.start = start
        self.end = end
        self.datelineOnly = datelineOnly
        self.hasStar = hasStar
    }

    /// Whether a key holds `*`.
    static func holdsStar(_ key: String) -> Bool { key.utf8.contains(0x2A) }
}
