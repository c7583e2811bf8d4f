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

    @Option(help: ArgumentHelp("The documents' date, against which relative dates (أمس، الشهر الماضي) are resolved.", valueName: "YYYY-MM-DD"))
    var date: String?

    @OptionGroup var grammar: GrammarOptions

    func run() throws {
        let loaded = try grammar.load()
        let documents: [SourceDocument]
        do { documents = try DocumentCollector.collect(paths) } catch let error as HasilaError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
        var reference: DateValue?
        if let date {
            guard let parsed = DateValue(iso: date), parsed.day != nil else {
                Diagnostics.error("--date \(date): expected a date as YYYY-MM-DD")
                throw ExitCode(2)
            }
            reference = parsed
        }
        let extractor = Extractor(grammar: loaded)
        let writer = RecordWriter(includeDates: dates)
        let sink = try OutputFile(path: output)
        var skipped = 0
        for document in documents {
            do {
                let (scalars, warning) = try DocumentCollector.read(document)
                if let warning { Diagnostics.warning(warning) }
                try sink.write(writer.lines(for: extractor.extract(scalars: scalars, document: document.id, date: reference)))
            } catch let error as HasilaError {
                Diagnostics.warning("skipped: \(error.description)")
                skipped += 1
            }
        }
        try sink.finish()
        if skipped > 0 { throw ExitCode(1) }
    }
}
