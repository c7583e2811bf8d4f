import ArgumentParser
import Foundation
import Hasila

/// `hasila normalize`: streams text through the normaliser with bounded memory.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalise Arabic text (diacritics, digits, presentation forms, bidi controls, spaces) to stdout.",
        discussion: "Reads the files in order, or stdin when none is given or for \"-\". Memory stays constant whatever the size."
    )

    @Argument(help: "Files to normalise (default: stdin).")
    var files: [String] = []

    @Flag(help: "Fold أ إ آ ٱ into ا.")
    var foldAlef = false
    @Flag(help: "Fold ى into ي.")
    var foldAlefMaksura = false
    @Flag(help: "Fold ة into ه.")
    var foldTehMarbuta = false
    @Flag(help: "All three foldings: the text the extractor matches on.")
    var foldAll = false

    func run() throws {
        var options: NormalizationOptions = []
        if foldAlef || foldAll { options.insert(.foldAlef) }
        if foldAlefMaksura || foldAll { options.insert(.foldAlefMaksura) }
        if foldTehMarbuta || foldAll { options.insert(.foldTehMarbuta) }
        let output = StandardOutput()
        let paths = files.isEmpty ? ["-"] : files
        for path in paths {
            let normalizer = StreamNormalizer(options: options)
            do {
                try ChunkedReader.read(path: path) { chunk in
                    try normalizer.feed(chunk) { try output.write($0) }
                }
                try normalizer.finish { try output.write($0) }
            } catch let error as HasilaError {
                throw ValidationError(error.description)
            }
        }
    }
}
