import XCTest
@testable import Hasila

/// The same words name a different party in each country's news: "طيران التحالف" is the Saudi-led coalition's
/// aircraft over Yemen and the anti-ISIS coalition's over Syria (actors/groups.grammar, `actor by-country`), and a bare
/// "التحالف" with no coalition named before it is the country's (`actor back-reference`); elsewhere they name no one.
final class ActorByCountryTests: XCTestCase {
    private func actors(_ text: String) -> [[String]] {
        Extractor(grammar: TestGrammar.shared).extract(text).figures.map { $0.actors.map(\.key) }
    }

    func testTheCoalitionsAircraftAreTheCoalitionAtWarWhereTheNewsIs() {
        XCTAssertEqual(actors("صنعاء – قتل 8 مدنيين في غارة لطيران التحالف على سوق شعبي."), [["coalition.saudi_led"]])
        XCTAssertEqual(actors("وفي ريف دير الزور قتل 11 مسلحا من التنظيم في غارات لطيران التحالف."), [["coalition.anti_isis"]])
        XCTAssertEqual(actors("قتل 5 أشخاص في غارة لطيران التحالف على قرية نائية."), [[]], "no country: no guess")
    }

    func testANamedCoalitionStillWinsOverTheCountry() {
        // A Yemeni report that names the international coalition keeps it.
        XCTAssertEqual(actors("عدن – قتل 3 مسلحين في غارة لطيران التحالف الدولي."), [["coalition.anti_isis"]])
    }

    func testABareCoalitionWithNoneNamedBeforeIsTheCountrys() {
        XCTAssertEqual(actors("عدن – قتل 14 مسلحا حوثيا في غارات شنتها طائرات التحالف على مواقعهم."), [["coalition.saudi_led"]])
        // One named before (in a sentence with a figure) is what the word points back to, whatever the country.
        XCTAssertEqual(actors("عدن – نفذ التحالف الدولي 4 ضربات على مواقع التنظيم. وقتل 6 مسلحين في غارات شنتها طائرات التحالف."),
                       [["coalition.anti_isis"], ["coalition.anti_isis"]])
    }

    func testThroughTheCommandLineEachDocumentTakesItsOwnCountry() throws {
        let folder = TemporaryFolder()
        folder.write("yemen.txt", "صنعاء – قتل 8 مدنيين في غارة لطيران التحالف على سوق شعبي.\n")
        folder.write("syria.txt", "وفي ريف الرقة قتل 11 مسلحا من التنظيم في غارات لطيران التحالف.\n")
        folder.write("nowhere.txt", "قتل 5 أشخاص في غارة لطيران التحالف على قرية نائية.\n")
        let result = try CLI.run(["extract", "--quiet", folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        var byDocument: [String: [String]] = [:]
        for record in result.records {
            let actors = (record["actors"] as? [[String: Any]]) ?? []
            byDocument[record["doc"] as? String ?? ""] = actors.compactMap { $0["key"] as? String }
            for actor in actors {
                // The span is the words that named the party.
                XCTAssertTrue((actor["text"] as? String ?? "").hasSuffix("التحالف"), "\(actor)")
            }
        }
        XCTAssertEqual(byDocument, ["yemen": ["coalition.saudi_led"], "syria": ["coalition.anti_isis"], "nowhere": []])
    }
}
