import XCTest
@testable import Hasila

/// The project's own Corpus/ (composed for Hasila, with gold written by ../shared's rules)
/// passes only at figure F1 ≥ 0.98, field accuracies ≥ 0.95 and date F1 ≥ 0.97.
final class CorpusEvaluationTests: XCTestCase {
    func testTheCorpusIsLargeAndVaried() throws {
        let documents = try DocumentCollector.collect([SharedMaterial.corpus + "/documents"])
        XCTAssertGreaterThanOrEqual(documents.count, 40)
        let gold = try GoldReader.read(directory: SharedMaterial.corpus + "/gold")
        let categories = Set(gold.figures.compactMap(\.category))
        let taxonomy = ["killed", "killed.civilians", "killed.children", "killed.women", "killed.medical", "killed.journalists",
                        "killed.torture", "injured", "detained", "disappeared", "displaced", "refugees", "population", "massacres",
                        "attacks", "attacks.facilities", "attacks.mosques", "attacks.schools", "attacks.medical", "attacks.markets",
                        "airstrikes", "munitions", "munitions.cluster", "munitions.incendiary", "munitions.chemical", "munitions.barrel_bombs"]
        XCTAssertEqual(categories, Set(taxonomy), "every category of the taxonomy appears in the gold")
        XCTAssertEqual(Set(gold.figures.map(\.qualifier)), ["at_least", "more_than", "about", "at_most", "less_than", "exact"])
        // Two-level breakdowns: a figure whose parent itself has a parent.
        let byOffset = Dictionary(gold.figures.map { ("\($0.doc)@\($0.offset)", $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertTrue(gold.figures.contains { f in f.parent.flatMap { byOffset["\(f.doc)@\($0)"]?.parent } != nil })
        // A breakdown whose total comes after it.
        XCTAssertTrue(gold.figures.contains { f in f.parent.map { $0 > f.offset } ?? false })
        XCTAssertGreaterThan(gold.dates.count, 100)
    }

    func testTheCorpusGoldIsConsistentWithItsDocuments() throws {
        let gold = try GoldReader.read(directory: SharedMaterial.corpus + "/gold")
        var texts: [String: String] = [:]
        for item in gold.figures {
            let text = try texts[item.doc] ?? String(contentsOfFile: SharedMaterial.corpus + "/documents/\(item.doc).txt", encoding: .utf8)
            texts[item.doc] = text
            XCTAssertEqual(text.codePoints(item.range), item.surface, "\(item.doc)@\(item.offset)")
        }
    }

    func testEvaluationOnTheCorpusPassesTheThresholds() throws {
        let gold = try GoldReader.read(directory: SharedMaterial.corpus + "/gold")
        let extractions = try TestGrammar.extractAll([SharedMaterial.corpus + "/documents"])
        let result = Evaluator().evaluate(extractions, figures: gold.figures, dates: gold.dates)
        XCTAssertGreaterThanOrEqual(result.figures.f1, 0.98)
        XCTAssertGreaterThanOrEqual(result.span.accuracy, 0.99, "spans are exact, not just overlapping")
        XCTAssertGreaterThanOrEqual(result.qualifier.accuracy, 0.95)
        XCTAssertGreaterThanOrEqual(result.category.accuracy, 0.95)
        XCTAssertGreaterThanOrEqual(result.parent.accuracy, 0.95)
        XCTAssertGreaterThanOrEqual(result.period.accuracy, 0.95)
        XCTAssertGreaterThanOrEqual(result.dates.f1, 0.97)
        XCTAssertGreaterThanOrEqual(result.dateValue.accuracy, 0.95)
        // Issue 9: who and where (../shared/actors-and-places.md), once the grammars have a gazetteer.
        if !TestGrammar.shared.tables.names.isEmpty {
            XCTAssertGreaterThanOrEqual(result.actors.accuracy, 0.95, "actors")
            XCTAssertGreaterThanOrEqual(result.place.accuracy, 0.95, "place")
            XCTAssertGreaterThanOrEqual(result.country.accuracy, 0.95, "country")
            XCTAssertGreaterThanOrEqual(result.source.accuracy, 0.95, "source")
        }
    }

    func testTheEvalCommandFailsBelowItsThresholds() throws {
        let corpus = SharedMaterial.corpus
        let pass = try CLI.run(["eval", "--gold", corpus + "/gold", "--min-f1", "0.98", "--min-accuracy", "0.95", corpus + "/documents"])
        XCTAssertEqual(pass.status, 0, pass.stdout)
        XCTAssertTrue(pass.stdout.hasPrefix("figures: precision"))
        let impossible = try CLI.run(["eval", "--gold", corpus + "/gold", "--min-accuracy", "1.01", corpus + "/documents"])
        XCTAssertEqual(impossible.status, 1)
    }

    func testMissesExtrasAndWrongFieldsAreListed() throws {
        // Gold with one figure the text does not hold and one wrong qualifier.
        let folder = TemporaryFolder()
        folder.write("docs/d.txt", "مقتل ما لا يقل عن 40 مدنيا و7 أطفال")
        folder.write("gold/figures.jsonl", """
            {"doc":"d","offset":18,"surface":"40","value":40,"qualifier":"exact","category":"killed.civilians","parent":null,"period":null}
            {"doc":"d","offset":0,"surface":"مقتل","value":99,"qualifier":"exact","category":null,"parent":null,"period":null}
            """)
        let result = try CLI.run(["eval", "--json", "--gold", folder.path + "/gold", folder.path + "/docs"])
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let differences = try XCTUnwrap(report["differences"] as? [[String: Any]])
        XCTAssertTrue(differences.contains { $0["kind"] as? String == "missed" && $0["text"] as? String == "مقتل" })
        XCTAssertTrue(differences.contains { $0["kind"] as? String == "extra" && $0["text"] as? String == "7" })
        XCTAssertTrue(differences.contains { $0["kind"] as? String == "wrong" && $0["dimension"] as? String == "qualifier" })
        let figures = try XCTUnwrap(report["figures"] as? [String: Any])
        XCTAssertEqual(figures["precision"] as? Double, 0.5)
        XCTAssertEqual(figures["recall"] as? Double, 0.5)
    }
}
