/// Runs a grammar example through the whole extractor and says whether it holds.
///
/// A "+" example holds when one record has every expectation (a number is the value, a
/// qualifier or category key must match, "null" is no category, an ISO date is a date's value,
/// "relative" a relative date, "cumulative" a running total; `place:KEY`, `country:CC`, `source:KEY` the figure's linked names, `none`
/// for null; `actor:KEY`, repeated, its actors in order, `actor:none` none). A "-" example holds when no record has all of them; with no
/// expectations, when the text gives no figure (or, in Grammars/dates, no date) at all.
public struct GrammarExampleRunner {
    let extractor: Extractor

    public init(extractor: Extractor) { self.extractor = extractor }

    /// nil when the example holds, else what went wrong.
    public func check(_ example: GrammarExample) -> String? {
        let result = extractor.extract(example.text, document: "example")
        // Examples of Grammars/dates test dates; elsewhere a bare number is a figure's value, never a year.
        let isDateExample = example.file.contains("/dates/")
            || example.expectations.contains { $0 == "relative" || ($0.contains("-") && DateValue(iso: $0) != nil) }
        let found: [String]
        let matching: Int
        if isDateExample {
            found = result.dates.map { "\($0.text)=\($0.relative ? "relative" : $0.value?.description ?? "null")" }
            matching = result.dates.filter { date in example.expectations.allSatisfy { holds($0, date: date) } }.count
        } else {
            let actors = example.expectations.filter { $0.hasPrefix("actor:") }.map { String($0.dropFirst(6)) }.filter { $0 != "none" }
            let linked = !actors.isEmpty || example.expectations.contains { GrammarExampleRunner.isLinkExpectation($0) }
            found = result.figures.map { figure in
                "\(figure.text)=\(figure.value) \(figure.qualifier.rawValue) \(figure.category ?? "null")" + (linked ? " " + describeLinks(figure) : "")
            }
            matching = result.figures.filter { figure in
                example.expectations.allSatisfy { $0.hasPrefix("actor:") || holds($0, figure: figure) }
                    && (!example.expectations.contains { $0.hasPrefix("actor:") } || figure.actors.map(\.key) == actors)
            }.count
        }
        if example.mustMatch && matching == 0 {
            return "«\(example.text)» should give \(example.expectations.joined(separator: " ")); found \(found.isEmpty ? "nothing" : found.joined(separator: "; "))"
        }
        if !example.mustMatch && matching > 0 {
            return "«\(example.text)» should not give \(example.expectations.isEmpty ? "anything" : example.expectations.joined(separator: " ")); found \(found.joined(separator: "; "))"
        }
        return nil
    }

    /// An expectation about a linked name: `actor:`, `place:`, `country:` or `source:` and a key (or `none`).
    static func isLinkExpectation(_ expectation: String) -> Bool {
        ["actor:", "place:", "country:", "source:"].contains { expectation.hasPrefix($0) }
    }

    /// The figure's linked names as the expectations write them.
    private func describeLinks(_ figure: Figure) -> String {
        let actors = figure.actors.isEmpty ? ["actor:none"] : figure.actors.map { "actor:\($0.key)" }
        return (actors + ["place:\(figure.place?.key ?? "none")", "country:\(figure.country ?? "none")",
                          "source:\(figure.source?.key ?? "none")"]).joined(separator: " ")
    }

    private func holds(_ expectation: String, figure: Figure) -> Bool {
        if let colon = expectation.firstIndex(of: ":"), GrammarExampleRunner.isLinkExpectation(expectation) {
            let key = String(expectation[expectation.index(after: colon)...])
            let want: String? = key == "none" ? nil : key
            switch expectation[..<colon] {
            case "place": return figure.place?.key == want
            case "country": return figure.country == want
            default: return figure.source?.key == want
            }
        }
        if let value = Int(expectation) { return figure.value == value }
        if let qualifier = Qualifier(rawValue: expectation) { return figure.qualifier == qualifier }
        if expectation == "null" { return figure.category == nil }
        if expectation == "cumulative" { return figure.cumulative }
        return figure.category == expectation
    }

    private func holds(_ expectation: String, date: DateMention) -> Bool {
        if expectation == "relative" { return date.relative }
        return !date.relative && date.value?.description == expectation
    }
}
