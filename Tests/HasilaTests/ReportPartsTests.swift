import XCTest
@testable import Hasila

/// The report's parts on their own: escaping, highlighting, aggregates and chart arithmetic.
final class ReportPartsTests: XCTestCase {
    private func figure(_ id: String, _ text: String, _ start: Int, category: String? = nil, value: Int = 1, parent: String? = nil,
                        period: String? = nil) -> ReportRecord {
        var record = ReportRecord(kind: .figure, id: id, doc: String(id.split(separator: "#")[0]), text: text, start: start, end: start + text.unicodeScalars.count)
        record.category = category
        record.value = value
        record.parent = parent
        record.periodStart = period
        record.qualifier = "exact"
        return record
    }

    private func string(_ html: HTMLBuffer) -> String { String(decoding: html.bytes, as: UTF8.self) }

    func testTheEscaperLeavesNoMarkupAndNoAddressInData() {
        let html = HTMLBuffer()
        html.text("<b>\"x\" & 'y'</b> HTTP://a Https://b hTtP\r\n😀")
        XCTAssertEqual(string(html), "&lt;b&gt;\"x\" &amp; 'y'&lt;/b&gt; &#72;TTP://a &#72;ttps://b &#104;TtP&#13;\n😀")
        let attribute = HTMLBuffer()
        attribute.attribute("a\"b'c<http")
        XCTAssertEqual(string(attribute), "a&quot;b&#39;c&lt;&#104;ttp")
        let fragment = HTMLBuffer()
        fragment.fragment("doc-12#04")
        XCTAssertEqual(string(fragment), "#doc-12%2304")
        let arabic = HTMLBuffer()
        arabic.fragment("تقرير/ا#1")
        XCTAssertEqual(string(arabic), "#%D8%AA%D9%82%D8%B1%D9%8A%D8%B1%2F%D8%A7%231", "as encodeURIComponent writes it")
    }

