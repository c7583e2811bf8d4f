import ArgumentParser
import Foundation
import Hasila

/// `hasila show`: one record, its fields and its sentence with the figure marked, read from the
/// document's text at exactly the record's code points: to check a figure without a report.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one record with its sentence, the figure marked: by id (DOC#N) or by FILE:OFFSET.",
        discussion: """
            TARGET is a record id (as in the records: "2019/report#3", "report#d2" for a date) or FILE:OFFSET, a file \
            and a code-point offset into its text (the text `hasila text FILE` prints). With --records (JSON lines or \
            SQLite written by `hasila extract`) the record is looked up there; without, the document is extracted now: \
            FILE itself, or for an id the files and folders of --texts, given as they were to `hasila extract`. The \
            sentence is read from the document (--texts, FILE, or the paths a SQLite file keeps). The span is marked \
            in reverse video on a terminal, between ⟦ and ⟧ otherwise. \
            Exit status: 0 when the record was shown, 1 when there is no such record or the text at its span is \
            not its text, 2 for usage errors and unreadable inputs.
            """
    )

    enum Colour: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Argument(help: ArgumentHelp("A record id, or FILE:OFFSET.", valueName: "ID|FILE:OFFSET"))
    var target: String

    @Option(help: ArgumentHelp("The records `hasila extract` wrote: JSON lines or SQLite.", valueName: "FILE"))
    var records: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The files and folders the records were extracted from, as given to extract.", valueName: "PATH"))
    var texts: [String] = []

    @Option(help: ArgumentHelp("Read the texts in this encoding, as extract was told with --encoding.", valueName: "NAME"))
    var encoding: String?

    @Option(help: "Mark the span with terminal colours: auto (when stdout is a terminal), always or never.")
    var color: Colour = .auto

    @OptionGroup var grammar: GrammarOptions

    func validate() throws {
        if texts.contains("-") { throw ValidationError("--texts cannot be stdin (-): the texts are read again") }
        if location == nil && records == nil && texts.isEmpty {
            throw ValidationError("\(target) is not FILE:OFFSET of a file that exists; to show a record by its id, give --records FILE or --texts PATH...")
        }
    }

    /// TARGET as FILE:OFFSET, when it names a file that exists and a number.
    var location: (file: String, offset: Int)? {
        guard let colon = target.lastIndex(of: ":"), let offset = Int(target[target.index(after: colon)...]), offset >= 0 else { return nil }
        let file = String(target[..<colon])
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
        return (file, offset)
    }

    func run() throws {
        do {
            let (record, text) = try find()
            try show(record, in: text)
        } catch let error as ShowFailure {
            Diagnostics.error(error.message)
            throw ExitCode(error.status)
        } catch let error as HasilaError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        } catch let error as ReportError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
    }

    /// Why nothing is shown, and the exit status that says it.
    struct ShowFailure: Error {
        let message: String
        var status: Int32 = 1
    }

    /// The record and the text of its document.
    func find() throws -> (ReportRecord, [UInt32]) {
        if let (path, offset) = location {
            guard let file = try DocumentCollector.collect([path]).first else { throw ShowFailure(message: "\(path): nothing to read", status: 2) }
            if let problem = file.problem { throw ShowFailure(message: "\(path): \(problem)", status: 2) }
            if file.format.kind == .jsonLines {
                throw ShowFailure(message: "\(path) holds one document a line: FILE:OFFSET needs a file of one document; give the record id (DOC#N) instead", status: 2)
            }
            let candidates: [ReportRecord], text: [UInt32]
            if let records {
                var documents = Set<String>()
                try RecordFile.read(path: records, record: { documents.insert($0.doc) }, skipped: { _ in })
                let sources = RecordLookup.sources(in: records)
                guard let doc = RecordLookup.document(of: file, among: documents, sources: sources.mapValues(\.path)) else {
                    throw ShowFailure(message: "no document of \(records) is \(path) (by the paths a SQLite file keeps, or the ids' ends)")
                }
                candidates = try RecordLookup.records(in: records) { $0 == doc }
                guard let read = try DocumentTexts.text(path: path, line: nil, encoding: encoding) else {
                    throw ShowFailure(message: "\(path): no text", status: 2)
                }
                text = read
            } else {
                let extracted = try extract([file]) { _ in true }
                candidates = extracted.records
                text = extracted.texts.values.first ?? []
            }
            guard offset <= text.count else {
                throw ShowFailure(message: "\(path) has \(text.count) code points; \(offset) is past its end", status: 2)
            }
            guard let record = RecordLookup.covering(offset, among: candidates) else {
                let nearest = RecordLookup.nearest(offset, among: candidates).map { "\($0.id) (\($0.start)..<\($0.end) \"\($0.text)\")" }
                throw ShowFailure(message: "no record covers code point \(offset) of \(path)"
                                  + (nearest.isEmpty ? "; it has no records" : "; the nearest: " + nearest.joined(separator: ", ")))
            }
            return (record, text)
        }
        let doc = target.lastIndex(of: "#").map { String(target[..<$0]) } ?? target
        if let records {
            guard let record = try RecordLookup.record(id: target, in: records) else {
                throw ShowFailure(message: "no record \(target) in \(records)")
            }
            if !texts.isEmpty {
                let read = try DocumentTexts.read(texts, encoding: encoding, wanted: [doc])
                if let reason = read.failures[doc] { throw ShowFailure(message: "\(doc): \(reason)", status: 2) }
                guard let text = read.texts[doc] else {
                    throw ShowFailure(message: "no document \(doc) under --texts \(texts.joined(separator: " ")) (give the paths as they were given to extract)", status: 2)
                }
                return (record, text)
            }
            guard let source = RecordLookup.sources(in: records)[doc] else {
                throw ShowFailure(message: "\(records) does not say where \(doc) was read from: give --texts PATH... (the files and folders extract read)", status: 2)
            }
            guard let text = try DocumentTexts.text(path: source.path, line: source.line, encoding: encoding) else {
                throw ShowFailure(message: "\(source.path): no document \(doc) there any more; give --texts PATH...", status: 2)
            }
            return (record, text)
        }
        // No records: extract the documents that can hold this one, exactly as `extract` with these paths would.
        let files = try DocumentCollector.collect(texts, distinguishRoots: true)
        let base = doc.range(of: "~", options: .backwards).map { String(doc[..<$0.lowerBound]) } ?? doc
        let extracted = try extract(files.filter { $0.format.kind == .jsonLines || $0.id == doc || $0.id == base || $0.problem != nil }) { $0 == doc }
        guard let record = extracted.records.first(where: { $0.id == target }), let text = extracted.texts[doc] else {
            if let failure = extracted.failures.first(where: { $0.id == doc }) { throw ShowFailure(message: failure.description, status: 2) }
            throw ShowFailure(message: "no record \(target) in what \(texts.joined(separator: " ")) gives")
        }
        return (record, text)
    }

    /// Extracts files as `hasila extract` does, keeping the records and texts of the documents wanted.
    func extract(_ files: [SourceFile], wanted: @escaping (String) -> Bool) throws -> ExtractedRecords {
        let runner = ArchiveRunner(extractor: Extractor(grammar: try grammar.load()),
                                   reader: DocumentReader(decoder: TextDecoder(forced: encoding)), jobs: 1)
        let sink = ExtractedRecords(wanted: wanted)
        _ = try runner.run(files, into: sink, warning: { Diagnostics.warning($0) }, failure: { _ in })
        return sink
    }

    /// Prints the record's fields and its sentence with its span marked.
    func show(_ record: ReportRecord, in text: [UInt32]) throws {
        let fields = RecordDisplay.fields(record)
        let width = fields.map(\.name.count).max() ?? 0
        var out = fields.map { $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.value }.joined(separator: "\n") + "\n\n"
        guard RecordDisplay.matches(record, in: text) else {
            try StandardOutput().write(Array(out.utf8))
            let found = record.start >= 0 && record.start <= record.end && record.end <= text.count
                ? "\"" + String(String.UnicodeScalarView(text[record.start..<record.end].compactMap(Unicode.Scalar.init))) + "\""
                : "nothing (the text has \(text.count) code points)"
            throw ShowFailure(message: "the document's text holds \(found) at \(record.start)..<\(record.end), not the record's \"\(record.text)\": "
                              + "the texts are not those the records were extracted from (or need --encoding)")
        }
        let colour = color == .always || (color == .auto && isatty(1) == 1)
        let sentence = RecordDisplay.sentence(of: record, in: text)
        out += RecordDisplay.marked(record, in: text, sentence: sentence,
                                    open: colour ? "\u{1B}[1;7m" : "⟦", close: colour ? "\u{1B}[0m" : "⟧") + "\n"
        try StandardOutput().write(Array(out.utf8))
    }
}
