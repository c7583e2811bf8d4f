import XCTest
@testable import Hasila

/// The extractor as a library, on marked input: ⟦…⟧ marks where each figure must be.
final class ExtractionTests: XCTestCase {
    private func figures(_ marked: String, file: StaticString = #filePath, line: UInt = #line) -> [Figure] {
        let input = MarkedText(marked)
        let found = TestGrammar.extractor.extract(input.text).figures
        XCTAssertEqual(found.map(\.range), input.spans, "spans of «\(input.text)»", file: file, line: line)
        for figure in found { XCTAssertEqual(figure.text, input.text.codePoints(figure.range), file: file, line: line) }
        return found
    }

    func testTheIssueExample() {
        let found = figures("وثق التقرير مقتل ما لا يقل عن ⟦5233⟧ مدنياً، بينهم ⟦1417⟧ طفلاً، و⟦868⟧ سيدة")
        XCTAssertEqual(found.map(\.value), [5233, 1417, 868])
        XCTAssertEqual(found.map(\.qualifier), [.atLeast, .exact, .exact])
        XCTAssertEqual(found.map(\.category), ["killed.civilians", "killed.children", "killed.women"])
        XCTAssertEqual(found.map(\.parent), [nil, 0, 0])
    }

    func testOffsetsAreOriginalCodePointsThroughDiacriticsDigitsAndMarks() {
        let found = figures("قُتِلَ\u{200F} ما لا يقلّ عن ⟦٥٬٢٣٣⟧ مدنيًّا، وأُصيب ⟦۱۲\u{200F}۳⟧ آخرون، ونزح ⟦٢٫٣ مليون⟧ شخصٍ")
        XCTAssertEqual(found.map(\.value), [5233, 123, 2_300_000])
        XCTAssertEqual(found.map(\.qualifier), [.atLeast, .exact, .exact])
        XCTAssertEqual(found.map(\.category), ["killed.civilians", "injured", "displaced"])
    }

    func testSpellingVariantsOfTheCues() {
        for cue in ["ما لا يقل عن", "ما لايقل عن", "لا يقل عن", "ما لا يقلّ عن", "ما لا يقـل عن"] {
            let found = figures("مقتل \(cue) ⟦40⟧ شخصا")
            XCTAssertEqual(found.first?.qualifier, .atLeast, cue)
        }
        XCTAssertEqual(figures("مقتل ⟦40⟧ شخصا على الأقل").first?.qualifier, .atLeast)
        XCTAssertEqual(figures("قتل ⟦100⟧ بينهم -على الأقل- ⟦ثلاثون⟧ طفلا").last?.qualifier, .atLeast)
        XCTAssertEqual(figures("مقتل ما لا يقل\nعن ⟦40⟧ شخصا").first?.qualifier, .atLeast, "a cue across a line break")
        XCTAssertEqual(figures("أصيب نحو ⟦300⟧ شخص").first?.qualifier, .about)
        XCTAssertEqual(figures("اعتقال أكثر من ⟦ثلاثين⟧ صحفيا").first?.qualifier, .moreThan)
        XCTAssertEqual(figures("إصابة ما لا يزيد على ⟦20⟧ شخصا").first?.qualifier, .atMost)
        XCTAssertEqual(figures("مقتل أقل من ⟦10⟧ أشخاص").first?.qualifier, .lessThan)
        XCTAssertEqual(figures("نزوح ما يتراوح بين ⟦400⟧ و⟦450⟧ شخصا").map(\.qualifier), [.atLeast, .atMost])
    }

    func testACueNeverSpreadsOverACoordination() {
        let found = figures("دمر القصف ما لا يقل عن ⟦30⟧ منزلاً و⟦7⟧ محال")
        XCTAssertEqual(found.map(\.qualifier), [.atLeast, .exact])
        XCTAssertEqual(found.map(\.category), [nil, nil])
    }

    func testGluedDigitsAndClitics() {
        XCTAssertEqual(figures("قتل 10 أشخاص بينهم 3 أطفال و⟦868⟧ سيدة".replacingOccurrences(of: "10", with: "⟦10⟧").replacingOccurrences(of: " 3 ", with: " ⟦3⟧ ")).map(\.value), [10, 3, 868])
        XCTAssertEqual(figures("بالإضافة لـ ⟦19⟧ هجوماً بذخائر عنقودية").first?.category, "munitions.cluster")
        XCTAssertEqual(figures("وصل الـ⟦5000⟧ نازح إلى المخيم").first?.value, 5000)
        XCTAssertTrue(figures("في ذكراها الـ14 للثورة").isEmpty, "an ordinal after the article")
    }

    func testDigitsGluedByADashToAWordNameAModel() {
        XCTAssertEqual(figures("نشرت الولايات المتحدة ⟦6⟧ طائرات اف-16 في تركيا").map(\.value), [6])
        XCTAssertEqual(figures("شنت ⟦ثلاث⟧ مقاتلات إف‐16 غارات").map(\.value), [3], "a Unicode hyphen too")
        XCTAssertEqual(figures("أصيب ⟦20⟧ شخصا بفيروس كوفيد-19").map(\.value), [20])
        XCTAssertEqual(figures("قتل ما بين ⟦10⟧ - ⟦15⟧ شخصا").map(\.value), [10, 15], "a range between numbers is not a model")
    }