    func testSpansAreHighlightedAtTheirCodePointsAndTheRestFlagged() {
        // An astral character first: one code point, two UTF-16 units, four UTF-8 bytes.
        let text = "😀 قتل 30 مدنيا بينهم 5 أطفال."
        let scalars = text.unicodeScalars.map(\.value)
        let total = figure("d#1", "30 مدنيا", 6, category: "killed.civilians", value: 30)
        let inner = figure("d#2", "30", 6, category: "killed.civilians", value: 30)
        let crossing = figure("d#3", "مدنيا بينهم", 9, category: nil)
        let moved = figure("d#4", "6", 21)
        let outside = figure("d#5", "7", 400)
        let html = HTMLBuffer()
        let flagged = HighlightedText.write(scalars, records: [total, inner, crossing, moved, outside], palette: CategoryPalette(mains: ["killed"]), into: html)
        XCTAssertEqual(flagged.map(\.record.id), ["d#3", "d#4", "d#5"])
        XCTAssertEqual(flagged.map(\.reason), [.overlap, .mismatch, .outOfRange])
        XCTAssertEqual(flagged[1].found, "5")
        let page = ReportMarkup(string(html))
        XCTAssertEqual(page.records.map(\.id), ["d#1", "d#2"])
        XCTAssertEqual(page.element("d#1")?.text, "30 مدنيا")
        XCTAssertEqual(page.element("d#2")?.text, "30")
        XCTAssertEqual(ReportMarkup.decode(string(html).replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)), text,
                       "the text is whole, nothing moved or lost")
    }

    func testTheOverviewSumsCategoriesByPrefixAndLeavesBreakdownsOutOfValues() {
        var overview = ArchiveOverview()
        overview.add(figure("a#1", "100", 0, category: "killed.civilians", value: 100, period: "2015-07-01"))
        overview.add(figure("a#2", "40", 10, category: "killed.children", value: 40, parent: "a#1", period: "2015-07-01"))
        overview.add(figure("a#3", "7", 20, category: "killed", value: 7, period: "2014"))
        overview.add(figure("b#1", "3", 0, category: "injured", value: 3))
        overview.add(figure("c#1", "9", 0, category: nil, value: 9))
        var date = ReportRecord(kind: .date, id: "a#d1", doc: "a", text: "أمس", start: 30, end: 33)
        date.relative = true
        overview.add(date)
        let tree = Dictionary(uniqueKeysWithValues: overview.categoryTree.map { ($0.key, $0.tally) })
        XCTAssertEqual(overview.categoryTree.map(\.key), ["injured", "killed", "killed.children", "killed.civilians"])
        XCTAssertEqual(tree["killed"], Tally(figures: 3, values: 107))
        XCTAssertEqual(tree["killed.children"], Tally(figures: 1, values: 0))
        XCTAssertEqual(overview.uncategorized, Tally(figures: 1, values: 9))
        XCTAssertEqual(overview.figures, Tally(figures: 5, values: 119))
        XCTAssertEqual(overview.dates, 1)
        XCTAssertEqual(overview.relativeDates, 1)
        XCTAssertEqual(overview.documents, ["a", "b", "c"])
        XCTAssertEqual(overview.figuresPerDocument, [3, 1, 1])
        XCTAssertEqual(overview.periodWithoutMonth, 1)
        overview.dateByDocuments { $0 == "b" ? CalendarMonth(year: 2015, month: 8) : nil }
        XCTAssertEqual(overview.monthlyFigures, [CalendarMonth(year: 2015, month: 7): ["killed": 2], CalendarMonth(year: 2015, month: 8): ["injured": 1]])
        XCTAssertEqual(overview.undated, 1)
    }

    func testChartScalesAndNumbersAreRoundAndTheSameEverywhere() {
        XCTAssertEqual(ChartScale(largest: 181).ticks, [0, 50, 100, 150, 200])
        XCTAssertEqual(ChartScale(largest: 716).ticks, [0, 200, 400, 600, 800])
        XCTAssertEqual(ChartScale(largest: 7).ticks, [0, 2, 4, 6, 8])
        XCTAssertEqual(ChartScale(largest: 0).ticks, [0, 1])
        XCTAssertEqual(ChartScale(largest: 3_000_000).maximum, 3_000_000)
        XCTAssertEqual(SVGNumber.count(1_234_567), "1,234,567")
        XCTAssertEqual(SVGNumber.count(999), "999")
        XCTAssertEqual(SVGNumber.coordinate(12.34), "12.3")
        XCTAssertEqual(SVGNumber.coordinate(12.0), "12")
        XCTAssertEqual(SVGNumber.coordinate(-3.25), "-3.3")
    }

    func testChartsCarryAxesLabelsAndLegends() {
        let bars = HTMLBuffer()
        BarChart(title: "t", bars: [ChartBar(label: "killed", value: 181, colour: "#000"), ChartBar(label: "killed.women", value: 18, colour: "#ccc", depth: 1)],
                 axisTitle: "figures", legend: [("#000", "main key")]).write(into: bars)
        let svg = string(bars)
        XCTAssertTrue(svg.contains(">killed</text>") && svg.contains(">killed.women</text>") && svg.contains(">figures</text>") && svg.contains(">main key</text>"))
        XCTAssertEqual(svg.components(separatedBy: "class=\"tick\"").count - 1, 5, "ticks 0 to 200 by 50")
        let lines = HTMLBuffer()
        LineChart(title: "t", positions: ["2015-06", "2015-07", "2015-08"], series: [ChartSeries(name: "killed", colour: "#c00", values: [0, 5, 2])],
                  xTitle: "month", yTitle: "figures").write(into: lines)
        let line = string(lines)
        XCTAssertTrue(line.contains(">2015-07</text>") && line.contains(">month</text>") && line.contains(">figures</text>") && line.contains(">killed (7)</text>"))
        XCTAssertTrue(line.contains("<polyline"))
    }

    func testMonthsDirectionsAndRecordShapes() throws {
        XCTAssertEqual(CalendarMonth(iso: "2015-07-22"), CalendarMonth(year: 2015, month: 7))
        XCTAssertNil(CalendarMonth(iso: "2015"))
        XCTAssertEqual(CalendarMonth(ordinal: CalendarMonth(year: 2015, month: 12).ordinal).description, "2015-12")
        XCTAssertEqual(ScriptDirection.of("قتل 5 أشخاص في حلب (Aleppo)".unicodeScalars.map(\.value)), .rtl)
        XCTAssertEqual(ScriptDirection.of("Five people were killed".unicodeScalars.map(\.value)), .ltr)
        let record = try RecordFile.parse(["kind": "figure", "id": "d#1", "doc": "d", "text": "5", "start": 0, "end": 1, "value": 5,
                                           "place": ["key": "SY-ID"], "actors": ["sy.state", ["key": "ru.state"]], "source": "org.un"],
                                          path: "r.jsonl", line: 1)
        XCTAssertEqual(record.place, "SY-ID")
        XCTAssertEqual(record.actors, ["sy.state", "ru.state"])
        XCTAssertEqual(record.source, "org.un")
        XCTAssertThrowsError(try RecordFile.parse(["kind": "figure", "id": "d#1", "doc": "d", "text": "5", "start": 0], path: "r.jsonl", line: 3)) {
            XCTAssertEqual($0 as? ReportError, .badRecord(path: "r.jsonl", line: 3, reason: "no integer \"end\""))
        }
    }
}
