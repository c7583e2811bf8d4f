import XCTest
@testable import Hasila

/// A scene reads the sentences of a document's figures first and, when the document's first source is searched
/// for, sentences before them afterwards. Each sentence read out of order is moved into place among those read
/// before (not sorted in), so the names, cues and clause boundaries that the linkers find by binary search must
/// come out exactly as reading every sentence in text order gives them.
final class LinkSceneOrderTests: XCTestCase {
    private let sentences = [
        "تقع مدينة حلب في شمال سوريا.",
        "وقال المرصد السوري إن قوات النظام قصفت ريف إدلب، فيما نزح الأهالي.",
        "وأفادت وزارة الصحة بأن الجيش استهدف مدينة حماة.",
        "قتل 12 مدنيا في قصف على دوما بحسب الدفاع المدني.",
    ]

    private func scene(figureTokens: (([Token]) -> [Int])) -> LinkScene {
        let grammar = TestGrammar.shared
        let text = Normalizer(options: .matching).normalize(scalars: sentences.joined(separator: " ").unicodeScalars.map(\.value))
        let tokens = Tokenizer(lexicon: grammar.lexicon).tokenize(text)
        let finder = NameFinder(grammar: grammar)
        var scene = LinkScene(grammar: grammar, text: text, tokens: tokens, figureTokens: figureTokens(tokens), countryBefore: nil) {
            finder.find(text: text, tokens: tokens, in: $0)
        }
        while scene.readNextSentence() != nil {}
        return scene
    }

    private func describe(_ scene: LinkScene) -> (names: [String], cues: [String], boundaries: [Int]) {
        (scene.names.map { "\($0.tokens) \($0.mention.kind) \($0.mention.key) \($0.key ?? "nil")" },
         scene.cues.map { "\($0.tokens) \($0.kind) \($0.rule)" },
         scene.boundaries)
    }