    func testScaledNumbersAndNumberWords() {
        XCTAssertEqual(figures("نزوح ⟦2.3 مليون⟧ شخص").first?.value, 2_300_000)
        XCTAssertEqual(figures("وصول ⟦٣ آلاف⟧ لاجئ").first?.value, 3000)
        XCTAssertEqual(figures("نزوح ⟦15 ألفا و200⟧ شخص").first?.value, 15200)
        XCTAssertEqual(figures("وصول ⟦ثلاثة آلاف⟧ لاجئ").first?.value, 3000)
        XCTAssertEqual(figures("نزح ⟦14.375 ألف⟧ شخص").first?.value, 14375)
        XCTAssertEqual(figures("بلغ عدد النازحين ⟦12.500⟧ نازح").first?.value, 12500)
        XCTAssertEqual(figures("أنقذت الفرق ⟦8,410⟧ أشخاص").first?.value, 8410)
        XCTAssertEqual(figures("بلغ عدد السكان ⟦2ر5 مليون⟧ نسمة").first?.value, 2_500_000)
        XCTAssertEqual(figures("اعتقال ⟦ثلاثمائة وخمسين⟧ شخصا").first?.value, 350)
        XCTAssertEqual(figures("مقتل ⟦خمسة وعشرين⟧ مدنيا").first?.value, 25)
        XCTAssertEqual(figures("نزوح ⟦ثلاثة آلاف وخمسمائة⟧ شخص").first?.value, 3500)
        XCTAssertEqual(figures("وصول ⟦ألفي⟧ لاجئ").first?.value, 2000)
        XCTAssertEqual(figures("قتيل ⟦واحد⟧").first?.value, 1)
        XCTAssertEqual(figures("نفذت هجوماً ⟦واحداً⟧ بأسلحة كيميائية").first?.category, "munitions.chemical")
        XCTAssertEqual(figures("قتل ⟦طفلان⟧ في القصف").first?.value, 2)
        XCTAssertEqual(figures("مقتل مدنيين ⟦اثنين⟧").map(\.value), [2], "the number word, not the dual, is the figure")
        XCTAssertTrue(figures("فرت عشرات آلاف العوائل ومئات الأسر").isEmpty, "vague quantities")
    }

    func testDecoysAreNotFigures() {
        let text = "سيطرت الفصائل على 85 % من المدينة وثلاثين بالمئة من الريف في عام 2016، وقتل طفل في الـ12 من عمره "
            + "بعد صدور القرار 2254 والقانون رقم 10، منذ أكثر من خمس سنوات ولمدة ثلاثة أيام قبل 17 يوماً، "
            + "عند الساعة 7:30 صباحاً، واتصلوا على 0991234567، من عائلة واحدة، بقيمة 100 مليون دولار. "
            + "أسماء الضحايا: 1. أحمد، وللتواصل: +966 50 123 4567 أو 011-456-7890"
        XCTAssertEqual(TestGrammar.extractor.extract(text).figures.map(\.text), [])
    }

    func testBreakdownsTwoLevelsDeepAndTotalsAfterTheirBreakdown() {
        let found = figures("قتل ⟦100⟧ مدني، بينهم ⟦40⟧ طفلاً، منهم ⟦10⟧ رضع، و⟦30⟧ امرأة. وارتكبت ⟦6⟧ مجازر من أصل ⟦32⟧ مجزرة")
        XCTAssertEqual(found.map(\.parent), [nil, 0, 1, 1, 5, nil])
        XCTAssertEqual(found[4].category, "massacres")
    }

    func testNoCueNoParent() {
        let found = figures("قتل ⟦17⟧ شخصاً هم ⟦12⟧ في حمص و⟦5⟧ في درعا")
        XCTAssertEqual(found.map(\.parent), [nil, nil, nil])
    }

    func testCategoriesFollowTheActAndTheEvidence() {
        XCTAssertEqual(figures("إصابة ⟦30⟧ مدنيا").first?.category, "injured")
        XCTAssertEqual(figures("وفاة ⟦38⟧ محتجزا").first?.category, "killed")
        XCTAssertEqual(figures("اعتقال ⟦25⟧ صحفيا").first?.category, "detained")
        XCTAssertEqual(figures("قال إن ⟦30⟧ إعلامياً فقط ما زالوا يعملون").first?.category, nil)
        XCTAssertEqual(figures("أغلقت ⟦590⟧ مدرسة").first?.category, nil)
        XCTAssertEqual(figures("قصفت الطائرات ⟦5⟧ مدارس").first?.category, "attacks.schools")
        XCTAssertEqual(figures("تدمير ⟦30⟧ منزلا").first?.category, nil)
        XCTAssertEqual(figures("سقوط ⟦50⟧ قتيلا وجريحا").first?.category, nil, "killed and injured together")
        XCTAssertEqual(figures("شن الطيران ⟦30⟧ غارة جوية").first?.category, "airstrikes")
        XCTAssertEqual(figures("ألقت المروحيات ⟦752⟧ برميلاً متفجراً").first?.category, "munitions.barrel_bombs")
        XCTAssertEqual(figures("استخدمت الذخائر الحارقة ما لايقل عن ⟦105⟧ مرة").first?.category, "munitions.incendiary")
    }

    func testInvalidAndRandomInputNeverCrashes() {
        var generator = SplitMix64(seed: 9)
        let pieces = ["مقتل", " ", "5", "،", "بينهم", "ما لا يقل عن", "\n", "مليون", "و", "(", ")", "٣", "ألف", "آذار", "2015", "/", ".", "-", "ـ", "ً", "منها", "على الأقل"]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int(generator.next() % 40) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let result = TestGrammar.extractor.extract(text)
            for figure in result.figures {
                XCTAssertEqual(figure.text, text.codePoints(figure.range))
                if let parent = figure.parent { XCTAssertTrue(result.figures.indices.contains(parent)) }
            }
            for date in result.dates { XCTAssertEqual(date.text, text.codePoints(date.range)) }
        }
    }
}
