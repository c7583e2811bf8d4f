/// Clitic prefixes attached in front of a stem ("و" + "ال"), and the classes they belong to (bit i:
/// class i of clitics.grammar), as `Lexicon` generates a stem's forms.
struct PrefixChain {
    let scalars: [UInt32]
    let classes: UInt8
}
