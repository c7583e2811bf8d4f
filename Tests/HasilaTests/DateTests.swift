import XCTest
@testable import Hasila

/// Date mentions and the periods they give figures.
final class DateTests: XCTestCase {
    private func dates(_ marked: String, file: StaticString = #filePath, line: UInt = #line) -> [DateMention] {
        let input = MarkedText(marked)
        let found = TestGrammar.extractor.extract(input.text).dates
        XCTAssertEqual(found.map(\.range), input.spans, "spans of «\(input.text)»", file: file, line: line)
        return found
    }

    private func values(_ marked: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        dates(marked, file: file, line: line).map { $0.relative ? "relative" : $0.value?.description ?? "nil" }
    }

    func testEveryMonthSet() {
        XCTAssertEqual(values("في ⟦30 سبتمبر 2015⟧ و⟦30 أيلول 2015⟧ و⟦30 شتنبر 2015⟧ و⟦2 جويلية 2015⟧ و⟦1 يونيه 2015⟧"),
                       ["2015-09-30", "2015-09-30", "2015-09-30", "2015-07-02", "2015-06-01"])
        XCTAssertEqual(values("في ⟦14 كانون الثاني 2016⟧ و⟦1 تشرين الأول 2016⟧ و⟦3 آب 2016⟧"), ["2016-01-14", "2016-10-01", "2016-08-03"])
        XCTAssertEqual(values("منذ ⟦1 آذار/مارس 2019⟧ حتى ⟦16 سبتمبر (أيلول) 2024⟧"), ["2019-03-01", "2024-09-16"])
        XCTAssertEqual(values("منذ ⟦30سبتمبر 2015⟧"), ["2015-09-30"])
        XCTAssertEqual(values("في ⟦٣٠ أيلول ٢٠١٧⟧"), ["2017-09-30"])
    }

    func testNumericDatesAreDatesNeverFractions() {
        XCTAssertEqual(values("في ⟦30/9/2017⟧ و⟦30-9-2017⟧ و⟦30.9.2017⟧ و⟦2017-09-30⟧ و⟦2017/09/30⟧ و⟦٣٠/٩/٢٠١٧⟧"),
                       Array(repeating: "2017-09-30", count: 6))
        XCTAssertEqual(TestGrammar.extractor.extract("قتل 12 شخصا في 2/3 المدينة").dates.count, 0)
    }

    func testCoarseDatesKeepTheirPrecision() {
        XCTAssertEqual(values("في ⟦مارس 2015⟧ و⟦مطلع عام 2014⟧ و⟦أواخر 2018⟧ و⟦منتصف آذار 2011⟧"), ["2015-03", "2014", "2018", "2011-03"])
        XCTAssertEqual(values("منذ ⟦2011⟧ وفي عام (⟦2017⟧)"), ["2011", "2017"])
        XCTAssertEqual(values("⟦الأحد 4 آذار 2018⟧"), ["2018-03-04"])
    }

    func testHijriDatesConvertThroughICU() {
        // The era mark decides the calendar and stays outside the mention (annotation rules 7).
        XCTAssertEqual(values("في ⟦١٤ رمضان ١٤٣٩⟧ هـ"), ["2018-05-29"])
        XCTAssertEqual(values("في ⟦17 رمضان 1440⟧هـ"), ["2019-05-22"])
        XCTAssertEqual(values("في ⟦محرم 1440⟧هـ"), ["2018-09"])
        let hijri = dates("في ⟦١٠ ذي الحجة ١٤٣٩⟧ هـ")
        XCTAssertEqual(hijri.first?.calendar, .islamic)
        XCTAssertEqual(hijri.first?.value?.description, "2018-08-21")
        XCTAssertNil(ICU.gregorian(fromHijriYear: 1439, month: 13, day: 40))
        XCTAssertTrue(TestGrammar.extractor.extract("أكلنا صفر من الطعام").dates.isEmpty, "صفر alone is not a month")
    }

