import Dispatch
import Foundation
import Hasila

/// The inputs of a run, listed on another thread while this one compiles the grammar: a folder of thousands of
/// files takes milliseconds to walk, as long as a small archive takes to extract. What the listing says (warnings,
/// files it does not read, an error) is kept and handed over in order, so the run reports it as if the inputs had
/// been listed after the grammar.
final class InputListing: @unchecked Sendable {
    private let done = DispatchGroup()
    private var files: Result<[SourceFile], Error> = .success([])
    private var warnings: [String] = []
    private var unsupported: [String] = []

    init(_ paths: [String]) {
        done.enter()
        DispatchQueue.global().async { [self] in
            files = Result {
                try DocumentCollector.collect(paths, distinguishRoots: true, warning: { self.warnings.append($0) },
                                              unsupported: { self.unsupported.append($0) })
            }
            done.leave()
        }
    }

    /// The files, once listed, after `warning` has been told each warning and `unsupported` each path not read, in
    /// the order the listing met them; rethrows the listing's error.
    func wait(warning: (String) -> Void, unsupported report: (String) -> Void) throws -> [SourceFile] {
        done.wait()
        for text in warnings { warning(text) }
        for path in unsupported { report(path) }
        return try files.get()
    }
}
