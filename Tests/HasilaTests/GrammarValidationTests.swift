import XCTest
@testable import Hasila

/// Grammar files rot silently unless checked: a malformed file stops the run with
/// file:line:column, a caret and what was expected, before any output.
final class GrammarValidationTests: XCTestCase {
    /// A grammar folder made of the bundled files plus one broken file.
    private func folder(with broken: String, named name: String = "cues/broken.grammar") -> TemporaryFolder {
        let folder = TemporaryFolder()
        let bundled = SharedMaterial.grammars
        for relative in FileManager.default.enumerator(atPath: bundled)!.compactMap({ $0 as? String }) where relative.hasSuffix(".grammar") {
            folder.write(relative, try! String(contentsOfFile: bundled + "/" + relative, encoding: .utf8))
        }
        folder.write(name, broken)
        return folder
    }

    private func diagnostics(_ text: String) -> [GrammarDiagnostic] {
        let folder = folder(with: text)
        do {
            _ = try GrammarLoader.load(directory: folder.path)
            XCTFail("the broken grammar loaded")
            return []
        } catch HasilaError.grammar(let found) {
            return found
        } catch {
            XCTFail("unexpected error \(error)")
            return []
        }
    }

    func testTheBundledGrammarsLoad() throws {
        let grammar = try GrammarLoader.load(directory: SharedMaterial.grammars)
        XCTAssertGreaterThan(grammar.ruleCount, 100)
        XCTAssertGreaterThan(grammar.lexicon.formCount, 10_000)
    }