    func testDatesAsRealNewsWritesThem() {
        // A weekday beside a day named relatively is one mention; in brackets, a gloss left out.
        XCTAssertEqual(values("قال المسؤول ⟦أمس الخميس⟧ إن 5 أشخاص قتلوا"), ["relative"])
        XCTAssertEqual(values("قالت الوزارة ⟦اليوم⟧ (الاثنين) إن 3 أشخاص أصيبوا"), ["relative"])
        XCTAssertEqual(values("وقع الحادث ⟦أمس الأول السبت⟧"), ["relative"])
        // A month named alone after a word that introduces a time; "شهر" between them too.
        XCTAssertEqual(values("عاد السكان في ⟦أيار⟧ وبقوا خلال شهر ⟦حزيران⟧"), ["relative", "relative"])
        XCTAssertEqual(values("بين ⟦أيلول⟧ و⟦كانون الثاني الماضيين⟧"), ["relative", "relative"])
        // A season before a year, a relative year with its year written, a decade.
        XCTAssertEqual(values("اندلعت المعارك في ⟦صيف 2013⟧ وتجددت ⟦العام الماضي 2014⟧ بعد هدوء ⟦العقد الماضي⟧"),
                       ["2013", "2014", "relative"])
        // Years heading the entries of a chronology.
        XCTAssertEqual(values("⟦1948⟧ - قيام الدولة. ⟦1967⟧ - حرب الأيام الستة."), ["1948", "1967"])
        // Names holding a date word are no dates.
        XCTAssertTrue(TestGrammar.extractor.extract("قالت صحيفة عين اليوم إن الرئيس رجب طيب أردوغان زار المدينة").dates.isEmpty)
    }

    func testADemonstrativeCarriesThePeriodOfTheSentenceBefore() {
        let figures = TestGrammar.extractor.extract("شنت الطائرات 20 غارة في 5 أيار 2016. وقتل في هذه الغارات 14 مدنيا. وقتل 3 آخرون في حادث.").figures
        XCTAssertEqual(figures.map(\.value), [20, 14, 3])
        XCTAssertEqual(figures[1].period?.start?.description, "2016-05-05")
        XCTAssertEqual(figures[1].period?.end?.description, "2016-05-05")
        XCTAssertNil(figures[2].period, "no reference, no period")
    }

    func testRelativeDates() {
        XCTAssertEqual(values("⟦أمس⟧ و⟦اليوم⟧ و⟦الأسبوع الماضي⟧ و⟦الشهر الماضي⟧ و⟦منتصف سبتمبر الماضي⟧ و⟦العام الجاري⟧ و⟦19 سبتمبر⟧ و⟦الخميس الماضي⟧"),
                       Array(repeating: "relative", count: 8))
        XCTAssertEqual(values("في ⟦رمضان⟧"), ["relative"])
        XCTAssertTrue(TestGrammar.extractor.extract("في اليوم العالمي للطفل وفي اليوم نفسه").dates.isEmpty)
    }

    func testNotDates() {
        XCTAssertTrue(TestGrammar.extractor.extract("قتل 2.3 شخص والقانون 2015 لمدة خمس سنوات، أكثر من 2000 صورة").dates.isEmpty)
    }

    func testPeriodsComeFromTheFiguresOwnSentence() {
        func period(_ text: String) -> String {
            let figure = TestGrammar.extractor.extract(text).figures.first
            guard let period = figure?.period else { return "nil" }
            return "\(period.start?.description ?? "nil")..\(period.end?.description ?? "nil")"
        }
        XCTAssertEqual(period("مقتل 50 شخصا منذ 30 سبتمبر 2015"), "2015-09-30..nil")
        XCTAssertEqual(period("مقتل 50 شخصا منذ تدخلها في 30سبتمبر 2015 حتى 30 سبتمبر 2017"), "2015-09-30..2017-09-30")
        XCTAssertEqual(period("مقتل 50 شخصا خلال الفترة الممتدة من 1 آذار 2019 إلى 31 آذار 2019"), "2019-03-01..2019-03-31")
        XCTAssertEqual(period("مقتل 50 شخصا بين 1 و 30 أيلول 2018"), "2018-09-01..2018-09-30")
        XCTAssertEqual(period("مقتل 50 شخصا حتى 30نوفمبر 2023"), "nil..2023-11-30")
        XCTAssertEqual(period("مقتل 50 شخصا منذ 19 سبتمبر"), "nil", "a side without its year is open; both open, no period")
        XCTAssertEqual(period("مقتل 50 شخصا أمس"), "nil")
        XCTAssertEqual(period("وقع الهجوم منذ 1 يناير 2018 حتى 31 ديسمبر 2018. ووثق التقرير خلال الفترة المذكورة مقتل 50 شخصا"),
                       "2018-01-01..2018-12-31")
        XCTAssertEqual(period("وقع الهجوم منذ 1 يناير 2018. ووثق التقرير مقتل 50 شخصا"), "nil", "another sentence's dates")
        let breakdown = TestGrammar.extractor.extract("مقتل 100 شخص منذ 1 يناير 2018، بينهم 30 طفلا").figures
        XCTAssertEqual(breakdown[1].period, breakdown[0].period)
    }
}

