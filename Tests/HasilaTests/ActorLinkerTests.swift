import XCTest
@testable import Hasila

/// The actors of a figure (../shared/actors-and-places.md, "Actors"), decided by `ActorLinker` from the
/// cues of Grammars/cues/actors.grammar and the names of a small test gazetteer (`TestNames`).
final class ActorLinkerTests: XCTestCase {
    private let extractor = TestNames.standard.extractor()

    /// The actor keys of the figure of that value.
    private func actors(_ text: String, _ value: Int) throws -> [String] {
        let figures = extractor.extract(text).figures
        return try XCTUnwrap(figures.first { $0.value == value }, "no figure \(value) in «\(text)»: \(figures.map(\.value))").actors.map(\.key)
    }

    func testTheDoerNamedBeforeTheFigureInItsClause() throws {
        XCTAssertEqual(try actors("قتلت قوات النظام 14 مدنيا في ريف إدلب.", 14), ["sy.state"])
    }

    func testAnAgentCueAfterTheFigureListsEveryPartyInOrder() throws {
        XCTAssertEqual(try actors("قتل 9 مدنيين على يد قوات النظام والقوات الروسية في حلب.", 9), ["sy.state", "ru.state"])
    }

    func testEachItemOfAPerpetratorListHasItsOwnAndTheTotalNone() throws {
        let text = "قتل 40 شخصا، منهم 25 على يد قوات النظام و15 على يد تنظيم الدولة."
        XCTAssertEqual(try actors(text, 25), ["sy.state"])
        XCTAssertEqual(try actors(text, 15), ["group.isis"])
        XCTAssertEqual(try actors(text, 40), [])
    }

    func testAHedgedDoerIsNoActor() throws {
        XCTAssertEqual(try actors("قتل 60 مدنيا أغلبهم على يد قوات النظام.", 60), [])
    }

    func testAClashWithOneSideAndABattleBetweenTwo() throws {
        XCTAssertEqual(try actors("قتل 7 عناصر من قوات النظام في اشتباكات مع تنظيم الدولة.", 7), ["group.isis"])
        XCTAssertEqual(try actors("قتل 12 شخصا في معارك بين قوات سوريا الديمقراطية وفصائل المعارضة.", 12), ["group.sdf", "group.opposition"])
    }

    func testNoDoerNamedGivesNone() throws {
        XCTAssertEqual(try actors("توفي 3 أشخاص غرقا في نهر قرب حماة.", 3), [])
    }

    func testABreakdownTakesItsTotalsActors() throws {
        XCTAssertEqual(try actors("قتل 30 مدنيا بنيران قوات النظام، بينهم 8 أطفال.", 8), ["sy.state"])
    }

    func testAStateKeyTakesTheCountryOfTheAdjectiveBesideIt() throws {
        XCTAssertEqual(try actors("قتل 5 أشخاص بنيران الجيش العراقي قرب الموصل.", 5), ["iq.state"])
    }

    func testAClaimNamesTheActorAndABodyThatReportsIsNone() throws {
        XCTAssertEqual(try actors("أعلن تنظيم الدولة مسؤوليته عن تفجير قتل 15 شخصا.", 15), ["group.isis"])
        XCTAssertEqual(try actors("أفاد المرصد السوري بمقتل 11 مدنيا.", 11), [])
    }

    func testTheActorsSpanTheirWordsInTheOriginalText() throws {
        let marked = MarkedText("قُتل 9 مدنيين على يد ⟦قوات النظام⟧ في حلب.")
        let figure = try XCTUnwrap(extractor.extract(marked.text).figures.first)
        XCTAssertEqual(figure.actors.map(\.range), marked.spans)
        XCTAssertEqual(figure.actors.first?.text, "قوات النظام")
    }

