import ArgumentParser
import Foundation
import Hasila

/// `hasila report`: one self-contained HTML page to look at what an extraction gave (overview
/// with charts) and to check each figure in its sentence (review), made from the records and the
/// texts read again.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page: an overview of the records and a review of each figure in its text.",
        discussion: """
            RECORDS is what `hasila extract` wrote: JSON lines or its SQLite file. --texts gives the files and \
            folders it read, which are read again the same way so that each record's start and end point at \
            its text; a record whose text is not there is flagged on the page, never moved. The page fetches \
            nothing: style, script and charts are inside it. \
            Exit status: 0 when the page was written, 2 for usage errors and unreadable inputs.
            """
    )

    @Argument(help: "The records: JSON lines or a SQLite file written by `hasila extract`.")
    var records: String

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The files and folders the records were extracted from.", valueName: "PATH"))
    var texts: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the page.", valueName: "FILE"))
    var output: String

    @Option(help: "How many documents the review shows (the first in the records' order); the overview counts all.")
    var maxDocs: Int = 500

    @Option(help: ArgumentHelp("An errors report of `hasila extract --errors FILE`, listed as skipped documents.", valueName: "FILE"))
    var errors: [String] = []

    @Option(help: ArgumentHelp("Read the texts in this encoding, as extract was told with --encoding.", valueName: "NAME"))
    var encoding: String?

    func validate() throws {
        if maxDocs < 0 { throw ValidationError("--max-docs must be 0 or more") }
        if texts.contains("-") { throw ValidationError("--texts cannot be stdin (-): the texts are read again") }
    }

    func run() throws {
        try Self.write(records: records, options: ReportOptions(texts: texts, encoding: encoding, maxDocs: maxDocs, errorsReports: errors),
                       to: output)
    }

    /// Makes the page and writes it under FILE.partial, renamed at the end; shared with `extract --report`.
    static func write(records: String, options: ReportOptions, to path: String) throws {
        do {
            let page = try ReportBuilder.build(records: records, options: options)
            let output = try AtomicOutput(path: path)
            try output.write(page)
            try output.finish()
        } catch let error as ReportError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        } catch let error as HasilaError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
    }
}
