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
}
