import Foundation
import Hasila

/// The errors report (`--errors FILE`): one JSON line per document that could not be read.
///
/// Each line is written to FILE.partial as soon as its document is done, so a crash loses none;
/// the report checkpoints with the output and resumes with it (`--resume`), back to the same
/// document, so no error is lost or reported twice.
final class ErrorReport {
    private let output: AtomicOutput?

    init(path: String?, resume: Bool = false, documents: Int = 0) throws {
        output = try path.map { try AtomicOutput(path: $0, resume: resume, upTo: documents) }
    }

    func add(_ failure: DocumentFailure) {
        try? output?.write(RecordWriter.errorLine(failure))
        try? output?.flush()
    }

    func checkpoint(documents: Int) throws { try output?.checkpoint(documents: documents) }

    func finish() throws { try output?.finish() }
}