    func testAMissingEqualsSignIsReportedWithLineAndColumn() {
        let found = diagnostics("# header\nqualifier at_least before ما لا يقل عن\n")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.line, 2)
        XCTAssertEqual(found.first?.code, .syntax)
        XCTAssertTrue(found.first?.description.contains("broken.grammar:2:") ?? false)
        XCTAssertTrue(found.first?.description.contains("expected '='") ?? false)
    }

    func testAnUnclosedGroupPointsAtTheEndOfTheLine() {
        let found = diagnostics("qualifier about before = (نحو | قرابة\n")
        XCTAssertEqual(found.first?.code, .syntax)
        XCTAssertEqual(found.first?.line, 1)
        XCTAssertEqual(found.first?.column, 38)
        XCTAssertTrue(found.first?.message.contains("')'") ?? false)
    }

    /// A stray ')' once ended the pattern silently (the words after it dropped), and the rule's
    /// example then failed on the next line: it is a syntax error at the rule's line and column.
    func testAnUnbalancedClosingParenthesisIsReportedAtItsRule() {
        for (rule, column) in [("qualifier about before = نحو | قرابة )", 38), ("qualifier about before = نحو ) قرابة", 30),
                               ("qualifier about before = (نحو | قرابة))", 39)] {
            let found = diagnostics("# header\n\(rule)\n  + قتل نحو 30 شخصا => 30 about\n")
            XCTAssertEqual(found.count, 1, "\(rule): \(found)")
            XCTAssertEqual(found.first?.code, .syntax, rule)
            XCTAssertEqual(found.first?.line, 2, rule)
            XCTAssertEqual(found.first?.column, column, rule)
            XCTAssertTrue(found.first?.message.contains("unbalanced ')'") ?? false, rule)
        }
    }

    func testADiacriticCanNeverMatchAndIsRejectedAtItsColumn() {
        let found = diagnostics("qualifier at_least before = ما لا يقلّ عن\n")
        XCTAssertEqual(found.first?.code, .unmatchableCodePoint)
        XCTAssertEqual(found.first?.column, 38)  // the shadda, after يقل at columns 35-37
        XCTAssertTrue(found.first?.message.contains("SHADDA") ?? false)
        // The caret stands under the column in the printed diagnostic.
        let lines = found.first!.description.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.last?.unicodeScalars.count, 38)
        XCTAssertEqual(lines.last?.last, "^")
    }

    func testPresentationFormsAreRejected() {
        // "ﻻ" (U+FEFB) typed instead of ل + ا: it would never match normalised text.
        let found = diagnostics("number 3 unit = ثﻻثة\n")
        XCTAssertEqual(found.first?.code, .unmatchableCodePoint)
        XCTAssertTrue(found.first?.message.contains("presentation form") ?? false)
    }

    func testUnknownReferencesAndKeysAreRejected() {
        XCTAssertEqual(diagnostics("decoy x = <no-such-thing> {n}\n").first?.code, .unknownReference)
        XCTAssertEqual(diagnostics("category killed.pets = قطط\n").first?.code, .unknownKey)
        XCTAssertEqual(diagnostics("qualifier roughly before = نحو\n").first?.code, .unknownKey)
        XCTAssertEqual(diagnostics("frobnicate = نحو\n").first?.code, .unknownStatement)
    }

    func testAnExampleWithoutItsRuleOrWithAnUnknownExpectationIsRejected() {
        XCTAssertEqual(diagnostics("+ مقتل 5 => 5\n").first?.code, .badExample)
        XCTAssertEqual(diagnostics("dual = توأمان\n  + توأمان => 2 twins\n").first?.code, .badExample)
    }

    func testEveryProblemIsReportedNotJustTheFirst() {
        let found = diagnostics("qualifier about before = نحو ُ\nnumber x unit = واحد\nfoo = بار\n")
        XCTAssertGreaterThanOrEqual(found.count, 3)
    }

    func testProblemsInSeveralFilesComeInPathOrder() throws {
        // The files are parsed side by side; what they say wrong is reported as reading them in turn would.
        let folder = folder(with: "qualifier about before نحو\n", named: "zz/last.grammar")
        folder.write("aa/first.grammar", "qualifier at_least before ما لا يقل عن\n")
        folder.write("mm/middle.grammar", "# two\nqualifier more_than before أكثر من\n")
        var found: [GrammarDiagnostic] = []
        do { _ = try GrammarLoader.load(directory: folder.path) } catch HasilaError.grammar(let diagnostics) { found = diagnostics }
        let files = found.map { URL(fileURLWithPath: $0.file).lastPathComponent }
        XCTAssertEqual(files, ["first.grammar", "middle.grammar", "last.grammar"], found.map(\.description).joined(separator: "\n"))
        // The same again: no run orders them otherwise.
        for _ in 0..<3 {
            do { _ = try GrammarLoader.load(directory: folder.path) } catch HasilaError.grammar(let again) { XCTAssertEqual(again, found) }
        }
    }

    func testABrokenGrammarStopsTheCommandBeforeAnyOutput() throws {
        let grammars = folder(with: "category killed group = قتيل (\n")
        let text = TemporaryFolder()
        let doc = text.write("a.txt", "مقتل 5 أشخاص")
        let result = try CLI.run(["extract", "--grammars", grammars.path, doc])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("broken.grammar:1:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("^"), result.stderr)
    }

    func testGrammarsReplaceTheBundledSet() throws {
        // A grammar set without the qualifier rules: the same text comes out exact.
        let folder = TemporaryFolder()
        let bundled = SharedMaterial.grammars
        for relative in FileManager.default.enumerator(atPath: bundled)!.compactMap({ $0 as? String })
            where relative.hasSuffix(".grammar") && !relative.hasSuffix("qualifiers.grammar") {
            folder.write(relative, try! String(contentsOfFile: bundled + "/" + relative, encoding: .utf8))
        }
        let text = TemporaryFolder()
        let doc = text.write("a.txt", "مقتل ما لا يقل عن 40 مدنيا")
        let bundledRun = try CLI.run(["extract", doc]).records
        let replacedRun = try CLI.run(["extract", "--grammars", folder.path, doc]).records
        XCTAssertEqual(bundledRun.first?["qualifier"] as? String, "at_least")
        XCTAssertEqual(replacedRun.first?["qualifier"] as? String, "exact")
    }
}

/// Gazetteer rules (`place`, `place … town`, `nationality`, `actor`, `source`): keys of the wrong shape, towns of
/// unknown divisions and names given two keys stop the load at their file, line and column.
final class GazetteerValidationTests: XCTestCase {
    private func diagnostics(_ text: String) -> [GrammarDiagnostic] {
        let folder = TemporaryFolder()
        let bundled = SharedMaterial.grammars
        for relative in FileManager.default.enumerator(atPath: bundled)!.compactMap({ $0 as? String }) where relative.hasSuffix(".grammar") {
            folder.write(relative, try! String(contentsOfFile: bundled + "/" + relative, encoding: .utf8))
        }
        folder.write("places/zz-mine.grammar", text)
        do {
            _ = try GrammarLoader.load(directory: folder.path)
            return []
        } catch HasilaError.grammar(let found) {
            return found
        } catch {
            XCTFail("unexpected error \(error)")
            return []
        }
    }

