import Foundation
import Hasila

/// Renders an evaluation for people (text) or machines (JSON).
enum EvaluationReport {
    static func text(_ e: Evaluation) -> String {
        func pct(_ x: Double) -> String { String(format: "%.4f", x) }
        func score(_ name: String, _ s: Evaluation.Score) -> String {
            "\(name): precision \(pct(s.precision))  recall \(pct(s.recall))  F1 \(pct(s.f1))  (matched \(s.truePositives), missed \(s.falseNegatives), extra \(s.falsePositives))\n"
        }
        func field(_ name: String, _ f: Evaluation.FieldAccuracy) -> String {
            "  \(name) accuracy \(pct(f.accuracy))  (\(f.correct)/\(f.total))\n"
        }
        var out = score("figures", e.figures)
        out += field("exact span", e.span) + field("qualifier", e.qualifier) + field("category", e.category) + field("parent", e.parent) + field("period", e.period)
        out += field("actors", e.actors) + field("place", e.place) + field("country", e.country) + field("source", e.source)
        if e.dates.truePositives + e.dates.falseNegatives + e.dates.falsePositives > 0 {
            out += score("dates", e.dates) + field("value", e.dateValue)
        }
        let confused = e.confusedCategories
        if !confused.isEmpty {
            out += "\ncategory confusion (gold -> found: figures):\n"
            for pair in confused { out += "  \(pair.gold) -> \(pair.found): \(pair.count)\n" }
        }
        if !e.differences.isEmpty { out += "\ndifferences:\n" }
        for d in e.differences {
            out += "  \(d.kind.rawValue) \(d.dimension)  \(d.doc)@\(d.offset)  «\(d.text)»  \(d.detail)\n"
        }
        return out
    }

    static func json(_ e: Evaluation) -> String {
        func score(_ s: Evaluation.Score) -> [String: Any] {
            ["precision": s.precision, "recall": s.recall, "f1": s.f1, "matched": s.truePositives, "missed": s.falseNegatives, "extra": s.falsePositives]
        }
        func field(_ f: Evaluation.FieldAccuracy) -> [String: Any] { ["accuracy": f.accuracy, "correct": f.correct, "total": f.total] }
        let object: [String: Any] = [
            "figures": score(e.figures), "dates": score(e.dates),
            "span": field(e.span), "qualifier": field(e.qualifier), "category": field(e.category), "parent": field(e.parent), "period": field(e.period),
            "date_value": field(e.dateValue),
            "actors": field(e.actors), "place": field(e.place), "country": field(e.country), "source": field(e.source),
            "category_confusion": e.categoryConfusion,
            "differences": e.differences.map {
                ["kind": $0.kind.rawValue, "dimension": $0.dimension, "doc": $0.doc, "offset": $0.offset, "text": $0.text, "detail": $0.detail]
            },
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
