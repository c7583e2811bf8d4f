import XCTest
@testable import Hasila

/// The place and country of a figure (../shared/actors-and-places.md, "Place"), decided by `PlaceLinker`.
final class PlaceLinkerTests: XCTestCase {
    private let extractor = TestNames.standard.extractor()

    private func figure(_ text: String, _ value: Int) throws -> Figure {
        let figures = extractor.extract(text).figures
        return try XCTUnwrap(figures.first { $0.value == value }, "no figure \(value) in «\(text)»: \(figures.map(\.value))")
    }

    func testAPlaceInTheSentenceAndItsCountry() throws {
        let found = try figure("قتلت قوات النظام 14 مدنيا في ريف إدلب.", 14)
        XCTAssertEqual(found.place?.key, "SY-ID")
        XCTAssertEqual(found.place?.text, "إدلب")
        XCTAssertEqual(found.country, "SY")
    }

    func testATownGivesItsDivisionAndKeepsItsOwnWords() throws {
        let marked = MarkedText("قتل 6 مدنيين في قصف على ⟦دوما⟧.")
        let found = try XCTUnwrap(extractor.extract(marked.text).figures.first)
        XCTAssertEqual(found.place?.key, "SY-RD")
        XCTAssertEqual(found.place.map { [$0.range] }, marked.spans)
    }

    func testItemsOfAListByPlaceEachTakeTheirOwnAndTheTotalTheCountry() throws {
        let text = "قتل 40 مدنيا: 25 في حلب و15 في إدلب."
        XCTAssertEqual(try figure(text, 25).place?.key, "SY-HL")
        XCTAssertEqual(try figure(text, 15).place?.key, "SY-ID")
        XCTAssertEqual(try figure(text, 40).place?.key, "SY")
    }

    func testSeveralDivisionsOfOneCountryGiveTheCountry() throws {
        let found = try figure("قتل 20 شخصا في غارات على حلب وإدلب.", 20)
        XCTAssertEqual(found.place?.key, "SY")
        XCTAssertEqual(found.country, "SY")
    }

    func testSeveralCountriesGiveNoPlaceAndNoCountry() throws {
        let found = try figure("قتل 11 شخصا في هجمات شهدتها سوريا والعراق.", 11)
        XCTAssertNil(found.place)
        XCTAssertNil(found.country)
    }

    func testAHedgedPlaceIsNotTheFiguresButTheDocumentKeepsItsCountry() throws {
        let found = try figure("قتل 50 مدنيا معظمهم في حلب.", 50)
        XCTAssertNil(found.place)
        XCTAssertEqual(found.country, "SY")
    }

    func testASentenceWithoutAPlaceTakesTheDocumentsCountry() throws {
        let found = try figure("وصل وفد أممي إلى العراق أمس. وقتل 3 أشخاص في انفجار.", 3)
        XCTAssertNil(found.place)
        XCTAssertEqual(found.country, "IQ")
    }

    func testABreakdownTakesItsTotalsPlace() throws {
        XCTAssertEqual(try figure("قتل 30 مدنيا في تعز، بينهم 8 أطفال.", 8).place?.key, "YE-TA")
    }

    func testAPlaceSaidRelativeToAnotherOnlyLocatesIt() throws {
        XCTAssertEqual(try figure("قتل 5 جنود في حلب شمال حماة.", 5).place?.key, "SY-HL")
    }

    func testAListByPlaceWrittenPlaceFirstGivesEachItsOwn() throws {
        let text = "تصدرت إدلب بحصيلة 64 مدنيا، تلتها حلب بـ 35، ثم حماة بـ 19."
        XCTAssertEqual(try figure(text, 64).place?.key, "SY-ID")
        XCTAssertEqual(try figure(text, 35).place?.key, "SY-HL")
        XCTAssertEqual(try figure(text, 19).place?.key, "SY-HM")
    }

    func testCoordinatedFiguresShareThePlaceSaidAfterTheLast() throws {
        XCTAssertEqual(try figure("قتل 6 مدنيين، وأصيب 11 آخرون، في قصف على مدينة تعز.", 6).place?.key, "YE-TA")
    }

    func testAReportedClauseTakesThePlaceSaidBeforeWhoSpeaks() throws {
        XCTAssertEqual(try figure("في حلب، قال ناشطون إن 5 أشخاص قتلوا.", 5).place?.key, "SY-HL")
    }

    func testADatelineIsNotTheDocumentsFirstLocative() throws {
        let found = try figure("حلب – 3 آذار 2020\nقتل 4 أشخاص في اليمن. وأصيب 7 آخرون.", 7)
        XCTAssertNil(found.place)
        XCTAssertEqual(found.country, "YE")
    }

