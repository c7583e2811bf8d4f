/// The shapes a gazetteer rule's key may take (../shared/actors-and-places.md), checked when the rules load
/// so that a mistyped key stops the run at its file, line and column instead of reaching a dataset.
///
/// - place: an ISO 3166-1 alpha-2 code (`SY`) or an ISO 3166-2 code (`SY-ID`: the country, a hyphen, one to
///   three capitals or digits);
/// - nationality: an ISO 3166-1 alpha-2 code;
/// - actor: `xx.state` (xx a lower-case alpha-2 code), `*.state`, `group.NAME`, `coalition.NAME`, `unknown`,
///   `individual`;
/// - source: `org.NAME`, `media.NAME`, `gov.xx.BODY` or `gov.*.BODY` (BODY one of `GovernmentBody`), or an actor
///   key of a party that reports (`xx.state`, `*.state`, `group.NAME`, `coalition.NAME`).
///
/// NAME is lower-case ASCII letters, digits and underscores, starting with a letter.
enum NameKeyShape {
    /// The five bodies of a state that a source key may name.
    static let governmentBodies: Set<String> = ["health", "emergency", "security", "local", "government"]

    /// nil when `key` is well formed for a rule of `kind`, else what was expected, for the diagnostic.
    static func problem(kind: String, key: String) -> String? {
        switch kind {
        case "place":
            return isPlaceCode(key) ? nil
                : "'\(key)' is not an ISO 3166 code; expected a country (SY) or a first-level division (SY-ID), in capitals"
        case "nationality":
            return isCountryCode(key) ? nil : "'\(key)' is not an ISO 3166-1 alpha-2 code; expected two capitals (SY)"
        case "actor":
            return isActorKey(key) ? nil
                : "'\(key)' is no actor key; expected xx.state, *.state, group.NAME, coalition.NAME, unknown or individual (NAME: lower case, digits, _)"
        case "source":
            return isSourceKey(key) || isReportingParty(key) ? nil
                : "'\(key)' is no source key; expected org.NAME, media.NAME, gov.xx.BODY or gov.*.BODY (BODY: health, emergency, security, local, government), or a party's actor key"
        default:
            return nil
        }
    }

    static func isCountryCode<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { (0x41...0x5A).contains($0) }
    }

    static func isPlaceCode(_ key: String) -> Bool {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), isCountryCode(parts[0]) else { return false }
        guard parts.count == 2 else { return true }
        return (1...3).contains(parts[1].utf8.count)
            && parts[1].utf8.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }
    }

    /// The country of a place code: its first two letters.
    static func country(ofPlace key: String) -> String { String(key.prefix(2)) }

    static func isActorKey(_ key: String) -> Bool {
        namesNoParty(key) || isReportingParty(key)
    }

    /// `unknown` (a doer named without a group) and `individual` (a private person): actors that are no party,
    /// so never a body that reports a figure.
    static func namesNoParty(_ key: String) -> Bool { key == "unknown" || key == "individual" }

    /// A state, a group or a coalition: parties that act and may also report.
    static func isReportingParty(_ key: String) -> Bool {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        switch parts[0] {
        case "group", "coalition": return isName(parts[1])
        default: return parts[1] == "state" && (parts[0] == "*" || isLowerCountry(parts[0]))
        }
    }

    static func isSourceKey(_ key: String) -> Bool {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        switch (parts.first, parts.count) {
        case ("org", 2), ("media", 2): return isName(parts[1])
        case ("gov", 3): return (parts[1] == "*" || isLowerCountry(parts[1])) && governmentBodies.contains(String(parts[2]))
        default: return false
        }
    }

    private static func isLowerCountry(_ text: Substring) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { (0x61...0x7A).contains($0) }
    }

    private static func isName(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, (0x61...0x7A).contains(first) else { return false }
        return text.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
    }
}
