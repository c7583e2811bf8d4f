/// What a gazetteer rule (`place`, `place … town`, `nationality`, `actor`, `source`) says of its names:
/// their kind and their key, and where the rule was written (file:line) for a researcher.
struct NameEntry: Sendable {
    let kind: NameMention.Kind
    let key: String
    var rule = ""
    /// A `place KEY dateline` name: a place only in a news item's dateline ("عمان –"), elsewhere no name.
    var datelineOnly = false

    /// The key is kept as a String of its own bytes, which Swift stores inline when it is short (most keys are:
    /// "SY-ID", "sy.state"): every name the linkers copy then copies its key without reference counting.
    init(kind: NameMention.Kind, key: String, rule: String = "", datelineOnly: Bool = false) {
        self.kind = kind
        self.key = String(decoding: Array(key.utf8), as: UTF8.self)
        self.rule = rule
        self.datelineOnly = datelineOnly
    }
}