    func testACueAfterAListNamesTheDoerOfEveryItem() throws {
        let text = "سقط 90 قتيلا بينهم 20 طفلا على يد قوات النظام وحليفته روسيا."
        XCTAssertEqual(try actors(text, 90), ["sy.state", "ru.state"])
        XCTAssertEqual(try actors(text, 20), ["sy.state", "ru.state"])
        XCTAssertEqual(try actors("قتل 30 مدنيا و5 أطفال بنيران فصائل المعارضة.", 30), ["group.opposition"])
    }

    func testAVerbWithAPronounAgreesWithTheFigureBeforeItOnly() throws {
        let text = "نفذت 12 هجوما بقذائف الهاون وهجوما واحدا شنته قوات النظام."
        XCTAssertEqual(try actors(text, 1), ["sy.state"])
        XCTAssertEqual(try actors(text, 12), [])
    }

    func testADoerNamedBeforeACueAfterIt() throws {
        XCTAssertEqual(try actors("وكانت قوات النظام بحسب التقرير مسؤولة عن 300 حالة اختفاء قسري في العام الماضي.", 300), ["sy.state"])
    }

    func testANationalityAfterAnActNamesThatState() throws {
        XCTAssertEqual(try actors("قتل 7 مدنيين في غارات روسية على ريف إدلب.", 7), ["ru.state"])
        XCTAssertEqual(try actors("أسفر القصف العراقي عن مقتل 3 أشخاص.", 3), ["iq.state"])
    }

    func testCoordinatedVerbsShareTheSubject() throws {
        let text = "قتلت قوات النظام 50 مدنيا، بينهم 10 أطفال، وارتكبت 6 مجازر."
        XCTAssertEqual(try actors(text, 6), ["sy.state"])
        XCTAssertEqual(try actors("نفذت القوات الروسية 244 غارة على ريف إدلب، أسفرت عن مقتل 87 مدنيا.", 87), ["ru.state"])
    }

    func testTheSubjectOfAReportedClauseIsItsDoer() throws {
        XCTAssertEqual(try actors("وأكد التقرير أن قوات النظام استخدمت الذخائر العنقودية والأسلحة الحارقة، ما لا يقل عن 212 مرة.", 212), ["sy.state"])
    }

    func testASuicideAttackNamesNoDoer() throws {
        XCTAssertEqual(try actors("قتل 11 شخصا في تفجير انتحاري استهدف سوقا في الموصل.", 11), [])
    }

    // Classes of issue 9 fixed on branch link-actors.

    func testAnAllyAfterTheDoersIsItsState() throws {
        XCTAssertEqual(try actors("وقالت اللجنة إن قوات النظام وحليفتها روسيا ارتكبت 4 مجازر في حلب.", 4), ["sy.state", "ru.state"])
    }

    func testADefiniteBackReferenceNamesThePartyWithTheSameHeadNoun() throws {
        let text = "هاجم تنظيم الدولة حاجزا فقتل 5 جنود. وقال مسؤول محلي إن التنظيم أعدم 3 رعاة في المنطقة."
        XCTAssertEqual(try actors(text, 3), ["group.isis"])
        // No party named before with that head noun: nothing.
        XCTAssertEqual(try actors("وقال مسؤول محلي إن الجماعة خطفت 9 نساء.", 9), [])
    }

    func testAPronounSubjectTakesTheSubjectOfTheFigureBeforeIt() throws {
        let text = "وأكد التقرير أن القوات الروسية نفذت 40 غارة على حلب، في حين أنها قصفت 12 مدرسة في إدلب."
        XCTAssertEqual(try actors(text, 12), ["ru.state"])
        XCTAssertEqual(try actors("وأعلن الجيش العراقي أنه قتل 6 مسلحين، وأعلنت قوات النظام أنها اعتقلت 9 أشخاص.", 9), ["sy.state"])
    }

    func testAPossessiveActAfterTheFigureIsThePartyNamedBefore() throws {
        XCTAssertEqual(try actors("وقالت قوات النظام إنها تحقق في مقتل 8 مدنيين في غاراتها على حلب.", 8), ["sy.state"])
    }

