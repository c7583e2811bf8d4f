/// Compares extractions with gold. A predicted figure matches a gold one of the same document
/// when their spans overlap and their values are equal; a date, when the spans overlap.
public struct Evaluator {
    public init() {}

    public func evaluate(_ extractions: [DocumentExtraction], figures gold: [GoldFigure], dates goldDates: [GoldDate],
                         scoreDates: Bool = true) -> Evaluation {
        var result = Evaluation()
        let documents = Set(extractions.map(\.document))
        let goldByDoc = Dictionary(grouping: gold.filter { documents.contains($0.doc) }, by: \.doc)
        let datesByDoc = Dictionary(grouping: goldDates.filter { documents.contains($0.doc) }, by: \.doc)
        for extraction in extractions.sorted(by: { $0.document < $1.document }) {
            let doc = extraction.document
            let expected = (goldByDoc[doc] ?? []).sorted { $0.offset < $1.offset }
            var used = Set<Int>()
            var goldToPredicted: [Int: Int] = [:]   // gold offset → predicted index
            var matches: [(GoldFigure, Int)] = []
            for item in expected {
                if let index = extraction.figures.indices.first(where: { !used.contains($0)
                    && extraction.figures[$0].range.overlaps(item.range) && extraction.figures[$0].value == item.value }) {
                    used.insert(index)
                    goldToPredicted[item.offset] = index
                    matches.append((item, index))
                } else {
                    result.figures.falseNegatives += 1
                    result.differences.append(.init(kind: .missed, dimension: "figure", doc: doc, offset: item.offset, text: item.surface,
                                                    detail: "\(item.value) \(item.qualifier) \(item.category ?? "null")"))
                }
            }
            for (index, figure) in extraction.figures.enumerated() where !used.contains(index) {
                result.figures.falsePositives += 1
                result.differences.append(.init(kind: .extra, dimension: "figure", doc: doc, offset: figure.range.lowerBound, text: figure.text,
                                                detail: "\(figure.value) \(figure.qualifier.rawValue) \(figure.category ?? "null")"))
            }
            result.figures.truePositives += matches.count
            for (item, index) in matches {
                let figure = extraction.figures[index]
                func check(_ field: WritableKeyPath<Evaluation, Evaluation.FieldAccuracy>, _ name: String, _ ok: Bool, _ want: String, _ got: String) {
                    result[keyPath: field].total += 1
                    if ok { result[keyPath: field].correct += 1 } else {
                        result.differences.append(.init(kind: .wrong, dimension: name, doc: doc, offset: item.offset, text: item.surface,
                                                        detail: "expected \(want), found \(got)"))
                    }
                }
                check(\.span, "span", figure.range == item.range, "\(item.range)", "\(figure.range) «\(figure.text)»")
                check(\.qualifier, "qualifier", figure.qualifier.rawValue == item.qualifier, item.qualifier, figure.qualifier.rawValue)
                check(\.category, "category", figure.category == item.category, item.category ?? "null", figure.category ?? "null")
                result.categoryConfusion[item.category ?? "null", default: [:]][figure.category ?? "null", default: 0] += 1
                let expectedParent = item.parent.flatMap { goldToPredicted[$0] }
                let parentOK = item.parent == nil ? figure.parent == nil : (figure.parent != nil && figure.parent == expectedParent)
                let foundParent = figure.parent.map { String(extraction.figures[$0].range.lowerBound) } ?? "null"
                check(\.parent, "parent", parentOK, item.parent.map(String.init) ?? "null", foundParent)
                let got = figure.period.map { GoldPeriod(start: $0.start?.description, end: $0.end?.description) }
                check(\.period, "period", got == item.period, describe(item.period), describe(got))
                if let actors = item.actors {
                    let found = figure.actors.map(\.key)
                    check(\.actors, "actors", found == actors, describe(actors), describe(found))
                }
                for (field, name, want, got) in [(\Evaluation.place, "place", item.place, figure.place?.key),
                                                  (\.country, "country", item.country, figure.country),
                                                  (\.source, "source", item.source, figure.source?.key)] {
                    guard let want else { continue }
                    check(field, name, want == got, want ?? "null", got ?? "null")
                }
            }
            guard scoreDates else { continue }
            let expectedDates = (datesByDoc[doc] ?? []).sorted { $0.offset < $1.offset }
            var usedDates = Set<Int>()
            for item in expectedDates {
                if let index = extraction.dates.indices.first(where: { !usedDates.contains($0) && extraction.dates[$0].range.overlaps(item.range) }) {
                    usedDates.insert(index)
                    result.dates.truePositives += 1
                    let date = extraction.dates[index]
                    result.span.total += 1
                    if date.range == item.range { result.span.correct += 1 } else {
                        result.differences.append(.init(kind: .wrong, dimension: "date span", doc: doc, offset: item.offset, text: item.surface,
                                                        detail: "expected \(item.range), found \(date.range) «\(date.text)»"))
                    }
                    let ok = item.relative ? date.relative : (!date.relative && date.value?.description == item.value)
                    result.dateValue.total += 1
                    if ok { result.dateValue.correct += 1 } else {
                        result.differences.append(.init(kind: .wrong, dimension: "date value", doc: doc, offset: item.offset, text: item.surface,
                                                        detail: "expected \(item.relative ? "relative" : item.value ?? "null"), found \(date.relative ? "relative" : date.value?.description ?? "null") (\(date.text))"))
                    }
                } else {
                    result.dates.falseNegatives += 1
                    result.differences.append(.init(kind: .missed, dimension: "date", doc: doc, offset: item.offset, text: item.surface,
                                                    detail: item.relative ? "relative" : item.value ?? "null"))
                }
            }
            for (index, date) in extraction.dates.enumerated() where !usedDates.contains(index) {
                result.dates.falsePositives += 1
                result.differences.append(.init(kind: .extra, dimension: "date", doc: doc, offset: date.range.lowerBound, text: date.text,
                                                detail: date.relative ? "relative" : date.value?.description ?? "null"))
            }
        }
        return result
    }

    private func describe(_ keys: [String]) -> String { "[" + keys.joined(separator: ", ") + "]" }

    private func describe(_ period: GoldPeriod?) -> String {
        guard let period else { return "null" }
        return "\(period.start ?? "null")..\(period.end ?? "null")"
    }
}
