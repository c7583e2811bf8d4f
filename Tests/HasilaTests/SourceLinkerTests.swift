import XCTest
@testable import Hasila

/// The source of a figure (../shared/actors-and-places.md, "Source"), decided by `SourceLinker`.
final class SourceLinkerTests: XCTestCase {
    private let extractor = TestNames.standard.extractor()

    private func source(_ text: String, _ value: Int) throws -> String? {
        let figures = extractor.extract(text).figures
        return try XCTUnwrap(figures.first { $0.value == value }, "no figure \(value) in «\(text)»: \(figures.map(\.value))").source?.key
    }

    func testAnAttributionVerbOrPrepositionNamesTheBody() throws {
        XCTAssertEqual(try source("وثقت الشبكة السورية لحقوق الإنسان مقتل 80 مدنيا.", 80), "org.snhr")
        XCTAssertEqual(try source("قتل 5 مدنيين في حلب بحسب المرصد السوري.", 5), "org.sohr")
    }

    func testASentenceWithoutAttributionTakesTheDocumentsFirst() throws {
        XCTAssertEqual(try source("أفاد المرصد السوري بمقتل 12 مدنيا. وأصيب 30 آخرون في حلب.", 30), "org.sohr")
        XCTAssertEqual(try source("قتل 4 أشخاص في حماة. وقالت الأمم المتحدة إن القتال مستمر.", 4), "org.un")
    }

    func testAnUnnamedSourceInTheSentenceGivesNull() throws {
        XCTAssertNil(try source("أفاد المرصد السوري بمقتل 12 مدنيا. وقال ناشطون إن 4 أطفال قتلوا.", 4))
    }

    func testAMinistryTakesTheDocumentsCountry() throws {
        XCTAssertEqual(try source("أعلنت وزارة الصحة في اليمن وفاة 7 أشخاص.", 7), "gov.ye.health")
    }

    func testAClaimIsNoAttribution() throws {
        XCTAssertNil(try source("أعلن تنظيم الدولة مسؤوليته عن تفجير قتل 15 شخصا.", 15))
    }

    func testTheNearestAttributionOfTheSentenceWins() throws {
        let text = "قال الدفاع المدني إن 9 أشخاص قتلوا في حلب، فيما وثق المرصد السوري مقتل 14 آخرين."
        XCTAssertEqual(try source(text, 14), "org.sohr")
        XCTAssertEqual(try source("قال الدفاع المدني في سوريا إن 9 أشخاص قتلوا.", 9), "gov.sy.emergency")
    }

    func testAnUnnamedSpeakerGivesNullUnlessANamedBodyFollows() throws {
        XCTAssertNil(try source("أفاد المرصد السوري بمقتل 12 مدنيا. وقالت مصادر طبية إن 4 أطفال قتلوا.", 4))
        XCTAssertEqual(try source("قالت مصادر طبية بوزارة الصحة في اليمن إن 6 أشخاص قتلوا.", 6), "gov.ye.health")
    }

    func testADefiniteSpeakerPointsBackToTheLastAttribution() throws {
        XCTAssertEqual(try source("قالت الأمم المتحدة إن 40 شخصا قتلوا في اليمن. وأضافت المنظمة أن 12 آخرين أصيبوا.", 12), "org.un")
        XCTAssertNil(try source("أفاد المرصد السوري بمقتل 3 مدنيين. وقال مصدر طبي إن 5 قتلوا في حلب. وأضاف المصدر أن 9 أصيبوا.", 9))
    }

    func testAHeadlineThatOpensWithABodyCreditsIt() throws {
        XCTAssertEqual(try source("الأمم المتحدة: 300 نازح في اليمن\nنزحت عائلات كثيرة من تعز.", 300), "org.un")
    }
    func testAHeadlineTakesTheDocumentsFirstNamedBodyWhereverItStands() throws {
        let text = "مقتل 12 مدنيا في قصف على حلب\nقتل 12 مدنيا بينهم 4 أطفال في قصف على أحياء حلب أمس.\nوأفاد المرصد السوري بأن 7 آخرين أصيبوا.\n"
        let figures = extractor.extract(text).figures
        XCTAssertEqual(figures.map(\.value), [12, 12, 4, 7])
        // The headline sums up the item; the lead's own figures keep reading order (no body before them in their paragraph).
        XCTAssertEqual(figures.map { $0.source?.key }, ["org.sohr", nil, nil, "org.sohr"])
        // A first line that reports is a lead, not a headline.
        XCTAssertNil(try source("قالت مصادر إن 5 أشخاص قتلوا في حلب\nوأفاد المرصد السوري بأن القصف مستمر.\n", 5))
    }
    func testABodyBeforeItsVerbIsTheSubjectThatReports() throws {
        XCTAssertEqual(try source("قتل 4 أشخاص في حلب. وكانت الأمم المتحدة قد قالت في تقريرها إن 30 مدنيا قتلوا في اليمن.", 30), "org.un")
        // A claim after the verb makes it no report; a subject-first verb in a sentence without a figure credits nothing.
        XCTAssertNil(try source("وكان تنظيم الدولة قد أعلن مسؤوليته عن تفجير قتل 15 شخصا.", 15))
        XCTAssertNil(try source("وكانت الأمم المتحدة قد أعلنت حالة الطوارئ.\nوقتل 6 أشخاص في حلب.", 6))
    }

    func testAVerbWithoutASubjectContinuesTheLastSpeaker() throws {
        let text = "قالت الأمم المتحدة إن 12 شخصا قتلوا في اليمن.\nوقال المرصد السوري إن 4 مدنيين قتلوا في حلب.\nوأضاف أن 9 آخرين أصيبوا.\n"
        XCTAssertEqual(try source(text, 9), "org.sohr")
    }