    func testAStateWithoutItsCountryTakesThePlaceAfterItOrThatOfItsSentence() throws {
        XCTAssertEqual(try actors("قتل 3 مدنيين في حلب. ونفذ الجيش في العراق 12 غارة.", 12), ["iq.state"])
        XCTAssertEqual(try actors("قتل 3 مدنيين في حلب. وفي اليمن، قتل الجيش 4 مسلحين.", 4), ["ye.state"])
        // With no place of its own, the document's country.
        XCTAssertEqual(try actors("قتل 3 مدنيين في حلب. وقتل الجيش 4 مسلحين.", 4), ["sy.state"])
    }

    func testAnActCountedWithANationalityNamesThatState() throws {
        XCTAssertEqual(try actors("قال الجيش إن قواته صدت 37 هجوما روسيا على الجبهة.", 37), ["ru.state"])
    }

    func testAClaimNamesTheActorAFewWordsBeforeTheAct() throws {
        XCTAssertEqual(try actors("وكان تنظيم الدولة قد أعلن مسؤوليته عن إطلاق 30 صاروخا.", 30), ["group.isis"])
    }

    func testAVerbAfterANamelessActCueNamesTheDoerOfTheWholeList() throws {
        let text = "قتل 6 مدنيين، بينهم 3 أطفال، وأصيب 11 آخرون، جراء قصف مدفعي شنته قوات النظام على حي سكني."
        XCTAssertEqual(try actors(text, 6), ["sy.state"])
        XCTAssertEqual(try actors(text, 3), ["sy.state"])
    }

    func testADoerAcrossANewClauseIsAnotherActs() throws {
        let text = "قتل 30 مدنيا، منهم 9 في غارات نفذتها القوات الروسية، فيما غرق 50 مهاجرا."
        XCTAssertEqual(try actors(text, 9), ["ru.state"])
        XCTAssertEqual(try actors(text, 50), [])
    }

    func testASuicideBomberOfAGroupIsTheGroup() throws {
        let names = TestNames([("انتحاري", .actor, "unknown"), ("حركة الشباب", .actor, "group.al_shabaab")])
        let figures = names.extractor().extract("قتل 11 شخصا عندما فجر انتحاري من حركة الشباب سيارة مفخخة.").figures
        XCTAssertEqual(figures.first { $0.value == 11 }?.actors.map(\.key), ["group.al_shabaab"])
    }

    func testAnElidedItemWhoseDoerBeginsLikeANounKeepsItsCue() throws {
        let names = TestNames([("قوات النظام", .actor, "sy.state"), ("هيئة تحرير الشام", .actor, "group.hts")])
        let figures = names.extractor().extract("قتل 70 مدنيا، منهم 58 على يد قوات النظام، و6 على يد هيئة تحرير الشام.").figures
        XCTAssertEqual(figures.first { $0.value == 6 }?.actors.map(\.key), ["group.hts"])
    }

    func testAPronounSubjectEndsTheListACueAfterItNames() throws {
        let text = "عثر على 8 مقابر جماعية، يعتقد أنها تضم رفات 300 من ضحايا تنظيم الدولة."
        XCTAssertEqual(try actors(text, 300), ["group.isis"])
        XCTAssertEqual(try actors(text, 8), [])
    }

    func testAResultOrOthersTakeTheActorsOfTheFigureBefore() throws {
        XCTAssertEqual(try actors("أطلقت قوات النظام 6 صواريخ على حي سكني، ما أسفر عن مقتل 9 مدنيين.", 9), ["sy.state"])
        XCTAssertEqual(try actors("قتل 5 مدنيين بنيران قوات النظام، فيما أصيب 12 آخرون.", 12), ["sy.state"])
        // Not across a figure with no result between.
        XCTAssertEqual(try actors("قتل 5 مدنيين بنيران قوات النظام، فيما غرق 12 مهاجرا.", 12), [])
    }

    func testTheAccusedIsTheActorAndTheAccuserIsNot() throws {
        XCTAssertEqual(try actors("واتهم الجيش تنظيم الدولة بخطف 9 رعاة.", 9), ["group.isis"])
    }
}
