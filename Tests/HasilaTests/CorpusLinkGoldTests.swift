import Foundation
import XCTest

/// The Corpus gold's actors, place, country and source (../shared/actors-and-places.md) are
/// scored by `hasila eval`, so a malformed key or a place that contradicts its country would
/// silently lower every score. These tests read the gold lines as raw JSON, independently of
/// the reader that scores them, and check that the keys are well formed and that the series
/// composed for these fields (g) covers every kind of actor, place and source the rules name.
final class CorpusLinkGoldTests: XCTestCase {
    /// One gold figure line with the four fields as written (a missing field stays absent).
    private struct Line {
        let id: String
        let actors: [String]?
        let place: String??
        let country: String??
        let source: String??
    }

    private func lines(series: String? = nil) throws -> [Line] {
        let folder = SharedMaterial.corpus + "/gold"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasPrefix("figures-") && $0.hasSuffix(".jsonl") }
            .filter { series == nil || $0 == "figures-\(series!).jsonl" }
        var result: [Line] = []
        for name in names.sorted() {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            for (number, row) in text.split(separator: "\n").enumerated() {
                let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any],
                                           "\(name):\(number + 1)")
                func key(_ field: String) -> String?? {
                    guard let value = object[field] else { return .none }
                    return .some(value as? String)
                }
                let id = "\(name):\(number + 1) \(object["doc"] ?? "")@\(object["offset"] ?? "")"
                if let actors = object["actors"] {
                    let keys = try XCTUnwrap(actors as? [String], "\(id): actors must be a list of keys")
                    result.append(Line(id: id, actors: keys, place: key("place"), country: key("country"), source: key("source")))
                } else {
                    result.append(Line(id: id, actors: nil, place: key("place"), country: key("country"), source: key("source")))
                }
            }
        }
        return result
    }

    private func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: "^(" + pattern + ")$", options: .regularExpression) != nil
    }

    private let actorPattern = "[a-z]{2}\\.state|coalition\\.[a-z_]+|group\\.[a-z_]+|unknown|individual"
    private let sourcePattern = "org\\.[a-z_]+|media\\.[a-z_]+|gov\\.[a-z]{2}\\.(health|emergency|security|local|government)"
        + "|group\\.[a-z_]+|coalition\\.[a-z_]+"
    private let placePattern = "[A-Z]{2}(-[A-Z0-9]{1,3})?"

    func testEveryAnnotatedKeyIsWellFormedAndPlacesAgreeWithCountries() throws {
        let gold = try lines()
        XCTAssertGreaterThan(gold.filter { $0.actors != nil }.count, 500, "series a, b, c and g carry actors")
        for line in gold {
            for actor in line.actors ?? [] {
                XCTAssertTrue(matches(actor, actorPattern), "\(line.id): actor key \(actor)")
            }
            if case .some(.some(let source)) = line.source {
                XCTAssertTrue(matches(source, sourcePattern), "\(line.id): source key \(source)")
            }
            if case .some(.some(let country)) = line.country {
                XCTAssertTrue(matches(country, "[A-Z]{2}"), "\(line.id): country \(country)")
            }
            if case .some(.some(let place)) = line.place {
                XCTAssertTrue(matches(place, placePattern), "\(line.id): place key \(place)")
                // A place's country is the country of the figure; a gold line that gives one gives both.
                if case .some(let country) = line.country {
                    XCTAssertEqual(country, String(place.prefix(2)), "\(line.id): place \(place) lies in its country")
                }
            }
        }
    }

    func testPlaceKeysAreIsoCodesWhereTheSystemListsThem() throws {
        // Debian's iso-codes package, when installed, lists every ISO 3166-1 and 3166-2 code.
        let listing = "/usr/share/iso-codes/json/iso_3166-2.json"
        guard let data = FileManager.default.contents(atPath: listing),
              let countries = FileManager.default.contents(atPath: "/usr/share/iso-codes/json/iso_3166-1.json") else {
            throw XCTSkip("iso-codes is not installed")
        }
        let divisions = try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["3166-2"] as? [[String: Any]])
        let nations = try XCTUnwrap((try JSONSerialization.jsonObject(with: countries) as? [String: Any])?["3166-1"] as? [[String: Any]])
        let known = Set(divisions.compactMap { $0["code"] as? String } + nations.compactMap { $0["alpha_2"] as? String })
        for line in try lines() {
            if case .some(.some(let place)) = line.place { XCTAssertTrue(known.contains(place), "\(line.id): \(place) is no ISO 3166 code") }
            if case .some(.some(let country)) = line.country { XCTAssertTrue(known.contains(country), "\(line.id): \(country)") }
        }
    }

    func testTheSeriesComposedForTheseFieldsCoversEveryKind() throws {
        let gold = try lines(series: "g")
        XCTAssertGreaterThanOrEqual(gold.count, 100)
        for line in gold {
            XCTAssertNotNil(line.actors, "\(line.id) carries actors")
            XCTAssertNotNil(line.place, "\(line.id) carries place")
            XCTAssertNotNil(line.country, "\(line.id) carries country")
            XCTAssertNotNil(line.source, "\(line.id) carries source")
        }
        let actors = gold.flatMap { $0.actors ?? [] }
        XCTAssertGreaterThanOrEqual(Set(actors.filter { $0.hasSuffix(".state") }).count, 8, "the forces of several states")
        XCTAssertGreaterThanOrEqual(Set(actors.filter { $0.hasPrefix("coalition.") }).count, 2)
        XCTAssertGreaterThanOrEqual(Set(actors.filter { $0.hasPrefix("group.") }).count, 8)
        XCTAssertTrue(actors.contains("unknown"))
        XCTAssertTrue(actors.contains("individual"))
        XCTAssertTrue(gold.contains { $0.actors == [] }, "figures with no actor named")
        XCTAssertTrue(gold.contains { ($0.actors ?? []).count >= 2 }, "joint perpetrators and the two sides of a clash")

        let places = gold.compactMap { line -> String? in if case .some(.some(let p)) = line.place { return p }; return nil }
        XCTAssertGreaterThanOrEqual(Set(places.filter { $0.contains("-") }).count, 30, "divisions of many countries")
        XCTAssertGreaterThanOrEqual(Set(places.filter { $0.contains("-") }.map { $0.prefix(2) }).count, 10)
        XCTAssertTrue(places.contains { !$0.contains("-") }, "a figure spread over several divisions takes its country")
        XCTAssertTrue(gold.contains { if case .some(.none) = $0.place, case .some(.some) = $0.country { return true }; return false },
                      "a sentence with no place takes the document's country")
        XCTAssertTrue(gold.contains { if case .some(.none) = $0.country { return true }; return false },
                      "a figure over several countries has neither place nor country")

        let sources = gold.compactMap { line -> String? in if case .some(.some(let s)) = line.source { return s }; return nil }
        for prefix in ["org.", "media.", "gov.", "group."] {
            XCTAssertTrue(sources.contains { $0.hasPrefix(prefix) }, "a source of kind \(prefix)")
        }
        XCTAssertGreaterThanOrEqual(Set(sources.filter { $0.hasPrefix("gov.") }.map { $0.split(separator: ".")[2] }).count, 5,
                                    "all five bodies of a state")
        XCTAssertTrue(gold.contains { if case .some(.none) = $0.source { return true }; return false },
                      "unnamed sources and documents with no attribution")
    }
}
