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
            Records are figures by default; --kinds dates or all (--dates) adds date records, whose "value" is an ISO date, \
            and --dates-output FILE writes them to a file of their own so that each file's "value" has one type. \
            -o - (or no -o) is stdout, for JSON lines and CSV. Files inside a folder that Hasila does not read are passed \
            over with a warning and counted; a file named on the command line that it does not read, or a path that \
            does not exist, is an error for that path alone. \
            Exit status: 0 when every document was processed, 1 when some were skipped (a missing or unsupported path \
            among others included), 2 for usage errors (nothing at all to read included).
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

    @Flag(help: "Also write one record per date mention: the same as --kinds all.")
    var dates = false

    @Option(help: ArgumentHelp("Which records to write: figures (the default), dates, or all.", valueName: "figures|dates|all"))
    var kinds: RecordKinds?

    @Option(help: ArgumentHelp("Write the date records to FILE (JSON lines or CSV, as --format), the figures to --output: each file's \"value\" then has one type.", valueName: "FILE"))
    var datesOutput: String?

    /// The records asked for: --kinds, or all with --dates or --dates-output.
    var recordKinds: RecordKinds { kinds ?? (dates || datesOutput != nil ? .all : .figures) }

    /// The dates file, or nil for stdout (or for no dates file).
    var datesOutputPath: String? { datesOutput == "-" ? nil : datesOutput }

    @Option(help: ArgumentHelp("The documents' date, against which relative dates (yesterday, last month) are resolved.", valueName: "YYYY-MM-DD"))
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
        if format == .sqlite && output == "-" {
            throw ValidationError("--format sqlite cannot write to stdout (-o -): a database is a file; give --output FILE.sqlite, or use --format jsonl or csv for a stream")
        }
        if format == .sqlite && outputPath == nil { throw ValidationError("--format sqlite needs --output FILE") }
        if dates, let kinds, kinds != .all { throw ValidationError("--dates means --kinds all; it cannot go with --kinds \(kinds.rawValue)") }
        if let datesOutput {
            if format == .sqlite { throw ValidationError("--dates-output goes with jsonl or csv: a SQLite file keeps its dates in their own table (dates); use --kinds all") }
            if kinds == .dates || kinds == .figures {
                throw ValidationError("--dates-output writes the dates beside the figures: leave out --kinds \(kinds!.rawValue) (or give --kinds all)")
            }
            if datesOutput == "-" && outputPath == nil { throw ValidationError("--dates-output - and the figures would both go to stdout; give --output FILE") }
            if datesOutputPath != nil && (datesOutputPath == outputPath || datesOutputPath == errors) {
                throw ValidationError("--dates-output names the same file as --output or --errors")
            }
            if resume && datesOutputPath == nil { throw ValidationError("--resume needs --dates-output FILE, not stdout") }
        }
        if resume && outputPath == nil { throw ValidationError("--resume needs --output FILE") }
        if let outputPath, let errors, errors == outputPath { throw ValidationError("--errors and --output name the same file") }
        if excel && format != .csv { throw ValidationError("--excel goes with --format csv") }
        if htmlReport != nil && (outputPath == nil || format == .csv || paths.contains("-")) {
            throw ValidationError("--report needs --output FILE in jsonl or sqlite format, and files or folders (not -) to read the texts again")
        }
        if let date, DateValue(iso: date)?.day == nil { throw ValidationError("--date \(date): expected a date as YYYY-MM-DD") }
    }

    func run() throws {
        let listing = InputListing(paths)
        let loaded = try grammar.load()
        let files: [SourceFile]
        var collectorWarnings = 0
        var unsupported: [String] = []
        var documentDates: DocumentDates?
        do {
            documentDates = try docDates.map { try DocumentDates(contentsOf: $0) }
            files = try listing.wait(warning: { text in
                Diagnostics.warning(text)
                collectorWarnings += 1
            }, unsupported: { unsupported.append($0) })
            // Nothing at all to read (every path missing) is a usage error; one missing path among others costs only itself.
            if !files.isEmpty, files.allSatisfy({ $0.problem != nil }) {
                for file in files { Diagnostics.error("\(file.path): \(file.problem!)") }
                throw ExitCode(2)
            }
            collectorWarnings += Self.warnUnsupported(unsupported)
            // Before any work: an output may only replace a regular file, never a folder, a device or an input.
            if let outputPath { try OutputTarget.validate(outputPath, option: "--output", inputs: files) }
            if let errors, errors != "inline" { try OutputTarget.validate(errors, option: "--errors", inputs: files) }
            if let datesOutputPath { try OutputTarget.validate(datesOutputPath, option: "--dates-output", inputs: files) }
        } catch let error as HasilaError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
        let inline = errors == "inline"
        // Whether there is a killed or crashed run's output to go on from (looked at before the sink makes one).
        let resumable = resume && outputPath.map { FileManager.default.fileExists(atPath: $0 + ".partial") } == true
        var sink: RecordSink
        var skip = 0
        let kinds = recordKinds
        // With --dates-output, the main output takes the figures alone and the dates file the dates.
        let mainDates = kinds.includesDates && datesOutput == nil
        do {
            switch format {
            case .jsonl:
                let out = try AtomicOutput(path: outputPath, resume: resume)
                skip = out.resumedDocuments
                sink = JSONLinesSink(output: out, includeDates: mainDates, includeFigures: kinds.includesFigures, inlineErrors: inline)
            case .csv:
                let out = try AtomicOutput(path: outputPath, resume: resume, header: CSVSink.header(excel: excel))
                skip = out.resumedDocuments
                sink = CSVSink(output: out, includeDates: mainDates, includeFigures: kinds.includesFigures, inlineErrors: inline)
            case .sqlite:
                let database = try SQLiteSink(path: outputPath!, includeDates: kinds.includesDates, includeFigures: kinds.includesFigures, resume: resume)
                skip = database.resumedDocuments
                sink = database
            }
            if datesOutput != nil {
                // Resumed to the figures' checkpoint, which the dates file always reached (it checkpoints first).
                let out = try AtomicOutput(path: datesOutputPath, resume: resume, upTo: resume ? skip : nil,
                                           header: format == .csv ? CSVSink.header(excel: excel) : [])
                let datesSink: RecordSink = format == .csv
                    ? CSVSink(output: out, includeDates: true, includeFigures: false, inlineErrors: false)
                    : JSONLinesSink(output: out, includeDates: true, includeFigures: false, inlineErrors: false)
                sink = SplitSink(figures: sink, dates: datesSink)
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
        // The archive's size is asked of the file system only for a progress line that shows it: a stat per file,
        // before the first document is read, is time a quiet run over many small files would wait for nothing.
        let showsProgress = !quiet && isatty(2) == 1
        let progress = Progress(enabled: showsProgress, totalBytes: showsProgress ? files.reduce(0) { $0 + Progress.size(of: $1) } : 0)
        var summary: RunSummary
        let problemPaths = Set(files.filter { $0.problem != nil }.map(\.path))
        do {
            summary = try runner.run(files, into: sink, skip: skip, crashLog: crashLog,
                                     warning: { Diagnostics.warning($0) },
                                     failure: { problem in
                                         // A path given that cannot be read at all is an error for that path; a document inside one is skipped.
                                         if problemPaths.contains(problem.path) {
                                             Diagnostics.error(problem.description)
                                         } else {
                                             Diagnostics.warning("skipped \(problem.description)")
                                         }
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
        // The summary counts the records written: those of the kinds asked for.
        if !kinds.includesFigures { summary.figures = 0 }
        if !kinds.includesDates { summary.dates = 0 }
        summary.unsupported = unsupported.count
        try report.finish()
        progress.clear()
        if !quiet { Diagnostics.write(summary.line) }
        if let htmlReport, let outputPath {
            try ReportCommand.write(records: outputPath, options: ReportOptions(texts: paths, encoding: encoding,
                                                                            errorsReports: errors.map { $0 == "inline" ? [] : [$0] } ?? []), to: htmlReport)
        }
        if summary.skipped > 0 { throw ExitCode(1) }
    }

    /// Up to this many files passed over are named one by one; more make one line with the first of them.
    static let namedUnsupported = 3

    /// Files inside the folders given that Hasila does not read: a warning each, or one line with
    /// their count and the first few names when there are many. Returns the warnings written.
    static func warnUnsupported(_ found: [String]) -> Int {
        let paths = found.sorted()
        let reads = "Hasila reads \(InputFormat.supportedExtensions)"
        if paths.count <= namedUnsupported {
            for path in paths { Diagnostics.warning("\(path): not a kind of file Hasila reads; passed over (\(reads))") }
            return paths.count
        } else {
            Diagnostics.warning("\(paths.count) files not of a kind Hasila reads were passed over (\(reads)), among them "
                                + paths.prefix(namedUnsupported).joined(separator: ", ") + ", …")
            return 1
        }
    }
}

extension RecordKinds: ExpressibleByArgument {}