/// Relative dates resolved against the document's date.
final class RelativeDateTests: XCTestCase {
    private func resolved(_ text: String, on date: String?) -> [String] {
        TestGrammar.extractor.extract(text, date: date.flatMap { DateValue(iso: $0) }).dates
            .filter(\.relative).map { $0.value?.description ?? "nil" }
    }

    func testAgainstAGivenDate() {
        let text = "قتل 5 أمس و3 أول أمس و4 اليوم، ونزح 300 الشهر الماضي و200 العام الجاري و100 الأسبوع الماضي، منذ 19 تموز و20 أيلول، في سبتمبر الماضي، الخميس الماضي"
        // 2020-01-05 was a Sunday.
        XCTAssertEqual(resolved(text, on: "2020-01-05"),
                       ["2020-01-04", "2020-01-03", "2020-01-05", "2019-12", "2020", "nil", "2019-07-19", "2019-09-20", "2019-09", "2020-01-02"])
        XCTAssertEqual(resolved(text, on: nil), Array(repeating: "nil", count: 10), "no document date: values stay null")
    }

    func testAcrossMonthAndYearEnds() {
        XCTAssertEqual(resolved("أمس", on: "2024-03-01"), ["2024-02-29"])
        XCTAssertEqual(resolved("الشهر الماضي", on: "2024-01-15"), ["2023-12"])
        XCTAssertEqual(resolved("الأحد", on: "2020-01-05"), ["2020-01-05"])
        XCTAssertEqual(resolved("الأحد الماضي", on: "2020-01-05"), ["2019-12-29"])
    }

    func testADatelineIsTheDocumentDate() {
        let text = "بيروت - 12 آب 2019 (وكالات)\nقتل 5 أشخاص أمس."
        XCTAssertEqual(resolved(text, on: nil), ["2019-08-11"])
        XCTAssertEqual(resolved("قتل 5 أشخاص أمس في 12 آب 2019", on: nil), ["nil"], "a date inside the text is no dateline")
    }

    func testTheCommandTakesADate() throws {
        let folder = TemporaryFolder()
        let doc = folder.write("a.txt", "قتل 5 أشخاص أمس")
        let records = try CLI.run(["extract", "--dates", "--date", "2021-03-01", doc]).records
        XCTAssertEqual(records.last?["value"] as? String, "2021-02-28")
        XCTAssertEqual(records.last?["relative"] as? Bool, true)
        XCTAssertEqual(try CLI.run(["extract", "--date", "1 March", doc]).status, 2)
    }
}

/// Sentences that state more than one period.
final class PeriodChoiceTests: XCTestCase {
    func testEachFigureTakesThePeriodNearestIt() {
        let figures = TestGrammar.extractor.extract("وسجلت المفوضية سنة 2016 اعتقال 214 شخصاً، وارتفع العدد في سنة 2018 إلى 390 معتقلاً.").figures
        XCTAssertEqual(figures.map { $0.period?.start?.description }, ["2016", "2018"])
        let after = TestGrammar.extractor.extract("قتل 7 مدنيين منذ 30 سبتمبر 2015 حتى 30 سبتمبر 2017، وفي 14 رمضان 1439 هـ قتل آخرون.").figures
        XCTAssertEqual(after.first?.period?.end?.description, "2017-09-30")
    }

    func testAHijriMonthGivesItsExactDays() {
        let figure = TestGrammar.extractor.extract("نزح 4 آلاف شخص في محرم 1440هـ").figures.first
        XCTAssertEqual(figure?.period?.start?.description, "2018-09-11")
        XCTAssertEqual(figure?.period?.end?.description, "2018-10-09")
    }
}
