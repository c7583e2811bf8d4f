import ArgumentParser
import Foundation
import Hasila

/// `hasila extract`: one record per figure (and per date with --dates), over whole archives.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract counted figures (and dates) from Arabic reports: JSON lines, CSV or SQLite.",
        discussion: """
            PATH is a file, a folder (read recursively in a deterministic order) or "-" for JSON lines on stdin. \
            Files: .txt, .html/.htm (tags stripped; offsets refer to the text `hasila text` prints), \
            .jsonl/.ndjson (one {"id", "text", "date"?, ...} per line; other fields pass through as "meta"), \
            and any of them .gz. Encodings: UTF-8, UTF-16 with a BOM, windows-1256 and ISO-8859-6 (detected). \
            Each record's start and end are code-point offsets into the document's text. \
            Exit status: 0 when every document was processed, 1 when some were skipped, 2 for usage errors.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, sqlite }

    @Argument(help: "Files, folders, or - for JSON lines on stdin.")
    var paths: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (under FILE.partial until the end, then renamed over it) instead of stdout ('-'). Only a regular file, in a folder that exists, and not an input.", valueName: "FILE"))
    var output: String?

    /// The output file, or nil for stdout.
    var outputPath: String? { output == "-" ? nil : output }

    @Option(help: "Output format: jsonl, csv or sqlite (sqlite needs --output).")
    var format: Format = .jsonl

    @Flag(help: "With --format csv: start with a byte order mark, so Excel shows Arabic.")
    var excel = false

    @Flag(help: "Also write one record per date mention.")
    var dates = false

    @Option(help: ArgumentHelp("The documents' date, against which relative dates (أمس، الشهر الماضي) are resolved.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .customLong("doc-dates"), help: ArgumentHelp("A manifest of documents' dates: TSV or CSV with a header naming the columns id and date, or JSON lines {\"id\", \"date\"}; dates as YYYY-MM-DD with an optional time. Precedence: a JSON line's date, this manifest, a dateline the text opens with, --date.", valueName: "FILE"))
    var docDates: String?

    @Option(help: "Documents processed at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Read every file in this encoding instead of detecting it (a name ICU knows).", valueName: "NAME"))
    var encoding: String?

    @Option(help: "Skip (and report) documents held whole in memory larger than this many bytes: a JSON line, an HTML page, a .txt.gz under 1 MB, text not in UTF-8. Plain UTF-8 text (and .txt.gz) of any size is read in sections. Memory is about 13 times this (the default, 16 MiB, keeps a run under 300 MB).")
    var maxBytes: Int = 16 << 20

    @Option(help: ArgumentHelp("Where the documents that could not be read are reported, as JSON lines: a FILE, or 'inline' for error records in the output.", valueName: "FILE|inline"))
    var errors: String?

    @Flag(help: "Go on from where a killed run with the same --output stopped.")
    var resume = false

    @Flag(name: .shortAndLong, help: "No progress line and no summary line.")
    var quiet = false

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write the HTML report of the records (as `hasila report` does) to FILE; needs --output.", valueName: "FILE"))
    var htmlReport: String?

    @OptionGroup var grammar: GrammarOptions

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if format == .sqlite && outputPath == nil { throw ValidationError("--format sqlite needs --output FILE") }
        if resume && outputPath == nil { throw ValidationError("--resume needs --output FILE") }
        if let outputPath, let errors, errors == outputPath { throw ValidationError("--errors and --output name the same file") }
        if excel && format != .csv { throw ValidationError("--excel goes with --format csv") }
        if htmlReport != nil && (output == nil || format == .csv || paths.contains("-")) {
            throw ValidationError("--report needs --output FILE in jsonl or sqlite format, and files or folders (not -) to read the texts again")
        }
        if let date, DateValue(iso: date)?.day == nil { throw ValidationError("--date \(date): expected a date as YYYY-MM-DD") }
    }

    func run() throws {
        let loaded = try grammar.load()
        let files: [SourceFile]
        var collectorWarnings = 0
        var documentDates: DocumentDates?
        do {
            documentDates = try docDates.map { try DocumentDates(contentsOf: $0) }
            files = try DocumentCollector.collect(paths, distinguishRoots: true) { text in
                Diagnostics.warning(text)
                collectorWarnings += 1
            }
            // Nothing at all to read (every path missing) is a usage error; one missing path among others costs only itself.
            if !files.isEmpty, files.allSatisfy({ $0.problem != nil }) {
                for file in files { Diagnostics.error("\(file.path): \(file.problem!)") }
                throw ExitCode(2)
            }
            // Before any work: an output may only replace a regular file, never a folder, a device or an input.
            if let outputPath { try OutputTarget.validate(outputPath, option: "--output", inputs: files) }
            if let errors, errors != "inline" { try OutputTarget.validate(errors, option: "--errors", inputs: files) }
        } catch let error as HasilaError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
        let inline = errors == "inline"
        // Whether there is a killed or crashed run's output to go on from (looked at before the sink makes one).
        let resumable = resume && outputPath.map { FileManager.default.fileExists(atPath: $0 + ".partial") } == true
        let sink: RecordSink
        var skip = 0
        do {
            switch format {
            case .jsonl:
                let out = try AtomicOutput(path: outputPath, resume: resume)
                skip = out.resumedDocuments
                sink = JSONLinesSink(output: out, includeDates: dates, inlineErrors: inline)
            case .csv:
                let out = try AtomicOutput(path: outputPath, resume: resume, header: CSVSink.header(excel: excel))
                skip = out.resumedDocuments
                sink = CSVSink(output: out, includeDates: dates, inlineErrors: inline)
            case .sqlite:
                let database = try SQLiteSink(path: outputPath!, includeDates: dates, resume: resume)
                skip = database.resumedDocuments
                sink = database
            }
        } catch let error as HasilaError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
        let report: ErrorReport
        // Crash containment (see CrashLog): only for an output that can be resumed.
        let crashLog: CrashLog?
        do {
            report = try ErrorReport(path: inline ? nil : errors, resume: resume, documents: skip)
            // Its crashes count only while the output they happened to is resumed.
            crashLog = try outputPath.map { try CrashLog(partial: $0 + ".partial", resume: resumable) }
            try crashLog?.install()
        } catch let error as HasilaError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
        let runner = ArchiveRunner(extractor: Extractor(grammar: loaded),
                                   reader: DocumentReader(decoder: TextDecoder(forced: encoding), maxBytes: maxBytes),
                                   jobs: jobs, date: date.flatMap { DateValue(iso: $0) }, documentDates: documentDates)
        let progress = Progress(enabled: !quiet && isatty(2) == 1, totalBytes: files.reduce(0) { $0 + Progress.size(of: $1) })
        var summary: RunSummary
        do {
            summary = try runner.run(files, into: sink, skip: skip, crashLog: crashLog,
                                     warning: { Diagnostics.warning($0) },
                                     failure: { problem in
                                         Diagnostics.warning("skipped \(problem.description)")
                                         report.add(problem)
                                     },
                                     checkpoint: { try report.checkpoint(documents: $0) },
                                     progress: { progress.update($0) })
            crashLog?.finish()
        } catch let error as HasilaError {
            progress.clear()
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
        summary.warnings += collectorWarnings
        try report.finish()
        progress.clear()
        if !quiet { Diagnostics.write(summary.line) }
        if let htmlReport, let output {
            try ReportCommand.write(records: output, options: ReportOptions(texts: paths, encoding: encoding,
                                                                            errorsReports: errors.map { $0 == "inline" ? [] : [$0] } ?? []), to: htmlReport)
        }
        if summary.skipped > 0 { throw ExitCode(1) }
    }
}
