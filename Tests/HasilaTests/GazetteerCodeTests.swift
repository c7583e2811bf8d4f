import XCTest
@testable import Hasila

/// The gazetteer's keys against a maintained source of the ISO 3166 codes: Debian's iso-codes package
/// (/usr/share/iso-codes/json). Every country has a place rule, every first-level division of the countries
/// the news of ../shared is about has one, and no rule uses a code ISO does not list. Skips without the package.
final class GazetteerCodeTests: XCTestCase {
    static let isoFolder = "/usr/share/iso-codes/json"
    /// The countries whose divisions the gazetteer must know (issue 9).
    static let countriesWithDivisions = ["SY", "IQ", "YE", "LY", "SD", "LB", "PS", "EG", "SO", "SA", "TN", "DZ", "MA", "JO",
                                         "AF", "NG", "ML", "UA"]

    private func isoEntries(_ file: String, _ list: String) throws -> [[String: String]] {
        let path = GazetteerCodeTests.isoFolder + "/" + file
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("no iso-codes package at \(path)") }
        let data = try XCTUnwrap(FileManager.default.contents(atPath: path))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try XCTUnwrap(object[list] as? [[String: Any]])
        return entries.map { $0.compactMapValues { $0 as? String } }
    }

    /// The keys of the grammar's rules of one kind, as the loader compiled them.
    private func keys(_ kind: NameMention.Kind) -> Set<String> {
        Set(TestGrammar.shared.tables.namePayloads.filter { $0.kind == kind }.map(\.key))
    }

    func testEveryCountryHasAPlaceRule() throws {
        let countries = Set(try isoEntries("iso_3166-1.json", "3166-1").compactMap { $0["alpha_2"] })
        XCTAssertGreaterThan(countries.count, 240)
        let missing = countries.subtracting(keys(.place)).sorted()
        XCTAssertEqual(missing, [], "countries with no 'place CC = …' rule in Grammars/places")
    }

    /// The level the rules name: a country's ISO 3166-2 entries, or, where ISO groups provinces under regions
    /// (Morocco), the provinces (the entries whose parent is another entry of the country).
    func testEveryFirstLevelDivisionOfTheListedCountriesHasAPlaceRule() throws {
        let divisions = try isoEntries("iso_3166-2.json", "3166-2")
        let places = keys(.place)
        var missing: [String] = []
        for country in GazetteerCodeTests.countriesWithDivisions {
            let own = divisions.filter { $0["code"]?.hasPrefix(country + "-") ?? false }
            XCTAssertFalse(own.isEmpty, "ISO lists no divisions of \(country)")
            let codes = Set(own.compactMap { $0["code"] })
            let grouped = own.filter { entry in entry["parent"].map { codes.contains(country + "-" + $0) } ?? false }
            let level = grouped.isEmpty ? own : grouped
            missing += level.compactMap { $0["code"] }.filter { !places.contains($0) }
        }
        XCTAssertEqual(missing.sorted(), [], "divisions with no 'place CODE = …' rule")
    }

    func testNoRuleUsesACodeISODoesNotList() throws {
        let countries = Set(try isoEntries("iso_3166-1.json", "3166-1").compactMap { $0["alpha_2"] })
        let divisions = Set(try isoEntries("iso_3166-2.json", "3166-2").compactMap { $0["code"] })
        var unknown: [String] = []
        for entry in TestGrammar.shared.tables.namePayloads {
            switch entry.kind {
            case .place, .town:
                if !(countries.contains(entry.key) || divisions.contains(entry.key)) { unknown.append("\(entry.key) (\(entry.rule))") }
            case .nationality:
                if !countries.contains(entry.key) { unknown.append("\(entry.key) (\(entry.rule))") }
            case .actor, .source:
                // The country inside a state's key (sy.state, gov.sy.health) must be one ISO lists.
                let parts = entry.key.split(separator: ".").map(String.init)
                let country = parts.count == 2 && parts[1] == "state" ? parts[0] : parts.count == 3 && parts[0] == "gov" ? parts[1] : nil
                if let country, country != "*", !countries.contains(country.uppercased()) { unknown.append("\(entry.key) (\(entry.rule))") }
            }
        }
        XCTAssertEqual(unknown, [], "keys with codes ISO 3166 does not list")
    }
}