    func testAHedgedPlaceLeavesNoPlaceEvenWithAnotherAfterIt() throws {
        let found = try figure("قصفت قوات النظام 40 قرية معظمها في حلب، كما استهدفت مدينة إدلب.", 40)
        XCTAssertNil(found.place)
        XCTAssertEqual(found.country, "SY")
    }

    // Classes of issue 9 fixed on branch link-actors.

    func testAPlaceInAnOccasionsPhraseQualifiesItsNoun() throws {
        let found = try figure("أصدرت اللجنة تقريرا، بمناسبة مرور عام على الحرب في سوريا، وثقت فيه مقتل 800 مدني.", 800)
        XCTAssertNil(found.place)
        XCTAssertEqual(found.country, "SY")
        XCTAssertEqual(try figure("أصدرت اللجنة تقريرا، بمناسبة مرور عام على الحرب، وثقت فيه مقتل 800 مدني في حلب.", 800).place?.key, "SY-HL")
    }

    func testALandAndANationalityAdjectiveNameTheCountry() throws {
        let names = TestNames([("الروسية", .nationality, "RU"), ("حلب", .place, "SY-HL")])
        let found = try XCTUnwrap(names.extractor().extract("أسقطت الدفاعات الجوية 12 طائرة مسيرة فوق الأراضي الروسية.").figures.first { $0.value == 12 })
        XCTAssertEqual(found.place?.key, "RU")
        XCTAssertEqual(found.place?.text, "الأراضي الروسية")
    }

    func testAResultAndOthersTakeThePlaceOfTheFigureBefore() throws {
        let text = "نفذت الطائرات 30 غارة على بلدات ريف إدلب، أسفرت عن مقتل 12 مدنيا، بينهم 4 أطفال."
        XCTAssertEqual(try figure(text, 12).place?.key, "SY-ID")
        XCTAssertEqual(try figure(text, 4).place?.key, "SY-ID")
        XCTAssertEqual(try figure("قتل 4 أشخاص في قصف على مدينة حلب، فيما أصيب 9 آخرون.", 9).place?.key, "SY-HL")
        // Without a result or "others", a figure after فيما is its own clause's.
        XCTAssertNil(try figure("قتل 4 أشخاص في قصف على مدينة حلب، فيما اعتقل الأمن 9 شبان.", 9).place)
    }

    func testADefinitePlaceNounPointsBackToThePlaceNamedBefore() throws {
        XCTAssertEqual(try figure("قال محافظ حلب إن 6 مدنيين قتلوا في قصف على المدينة.", 6).place?.key, "SY-HL")
    }

    func testWhereMostComeFromIsNoPlace() throws {
        let found = try figure("بلغ عدد اللاجئين في اليمن 500 شخص، معظمهم من سوريا والعراق.", 500)
        XCTAssertEqual(found.place?.key, "YE")
    }

    func testACountryRightAfterTheCountedNounSaysWhatTheyAre() throws {
        let found = try figure("قتل 3 في حلب. وأعادت المفوضية توطين 700 لاجئ سوريا في دول ثالثة.", 700)
        XCTAssertNil(found.place)
    }

    func testATownKnownOnlyInAnotherCountryThanThePlaceLocatingItIsANamesake() throws {
        let names = TestNames([("أريحا", .town, "PS-JRH"), ("إدلب", .place, "SY-ID"), ("سوريا", .place, "SY")])
        let figures = names.extractor().extract("استهدفت الغارات 5 مدارس في مدينة أريحا جنوب إدلب.").figures
        XCTAssertEqual(figures.first { $0.value == 5 }?.place?.key, "SY-ID")
    }

    func testTheCountryOfItsSentenceOrDocumentForADefiniteCountryNoun() throws {
        // The document's country ("في البلاد"، "في المملكة" of a report about one country) …
        XCTAssertEqual(try figure("تفشت الكوليرا في مخيمات اليمن. وبلغ عدد الإصابات في البلاد 1200 إصابة.", 1200).place?.key, "YE")
        // … or the country its sentence named first before it.
        let found = try figure("قتل 3 في اليمن. وفي سوريا، نزح 600 ألف شخص داخل البلاد.", 600000)
        XCTAssertEqual(found.place?.key, "SY")
        XCTAssertEqual(found.place?.text, "البلاد")
    }

    func testARunSharesAPlaceSaidAfterACommaInALaterFiguresBreakdown() throws {
        let text = "قتل 9 أشخاص، بينهم طفلان، وأصيب 35 آخرون، ثلاثة منهم في حالة خطيرة، خلال عملية عسكرية في ريف إدلب."
        XCTAssertEqual(try figure(text, 9).place?.key, "SY-ID")
        XCTAssertEqual(try figure(text, 35).place?.key, "SY-ID")
        // Its own words' place stays its own: "3 منهم في حلب".
        XCTAssertNil(try figure("قتل 9 أشخاص، وأصيب 35 آخرون، 3 منهم في حلب.", 9).place)
    }
}
