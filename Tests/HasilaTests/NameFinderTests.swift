import XCTest
@testable import Hasila

/// The gazetteer's names as the linking stage receives them: kinds, keys and spans in the normalised text,
/// the longest name first, clitics outside, names that are also common words only in their safe forms.
final class NameFinderTests: XCTestCase {
    /// The names found in `text`, each with the normalised text it covers.
    private func names(_ text: String) -> [(kind: NameMention.Kind, key: String, text: String)] {
        let grammar = TestGrammar.shared
        let normalized = Normalizer(options: .matching).normalize(scalars: text.unicodeScalars.map(\.value))
        let tokens = Tokenizer(lexicon: grammar.tables.lexicon).tokenize(normalized)
        return NameFinder(grammar: grammar).find(text: normalized, tokens: tokens).map { mention in
            let covered = normalized.scalars[mention.start..<mention.end].compactMap(Unicode.Scalar.init).map(String.init).joined()
            return (mention.kind, mention.key, covered)
        }
    }

    private func folded(_ text: String) -> String {
        Normalizer(options: .matching).normalize(scalars: text.unicodeScalars.map(\.value)).scalars
            .compactMap(Unicode.Scalar.init).map(String.init).joined()
    }

    func testAGovernorateWithItsDivisionWordAndAClitic() {
        let found = names("وقصفت الطائرات بلدات في وريف حلب الغربي")
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertEqual(found.first?.kind, .place)
        XCTAssertEqual(found.first?.key, "SY-HL")
        XCTAssertEqual(found.first?.text, folded("ريف حلب"), "the conjunction stays outside the name")
    }

    func testATownGivesItsDivisionKey() {
        let found = names("سقطت قذائف على مدينة دوما وعلى الموصل")
        XCTAssertEqual(found.map(\.key), ["SY-RD", "IQ-NI"])
        XCTAssertEqual(found.map(\.kind), [.town, .town])
        XCTAssertEqual(found.first?.text, folded("مدينة دوما"))
    }

    func testTheLongestNameWinsOverTheNamesInsideIt() {
        let found = names("اشتبكت قوات سوريا الديمقراطية مع المرصد السوري لحقوق الإنسان")
        XCTAssertEqual(found.map(\.key), ["group.sdf", "org.sohr"], "no place SY and no nationality inside the longer names: \(found)")
    }

    func testForcesWithoutACountryAndTheAdjectiveThatNamesIt() {
        let found = names("قال الجيش الكيني إن عناصره قتلوا مسلحين")
        XCTAssertEqual(found.first?.kind, .actor)
        XCTAssertEqual(found.first?.key, "*.state")
        XCTAssertEqual(found.dropFirst().first?.kind, .nationality)
        XCTAssertEqual(found.dropFirst().first?.key, "KE")
    }

    func testAMentionKnowsWhetherItsKeyHoldsAStar() {
        let grammar = TestGrammar.shared
        let text = "قال الجيش الكيني في بيان نقلته وكالة رويترز"
        let normalized = Normalizer(options: .matching).normalize(scalars: text.unicodeScalars.map(\.value))
        let tokens = Tokenizer(lexicon: grammar.tables.lexicon).tokenize(normalized)
        let found = NameFinder(grammar: grammar).find(text: normalized, tokens: tokens)
        XCTAssertFalse(found.isEmpty)
        // Taken from the gazetteer's entry, it says what scanning the key says.
        for mention in found { XCTAssertEqual(mention.hasStar, mention.key.contains("*"), mention.key) }
        XCTAssertTrue(found.contains { $0.hasStar }, "the army of an unnamed country: *.state")
        XCTAssertTrue(found.contains { !$0.hasStar }, "the news agency has a key of its own")
        var made = NameMention(kind: .actor, key: "*.state", start: 0, end: 1)
        XCTAssertTrue(made.hasStar)
        made.key = "ke.state"
        XCTAssertFalse(made.hasStar, "a key changed keeps the flag in step")
    }

    func testACountryNameIsAPlaceBeforeAnAdjectiveSpelledTheSame() {
        // "سوريا" is also the tanween form of the adjective "سوري": the country is the likelier reading.
        let found = names("عاد اللاجئون إلى سوريا")
        XCTAssertEqual(found.map(\.kind), [.place])
        XCTAssertEqual(found.map(\.key), ["SY"])
    }

    func testNamesThatAreCommonWordsNeedTheirDivisionWord() {
        XCTAssertTrue(names("اعتقل بحجة الانتماء إلى جهة معادية").filter { $0.key.hasPrefix("YE") }.isEmpty,
                      "بحجة is 'under the pretext', not Hajjah")
        XCTAssertEqual(names("قصف على محافظة حجة").map(\.key), ["YE-HJ"])
        XCTAssertTrue(names("وصل دعم مالي إلى المنطقة").allSatisfy { $0.key != "ML" }, "مالي is 'financial'")
        XCTAssertEqual(names("في جمهورية مالي").map(\.key), ["ML"])
    }

    func testHashtagsAbbreviationsAndUnknownDoers() {
        XCTAssertEqual(names("تبنى #داعش الهجوم").map(\.key), ["group.isis"])
        XCTAssertEqual(names("اشتباكات مع ي ب ك في عفرين").map(\.key), ["group.sdf", "SY-HL"])
        XCTAssertEqual(names("أطلق مسلحون مجهولون النار").map(\.key), ["unknown"])
    }

    func testGovernmentBodiesAndOutlets() {
        XCTAssertEqual(names("بحسب وزارة الصحة في غزة").map(\.key), ["gov.ps.health"])
        XCTAssertEqual(names("وقال الدفاع المدني لوكالة رويترز").map(\.key), ["gov.*.emergency", "media.reuters"])
    }
}
