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
        /// A word that joins an ally to the doers before it ("وحليفتها"): a country or nationality adjective
        /// right after it is that state ("قوات النظام وحليفتها روسيا").
        case ally
        /// A definite noun that points back to a party named earlier with the same head noun ("التنظيم" after
        /// "تنظيم الدولة", "الجماعة" after "جماعة بوكو حرام"): it names that party.
        case actorBack = "actor-back-reference"
        /// A pronoun subject ("أنها استخدمت"، "غاراتهما المشتركة استهدفت") before the figure: its doer is the subject
        /// of the figure before it in its sentence, else the last party the sentence named before it.
        case actorPronoun = "actor-pronoun"
        /// A possessive act after the figure ("مقتل 11 مدنيا في غاراته"): its doer is the last party the sentence
        /// named before the figure.
        case actorPossessive = "actor-possessive"
        /// Words that open a phrase about an occasion or a topic ("بمناسبة"، "في ذكرى"): a place in it, up to the
        /// next comma, qualifies that noun, not where the figure happened.
        case occasion
        /// A noun of land or water whose nationality adjective names the place ("الأراضي الروسية"،
        /// "السواحل التونسية"): that country.
        case territory
        /// A clause that states the result of the figure before it in its sentence ("أسفرت عن"، "ما أدى إلى"،
        /// "قتل فيها"): with no place of its own, the figure happened where that one did.
        case result
        /// A definite place noun that points back to the place named before it in the sentence ("المدينة"،
        /// "المنطقة"، "المحافظة"): that place.
        case placeBack = "place-back-reference"
        /// Where most of a figure's people come from ("معظمهم من السودان"): no place of the figure, and no hedge.
        case origin
        /// A locative preposition between a state named without its country and a place ("السلطات في السعودية"):
        /// the `*` of its key is that place's country.
        case locative
        /// A verb of accusing ("اتهم المرصد X باستخدام …"): the last party named within reach after it is the actor
        /// the sentence accuses, one before it (the accuser) is not.
        case accusation
        /// A definite noun for the document's own country ("في البلاد"، "في المملكة"): that country as a place.
        case countryBack = "country-back-reference"
        /// Words that open an act's target ("تفجير استهدف مركزا للشرطة"، "هجوم على آلية للشرطة"): a party named after
        /// them is the target's, not the doer; the doer's search stops there.
        case target
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
