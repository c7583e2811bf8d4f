import Foundation

/// The grammar files' parses, filled by the threads that parse them (`GrammarLoader`), each at its own index.
final class ParsedGrammarFiles: @unchecked Sendable {
    typealias Parse = (statements: [GrammarStatement], diagnostics: [GrammarDiagnostic])
    private(set) var results: [Result<Parse, HasilaError>?]
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Parse, HasilaError>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }
}
