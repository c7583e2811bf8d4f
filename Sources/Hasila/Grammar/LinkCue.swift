/// A cue word of the linking stage (Grammars/cues/actors.grammar, sources.grammar, places.grammar):
/// what it says about the names near it, and where its rule was written (for `--explain`).
struct LinkCue: Sendable {
    enum Kind: String, Sendable, CaseIterable {
        /// Names the doer of the act after it: "على يد X", "بنيران X", "جراء قصف X", "في سجون X".
        case agent = "agent-cue"
        /// A verb whose pronoun agrees with the nearest figure before it, naming its doer after it:
        /// "وهجوما واحدا شنته X" gives X to that one figure only.
        case agentVerb = "agent-verb"
        /// Names the doer of the act before it: "X مسؤول عن N".
        case agentAfter = "agent-after"
        /// A clash with one side ("اشتباكات مع X") or between sides ("معارك بين A و B"): all named are actors.
        case clash
        /// A claim of responsibility: the claimer is the actor, not a source ("تبنى X", "أعلن X مسؤوليته").
        case claim
        /// An attribution verb or preposition: the body named after it is the source ("أفاد X", "بحسب X").
        case attribution
        /// Who speaks for a body, between an attribution and the body ("قال المتحدث الرسمي باسم X", "بحسب مدير X"):
        /// the body is the source.
        case spokesman
        /// An attribution to no named body ("مصادر محلية", "شهود عيان"): the figure's source is null.
        case unnamedSource = "unnamed-source"
        /// A hedge ("معظمها", "أغلبهم"): the actor or place after it is not the whole figure's.
        case hedge
        /// A place said relative to another ("جنوب X", "قرب X"): X locates the place named before it, it is not a
        /// second place of the figure.
        case near = "place-relative"
        /// A definite speaker or body that points back to the one an earlier attribution named ("وقال المصدر",
        /// "وبينت الوزارة"): the figure's source is that attribution's (null when it was unnamed).
        case sourceBack = "source-back-reference"
    }

    let kind: Kind
    /// file:line of the rule.
    let rule: String
    /// `rule` interned (`LinkRuleNames`): what the linking stage's cues carry.
    let ruleID: Int32

    init(kind: Kind, rule: String) {
        self.kind = kind
        self.rule = rule
        ruleID = LinkRuleNames.id(rule)
    }
}
