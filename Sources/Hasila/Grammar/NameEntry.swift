/// What a gazetteer rule (`place`, `place … town`, `nationality`, `actor`, `source`) says of its names:
/// their kind and their key, and where the rule was written (file:line) for a researcher.
struct NameEntry: Sendable {
    let kind: NameMention.Kind
    let key: String
    var rule = ""
    /// A `place KEY dateline` name: a place only in a news item's dateline ("عمان –"), elsewhere no name.
    var datelineOnly = false
    /// An `actor by-country CC:KEY …` name: the key for each country the name is read in ("طيران التحالف" is the
    /// Saudi-led coalition over Yemen, the anti-ISIS one over Syria), nothing elsewhere. Its `key` is then "*".
    var byCountry: [String: String] = [:]
    /// An `actor back-reference CC:KEY …` entry: its words are no name; an actor-back-reference cue of those words
    /// that finds no party named before it takes the key for the document's country.
    var backReferenceOnly = false
    /// Whether the key holds a `*` (`NameMention.hasStar`).
    let hasStar: Bool

    /// The key is kept as a String of its own bytes, which Swift stores inline when it is short (most keys are:
    /// "SY-ID", "sy.state"): every name the linkers copy then copies its key without reference counting.
    init(kind: NameMention.Kind, key: String, rule: String = "", datelineOnly: Bool = false) {
        self.kind = kind
        self.key = String(decoding: Array(key.utf8), as: UTF8.self)
        hasStar = NameMention.holdsStar(key)
        self.rule = rule
        self.datelineOnly = datelineOnly
    }
}