    func testSentencesReadAfterLaterOnesComeOutAsReadInOrder() {
        // The figure (12) is in the last sentence: the scene reads the first sentence (it names a place), then the
        // last, then the two between, each before names it has already read.
        let outOfOrder = scene { tokens in [tokens.firstIndex { $0.kind == .number }!] }
        let inOrder = scene { _ in [] }
        let (names, cues, boundaries) = describe(outOfOrder)
        let expected = describe(inOrder)
        XCTAssertEqual(names, expected.names)
        XCTAssertEqual(cues, expected.cues)
        XCTAssertEqual(boundaries, expected.boundaries)
        // The sentences between hold names, attributions and clause boundaries, so the lists really were merged.
        XCTAssertGreaterThanOrEqual(outOfOrder.names.count, 8, names.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(outOfOrder.cues.filter { $0.kind == .attribution }.count, 3, cues.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(boundaries.count, 2)
        XCTAssertEqual(outOfOrder.names.map(\.tokens.lowerBound), outOfOrder.names.map(\.tokens.lowerBound).sorted())
        XCTAssertEqual(outOfOrder.cues.map(\.tokens.lowerBound), outOfOrder.cues.map(\.tokens.lowerBound).sorted())
        // A cue's rule reads back as where it was written.
        XCTAssertTrue(outOfOrder.cues.allSatisfy { $0.rule.contains(".grammar:") }, cues.joined(separator: "\n"))
        // Starred keys are filled with the document's country whichever order the sentences were read in.
        XCTAssertTrue(names.contains { $0.hasSuffix("gov.sy.health") }, names.joined(separator: "\n"))
    }

    /// The sentences of a document whose figure stands in its last sentence, with link cues and no name: the scene
    /// reads the first sentence (for the place), then the figure's, then the others one by one while the search for
    /// the document's first source goes on.
    private let sourceSearch = [
        "أعلن مسؤول أمني أمس القبض على مشتبه بهم في تفجير سوق قضاء الزبير بمحافظة البصرة.",
        "وقالت خلية الإعلام الأمني، في بيان نقلته وسائل إعلام محلية، إن التحقيقات مستمرة.",
        "وأضافت أنه تم توقيف عدد من الحراس.",
        "وسقط قتلى جراء الانفجار الذي وقع في السوق كما أصيب في الهجوم نحو 60 شخصا.",
    ]

    func testCuesAreInOrderAfterEverySentenceRead() throws {
        let grammar = TestGrammar.shared
        let text = Normalizer(options: .matching).normalize(scalars: sourceSearch.joined(separator: " ").unicodeScalars.map(\.value))
        let tokens = Tokenizer(lexicon: grammar.lexicon).tokenize(text)
        let finder = NameFinder(grammar: grammar)
        let figure = try XCTUnwrap(tokens.firstIndex { $0.kind == .number })
        var scene = LinkScene(grammar: grammar, text: text, tokens: tokens, figureTokens: [figure], countryBefore: nil) {
            finder.find(text: text, tokens: tokens, in: $0)
        }
        // The figure's sentence has cues of its own, read before those of the sentences before it.
        XCTAssertFalse(scene.cues(in: scene.sentence(tokens[figure].sentence)).isEmpty, "\(scene.cues.map(\.kind))")
        var read = 0
        while let range = scene.readNextSentence(onlyAttributed: true) {
            read += 1
            XCTAssertEqual(scene.cues.map(\.tokens.lowerBound), scene.cues.map(\.tokens.lowerBound).sorted())
            XCTAssertEqual(scene.boundaries, scene.boundaries.sorted())
            // The first cue at or after the sentence's start is the sentence's own first cue, found by halves.
            let own = scene.cues.firstIndex { range.contains($0.tokens.lowerBound) }
            if let own { XCTAssertEqual(scene.firstCue(from: range.lowerBound), own) }
        }
        XCTAssertGreaterThanOrEqual(read, 2)
    }

    func testTheFirstSourceReadAfterTheFiguresSentenceIsFound() throws {
        // A body's attribution in the second sentence is the document's first named one (the first sentence's
        // speaker is unnamed): the figure of the last sentence takes it.
        let figures = Extractor(grammar: TestGrammar.shared).extract(sourceSearch.joined(separator: " ")).figures
        let figure = try XCTUnwrap(figures.first { $0.value == 60 }, "\(figures.map(\.value))")
        XCTAssertEqual(figure.source?.key, "gov.iq.security")
        XCTAssertEqual(figure.source?.text, "خلية الإعلام الأمني")
    }

    func testTheFirstSourceReadAfterTheFiguresSentenceIsFoundThroughTheCommand() throws {
        let folder = TemporaryFolder()
        let text = sourceSearch.joined(separator: " ") + "\n"
        let run = try CLI.run(["extract", folder.write("b.txt", text)])
        XCTAssertEqual(run.status, 0, run.stderr)
        let record = try XCTUnwrap(run.records.first { $0["value"] as? Int == 60 })
        let source = try XCTUnwrap(record["source"] as? [String: Any])
        XCTAssertEqual(source["key"] as? String, "gov.iq.security")
        // Its span is the body's words in the original text.
        let original = Array(text.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(original[(source["start"] as! Int)..<(source["end"] as! Int)])), "خلية الإعلام الأمني")
    }

    func testTheSearchOfPositionsFindsWhatAWalkFinds() {
        // The branchless search (hasila_search.h) against a walk, over lists of every length up to 70 and every start.
        var generator = SplitMix(seed: 9)
        for length in 0...70 {
            var positions: [Int32] = []
            var at: Int32 = 0
            for _ in 0..<length {
                at += Int32(generator.next() % 3)  // repeats included
                positions.append(at)
            }
            for start in 0...length {
                for value in -1...(Int(at) + 2) {
                    let walked = positions[start...].firstIndex { Int($0) >= value } ?? length
                    XCTAssertEqual(LinkScene.firstAtOrAfter(positions, value, from: start), walked, "\(positions) from \(start), \(value)")
                }
            }
        }
    }
}
