/// What a gazetteer rule (`place`, `place … town`, `nationality`, `actor`, `source`) says of its names:
/// their kind and their key, and where the rule was written (file:line) for a researcher.
struct NameEntry: Sendable {
    let kind: NameMention.Kind
    let key: String
    var rule = ""
    /// A `place KEY dateline` name: a place only in a news item's dateline ("عمان –"), elsewhere no name.
    var datelineOnly = false
}
