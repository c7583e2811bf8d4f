import XCTest
@testable import Hasila

/// The trie's own answers, apart from any grammar: children, payloads, the stems that begin a kind of phrase.
final class PhraseTrieTests: XCTestCase {
    /// Stems are plain numbers here; payload 0 and 2 stand for one kind, 1 for another.
    private func trie() -> PhraseTrie {
        var trie = PhraseTrie()
        trie.insert([5, 7], payload: 0)        // 5 7 → kind A
        trie.insert([5, 8, 9], payload: 1)     // 5 8 9 → kind B
        trie.insert([6], payload: 1)           // 6 → kind B
        trie.insert([6, 7, 7], payload: 2)     // 6 7 7 → kind A, two levels below a B
        trie.insert([4, 3], payload: 1)        // 4 3 → kind B
        trie.insert([4, 3], payload: 2)        // … and A on the same words
        return trie
    }

    func testTheStemsThatBeginAKindOfPhrase() {
        let trie = trie()
        XCTAssertEqual(Set(trie.firstStems), [4, 5, 6])
        XCTAssertEqual(Set(trie.firstStems(where: { $0 == 0 || $0 == 2 })), [4, 5, 6])
        XCTAssertEqual(Set(trie.firstStems(where: { $0 == 0 })), [5])
        XCTAssertEqual(Set(trie.firstStems(where: { $0 == 1 })), [4, 5, 6])
        XCTAssertEqual(trie.firstStems(where: { $0 == 3 }), [])
    }

    func testChildrenPayloadsAndTheirSketch() {
        let trie = trie()
        let five = try! XCTUnwrap(trie.child(PhraseTrie.root, 5))
        XCTAssertTrue(trie.hasChildren(five))
        XCTAssertFalse(trie.hasPayload(five))
        XCTAssertNil(trie.firstPayload(at: five))
        let fiveSeven = try! XCTUnwrap(trie.child(five, 7))
        XCTAssertEqual(trie.firstPayload(at: fiveSeven), 0)
        XCTAssertFalse(trie.hasChildren(fiveSeven))
        // A stem that continues no phrase here is turned away, whatever its sketch bit.
        for stem: Int32 in [0, 1, 2, 3, 4, 5, 6, 9, 1_000, 123_456] { XCTAssertNil(trie.child(five, stem), "\(stem)") }
        // Two payloads on one node: both, in the order they were written.
        let fourThree = try! XCTUnwrap(trie.child(try! XCTUnwrap(trie.child(PhraseTrie.root, 4)), 3))
        var seen: [Int] = []
        trie.forEachPayload(at: fourThree) { seen.append($0) }
        XCTAssertEqual(seen, [1, 2])
        XCTAssertEqual(trie.firstPayload(at: fourThree), 1)
        XCTAssertEqual(trie.payloads(at: fourThree), [1, 2])
    }

    func testTheBundledGrammarsKnowWhereAttributionsBegin() {
        // Every attribution cue of the bundled grammars begins with a stem the table marks, and not every cue does.
        let tables = TestGrammar.shared.tables
        let marked = tables.attributionStarts.filter { $0 }.count
        XCTAssertGreaterThan(marked, 0)
        XCTAssertLessThan(marked, tables.linkCues.firstStems.count)
    }
}
