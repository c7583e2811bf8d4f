/// Runs a grammar example through the whole extractor and says whether it holds.
///
/// A "+" example holds when one record has every expectation (a number is the value, a
/// qualifier or category key must match, "null" is no category, an ISO date is a date's value,
/// "relative" a relative date, "cumulative" a running total). A "-" example holds when no record has all of them; with no
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
            found = result.figures.map { "\($0.text)=\($0.value) \($0.qualifier.rawValue) \($0.category ?? "null")" }
            matching = result.figures.filter { figure in example.expectations.allSatisfy { holds($0, figure: figure) } }.count
        }
        if example.mustMatch && matching == 0 {
            return "«\(example.text)» should give \(example.expectations.joined(separator: " ")); found \(found.isEmpty ? "nothing" : found.joined(separator: "; "))"
        }
        if !example.mustMatch && matching > 0 {
            return "«\(example.text)» should not give \(example.expectations.isEmpty ? "anything" : example.expectations.joined(separator: " ")); found \(found.joined(separator: "; "))"
        }
        return nil
    }

    private func holds(_ expectation: String, figure: Figure) -> Bool {
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
