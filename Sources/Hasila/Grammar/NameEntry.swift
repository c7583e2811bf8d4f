/// What a gazetteer rule (`place`, `place … town`, `nationality`, `actor`, `source`) says of its names:
/// their kind and their key.
struct NameEntry: Sendable {
    let kind: NameMention.Kind
    let key: String
}
