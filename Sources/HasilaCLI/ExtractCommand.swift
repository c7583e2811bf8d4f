import ArgumentParser
import Foundation
import Hasila

/// `hasila extract`: one JSON record per figure (and per date with --dates).
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract counted figures (and dates) from Arabic reports as JSON lines.",
        discussion: """
            PATH is a file or a folder (read recursively, .txt files, in a deterministic order). \
            Each record's start and end are code-point offsets into the original file text. \
            Exit status: 0 when every document was processed, 1 when some were skipped, 2 for usage errors.
            """
    )

    @Argument(help: "Files or folders to read.")
    var paths: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the records to FILE instead of stdout (written to a temporary file, then renamed).", valueName: "FILE"))
    var output: String?

    @Flag(help: "Also write one record per date mention.")
    var dates = false

    @OptionGroup var grammar: GrammarOptions

    func run() throws {
        let loaded = try grammar.load()
        let documents: [SourceDocument]
        do { documents = try DocumentCollector.collect(paths) } catch let error as HasilaError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
        let extractor = Extractor(grammar: loaded)
        let writer = RecordWriter(includeDates: dates)
        let sink = try OutputFile(path: output)
        var skipped = 0
        for document in documents {
            do {
                let (scalars, warning) = try DocumentCollector.read(document)
                if let warning { Diagnostics.warning(warning) }
                try sink.write(writer.lines(for: extractor.extract(scalars: scalars, document: document.id)))
            } catch let error as HasilaError {
                Diagnostics.warning("skipped: \(error.description)")
                skipped += 1
            }
        }
        try sink.finish()
        if skipped > 0 { throw ExitCode(1) }
    }
}
