import Foundation
import Hasila

/// The errors report (`--errors FILE`): one JSON line per document that could not be read.
final class ErrorReport {
    private let output: AtomicOutput?

    init(path: String?) throws {
        output = try path.map { try AtomicOutput(path: $0) }
    }

    func add(_ failure: DocumentFailure) {
        try? output?.write(RecordWriter.errorLine(failure))
    }

    func finish() throws { try output?.finish() }
}