    func testABackReferenceNamesTheLastBodyWithItsNoun() throws {
        let text = "قالت وزارة الصحة في اليمن إن 20 شخصا قتلوا.\nوقال الدفاع المدني إن 7 أشخاص أصيبوا.\nوأضافت الوزارة أن 3 جرحى توفوا.\n"
        XCTAssertEqual(try source(text, 7), "gov.ye.emergency")
        XCTAssertEqual(try source(text, 3), "gov.ye.health")
        // Without a body of that noun, the last speaker.
        XCTAssertEqual(try source("قالت الأمم المتحدة إن 20 شخصا قتلوا في اليمن.\nوأضاف المتحدث باسم المنظمة أن 5 آخرين أصيبوا.\n", 5), "org.un")
    }
    func testAnUnnamedSpeakerBeforeWhatIsReportedStaysUnnamed() throws {
        // The army after "بأن" is what the correspondent reports, not the body he speaks for.
        XCTAssertNil(try source("أفاد المرصد السوري بمقتل 3 مدنيين.\nوأفاد ناشطون بأن الجيش دفع بأكثر من 100 آلية إلى حلب.\n", 100))
        XCTAssertEqual(try source("قالت مصادر في الدفاع المدني في سوريا إن 8 أشخاص قتلوا.", 8), "gov.sy.emergency")
    }
    func testAPartyNamedBeforeIsTheSourceItsHeadNounPointsTo() throws {
        XCTAssertEqual(try source("قصف تنظيم الدولة حلب بالصواريخ. وقال التنظيم في بيان إن 20 جنديا قتلوا.", 20), "group.isis")
    }

    func testTheFirstSpeakerOfAListDecides() throws {
        // A body named before an unnamed speaker joined to it is the source; an unnamed speaker first is not.
        XCTAssertEqual(try source("قالت مصادر في الدفاع المدني ومسعفون في سوريا إن 7 أشخاص قتلوا.", 7), "gov.sy.emergency")
        XCTAssertNil(try source("أفاد المرصد السوري بمقتل 3 مدنيين.\nوقال مسعفون إن 11 شخصا أنقذوا في حلب.\n", 11))
    }
    func testASpokesmanWithoutABodySpeaksForTheBodyNamedJustBefore() throws {
        let text = "وصلت فرق الدفاع المدني إلى موقع الحادث في حلب. وقال المتحدث الرسمي في المنطقة إن 6 أشخاص أصيبوا."
        XCTAssertEqual(try source(text, 6), "gov.sy.emergency")
        // A body named further back is not his.
        let far = "وصلت فرق الدفاع المدني إلى حلب. ثم هدأ القصف. وعادت العائلات إلى منازلها. وقال المتحدث الرسمي إن 6 أشخاص أصيبوا."
        XCTAssertNil(try source(far, 6))
    }
    /// With the bundled gazetteer: "السلطات" and "الحكومة" are actor names (the state) and source names (the government).
    func testTheAuthoritiesReportingAreTheGovernmentAndTheArmyItsSecurity() throws {
        func bundled(_ text: String, _ value: Int) throws -> String? {
            let figures = TestGrammar.extractor.extract(text).figures
            return try XCTUnwrap(figures.first { $0.value == value }, "no figure \(value) in «\(text)»").source?.key
        }
        XCTAssertEqual(try bundled("قالت السلطات التركية إن 30 شخصا قتلوا في حادث.", 30), "gov.tr.government")
        XCTAssertEqual(try bundled("قالت الحكومة السورية إن 12 شخصا قتلوا في حلب.", 12), "gov.sy.government")
        XCTAssertEqual(try bundled("قال الجيش العراقي إن 6 مسلحين قتلوا.", 6), "gov.iq.security")
    }
    /// With the bundled gazetteer: an agency a person talks to only carries his words (null), while the agency
    /// reporting on its own is the source.
    func testAPersonTalkingToAnAgencyIsNoSource() throws {
        func bundled(_ text: String, _ value: Int) throws -> String? {
            let figures = TestGrammar.extractor.extract(text).figures
            return try XCTUnwrap(figures.first { $0.value == value }, "no figure \(value) in «\(text)»").source?.key
        }
        let text = "أفاد المرصد السوري بمقتل 3 مدنيين في حلب.\nوقال أبو أحمد لوكالة فرانس برس إن 15 شخصا قتلوا في حلب.\n"
        XCTAssertNil(try bundled(text, 15))
        XCTAssertNil(try bundled("وقال أحد السكان لوكالة الصحافة الفرنسية إن 40 منزلا أحرقت في القرية.", 40))
        XCTAssertEqual(try bundled("وقالت وكالة فرانس برس إن 12 شخصا قتلوا في حلب.", 12), "media.afp")
    }
    /// The headline's country, like its source, is the document's first even when the lead names it later (LinkScene).
    func testAHeadlineTakesTheDocumentsCountryFromTheLead() throws {
        let text = "مقتل 12 مدنيا في قصف جوي\nقتل 12 مدنيا بينهم 4 أطفال أمس.\nووقع القصف على أحياء في حلب.\n"
        let figures = extractor.extract(text).figures
        XCTAssertEqual(figures.map(\.value), [12, 12, 4])
        // The lead's own figures keep reading order: their paragraph names no place.
        XCTAssertEqual(figures.map(\.country), ["SY", nil, nil])
    }
}
