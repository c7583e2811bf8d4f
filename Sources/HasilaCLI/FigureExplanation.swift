import Hasila

/// Renders why a figure came out as it did: its record, the gold one if there is one, then every
/// decision in the order the readers took it (the last decision of a field is the one that stands).
enum FigureExplanation {
    static func text(_ extraction: DocumentExtraction, figure index: Int, decisions: [DecisionTrace.Decision], gold: GoldFigure?) -> String {
        let figure = extraction.figures[index]
        func period(_ start: String?, _ end: String?) -> String { start == nil && end == nil ? "null" : "\(start ?? "null")..\(end ?? "null")" }
        let parent = figure.parent.map { "\(extraction.figures[$0].range.lowerBound) «\(extraction.figures[$0].text)»" } ?? "null"
        var out = "\(extraction.document)@\(figure.range.lowerBound) «\(figure.text)» value \(figure.value)\n"
        out += "  found:    qualifier \(figure.qualifier.rawValue), category \(figure.category ?? "null"), parent \(parent), "
            + "period \(period(figure.period?.start?.description, figure.period?.end?.description))\n"
        let when = figure.when.map { "\($0.start?.description ?? "null")..\($0.end?.description ?? "null") \($0.basis.rawValue)" } ?? "null"
        out += "  dates:    document \(extraction.documentDate?.description ?? "null"), when \(when), cumulative \(figure.cumulative), "
            + "repeats \(figure.repeats.map { "\(extraction.figures[$0].range.lowerBound) «\(extraction.figures[$0].text)»" } ?? "null")\n"
        if let gold {
            out += "  expected: qualifier \(gold.qualifier), category \(gold.category ?? "null"), parent \(gold.parent.map(String.init) ?? "null"), "
                + "period \(period(gold.period?.start, gold.period?.end))\n"
        }
        let actors = "[" + figure.actors.map(\.key).joined(separator: ", ") + "]"
        out += "  found:    actors \(actors), place \(figure.place?.key ?? "null"), country \(figure.country ?? "null"), source \(figure.source?.key ?? "null")\n"
        if let gold, gold.actors != nil || gold.place != nil || gold.country != nil || gold.source != nil {
            func given(_ value: String??) -> String { value.map { $0 ?? "null" } ?? "-" }
            out += "  expected: actors \(gold.actors.map { "[" + $0.joined(separator: ", ") + "]" } ?? "-"), place \(given(gold.place)), "
                + "country \(given(gold.country)), source \(given(gold.source))\n"
        }
        if decisions.isEmpty { out += "  no rule decided anything: an exact figure with no category, parent or period\n" }
        for decision in decisions {
            var line = "  \(decision.field.rawValue): \(decision.value) <- \(decision.reader)"
            if let words = decision.words, let range = decision.range { line += " «\(words)» @\(range.lowerBound)" }
            if let rule = decision.rule { line += " [\(rule)]" }
            out += line + "\n"
        }
        return out
    }
}