    func testAPlaceKeyMustBeAnISOCode() {
        let found = diagnostics("# mine\nplace Syria = بلاد الشام\n")
        XCTAssertEqual(found.map(\.code), [.badNameKey])
        XCTAssertEqual(found.first?.line, 2)
        XCTAssertEqual(found.first?.column, 7)
        XCTAssertTrue(found.first?.description.contains("mine.grammar:2:7: error G008") ?? false, found.first?.description ?? "")
        XCTAssertEqual(diagnostics("place SY-idlib = بلاد\n").map(\.code), [.badNameKey])
        XCTAssertEqual(diagnostics("nationality sy = شامي\n").map(\.code), [.badNameKey])
    }

    func testActorAndSourceKeysHaveTheDocumentedShapes() {
        XCTAssertEqual(diagnostics("actor group.ISIS = خلية\n").map(\.code), [.badNameKey])
        XCTAssertEqual(diagnostics("actor syria.state = خلية\n").map(\.code), [.badNameKey])
        XCTAssertEqual(diagnostics("actor org.sohr = خلية\n").map(\.code), [.badNameKey], "a monitor is a source, not a doer")
        XCTAssertEqual(diagnostics("source gov.sy.police = خلية\n").map(\.code), [.badNameKey], "police is the security body")
        XCTAssertEqual(diagnostics("source unknown = خلية\n").map(\.code), [.badNameKey])
        XCTAssertEqual(diagnostics("actor ke.state = قوة الدفاع الكينية\nactor individual = قاتل مأجور\nsource gov.*.local = عمدة المدينة\n"
                                   + "source group.houthis = المكتب الإعلامي للجماعة\nsource media.my_paper = صحيفتنا\n").map(\.code), [])
    }

    func testATownNeedsAKnownDivision() {
        let found = diagnostics("place ZW-MA town = بلدة هادئة\n")
        XCTAssertEqual(found.map(\.code), [.unknownDivision])
        XCTAssertTrue(found.first?.message.contains("ZW-MA") ?? false)
    }

    func testANameWithTwoKeysOfOneKindIsReported() {
        let found = diagnostics("# a town of Hama that is Idlib's name\nplace SY-HM town = إدلب\n")
        XCTAssertEqual(found.map(\.code), [.duplicate])
        XCTAssertEqual(found.first?.line, 2)
        XCTAssertTrue(found.first?.message.contains("SY-ID") ?? false, found.first?.message ?? "")
    }

    func testAByCountryRuleNeedsCountryCodesAndPlainActorKeys() {
        XCTAssertEqual(diagnostics("actor by-country Yemen:coalition.saudi_led = طيران الحلف\n").map(\.code), [.syntax])
        XCTAssertEqual(diagnostics("actor by-country YE-coalition.saudi_led = طيران الحلف\n").map(\.code), [.syntax])
        XCTAssertEqual(diagnostics("actor by-country YE:coalition.Saudi = طيران الحلف\n").map(\.code), [.badNameKey])
        XCTAssertEqual(diagnostics("actor back-reference SY:*.state = الحلف\n").map(\.code), [.badNameKey], "a by-country key is the party's own")
        let twice = diagnostics("actor by-country YE:group.houthis SY:group.isis YE:group.hts = طيران الحلف\n")
        XCTAssertEqual(twice.map(\.code), [.duplicate])
        XCTAssertTrue(twice.first?.message.contains("YE") ?? false, twice.first?.message ?? "")
        XCTAssertEqual(diagnostics("actor by-country = طيران الحلف\n").map(\.code), [.syntax])
    }

    func testWordsUnderTwoLinkCueKindsAreReported() {
        // The scene keeps one cue per stretch of words, so a second kind for them would silently never cue.
        let found = diagnostics("hedge = جلهم\n# the same word again\nactor-back-reference = الفرقة | جلهم\n")
        XCTAssertEqual(found.map(\.code), [.duplicate])
        XCTAssertEqual(found.first?.line, 3)
        XCTAssertTrue(found.first?.message.contains("hedge") ?? false, found.first?.message ?? "")
        XCTAssertEqual(diagnostics("hedge = جلهم\nactor-back-reference = الفرقة\n").map(\.code), [], "other words are fine")
    }
}
