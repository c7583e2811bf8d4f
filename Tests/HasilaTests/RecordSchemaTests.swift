import XCTest

/// The schema check itself must be able to fail, or the output tests against it prove nothing.
final class RecordSchemaTests: XCTestCase {
    private func record(_ json: String) -> Any { try! JSONSerialization.jsonObject(with: Data(json.utf8)) }

    func testAValidFigurePassesAndBrokenOnesFail() throws {
        let schema = try RecordSchema()
        let valid = """
            {"kind":"figure","id":"d#1","doc":"d","value":1,"text":"واحداً","start":3,"end":9,"qualifier":"exact","category":null,\
            "noun":"هجوماً","parent":null,"period":{"start":"2015-09-30","end":null},"sentence":{"start":0,"end":20},"doc_date":"2016-01-10",\
            "when":{"start":"2015-09-30","end":"2016-01-10","basis":"stated"},"cumulative":true,"repeats":null,\
            "actors":[{"key":"sy.state","text":"قوات النظام","start":10,"end":21}],"place":{"key":"SY-ID","text":"إدلب","start":25,"end":29},\
            "country":"SY","source":null}
            """
        XCTAssertEqual(schema.problems(record(valid)), [])
        XCTAssertFalse(schema.problems(record(valid.replacingOccurrences(of: "\"value\":1", with: "\"value\":true"))).isEmpty)
        XCTAssertFalse(schema.problems(record(valid.replacingOccurrences(of: "\"exact\"", with: "\"roughly\""))).isEmpty)
        XCTAssertFalse(schema.problems(record(valid.replacingOccurrences(of: "\"parent\":null,", with: ""))).isEmpty)
        XCTAssertFalse(schema.problems(record(valid.replacingOccurrences(of: "\"start\":3", with: "\"start\":\"3\""))).isEmpty)
        XCTAssertFalse(schema.problems(record(valid.replacingOccurrences(of: "\"stated\"", with: "\"guessed\""))).isEmpty)
        XCTAssertFalse(schema.problems(record(valid.replacingOccurrences(of: "\"cumulative\":true", with: "\"cumulative\":1"))).isEmpty)
        XCTAssertFalse(schema.problems(record(valid.replacingOccurrences(of: ",\"repeats\":null", with: ""))).isEmpty)
    }

    func testTheLinkedNamesHoldTheirShape() throws {
        let schema = try RecordSchema()
        let valid = """
            {"kind":"figure","id":"d#1","doc":"d","value":1,"text":"1","start":3,"end":4,"qualifier":"exact","category":null,\
            "noun":null,"parent":null,"period":null,"sentence":{"start":0,"end":20},"doc_date":null,"when":null,"cumulative":false,"repeats":null,\
            "actors":[],"place":null,"country":null,"source":{"key":"org.sohr","text":"المرصد","start":6,"end":12}}
            """
        XCTAssertEqual(schema.problems(record(valid)), [])
        XCTAssertFalse(schema.problems(record(valid.replacingOccurrences(of: "\"country\":null", with: "\"country\":\"sy\""))).isEmpty)
        XCTAssertFalse(schema.problems(record(valid.replacingOccurrences(of: "\"actors\":[]", with: "\"actors\":[\"sy.state\"]"))).isEmpty)
        XCTAssertFalse(schema.problems(record(valid.replacingOccurrences(of: "\"key\":\"org.sohr\",", with: ""))).isEmpty)
        XCTAssertFalse(schema.problems(record(valid.replacingOccurrences(of: "\"place\":null,", with: ""))).isEmpty)
    }

    func testADateRecordNeedsItsCalendarAndRelativeFlag() throws {
        let schema = try RecordSchema()
        let valid = #"{"kind":"date","id":"d#d1","doc":"d","text":"أمس","start":0,"end":3,"value":null,"calendar":"gregorian","relative":true,"doc_date":null}"#
        XCTAssertEqual(schema.problems(record(valid)), [])
        XCTAssertFalse(schema.problems(record(valid.replacingOccurrences(of: "\"relative\":true", with: "\"relative\":1"))).isEmpty)
        XCTAssertFalse(schema.problems(record(valid.replacingOccurrences(of: "gregorian", with: "julian"))).isEmpty)
    }
}
