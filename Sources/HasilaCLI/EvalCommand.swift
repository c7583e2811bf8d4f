import ArgumentParser
import Foundation
import Hasila

/// `hasila eval`: runs the extraction and compares it with gold annotations.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Compare extraction with gold: precision, recall, F1, field accuracies, then every difference.",
        discussion: """
            Reads every figures*.jsonl and dates*.jsonl in the gold folder (format: ../shared/gold-format.md). \
            A figure matches when its span overlaps the gold span and the values are equal. \
            With --min-f1 / --min-accuracy the exit status is 1 when a score falls below them.
            """
    )

    @Option(help: ArgumentHelp("Folder holding the gold figures*.jsonl and dates*.jsonl.", valueName: "DIR"))
    var gold: String

    @Argument(help: "Files or folders to extract from.")
    var paths: [String]

    @Flag(help: "Write the report as one JSON object.")
    var json = false

    @Option(help: "Fail (exit 1) when figure or date F1 is below this.")
    var minF1: Double?

    @Option(help: "Fail (exit 1) when a field accuracy is below this.")
    var minAccuracy: Double?

    @Option(help: ArgumentHelp("Explain one figure instead of scoring: which reader, grammar rule and words decided its qualifier, category, parent and period.", valueName: "DOC@OFFSET"))
    var explain: String?

    @OptionGroup var grammar: GrammarOptions

    func run() throws {
        let loaded = try grammar.load()
        let goldRecords: (figures: [GoldFigure], dates: [GoldDate])
        let files: [SourceFile]
        do {
            goldRecords = try GoldReader.read(directory: gold)
            files = try DocumentCollector.collect(paths)
        } catch let error as HasilaError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
        let extractor = Extractor(grammar: loaded)
        if let explain {
            try explainFigure(explain, files: files, extractor: extractor, gold: goldRecords.figures)
            return
        }
        var extractions: [DocumentExtraction] = []
        try DocumentReader().read(files) { input in
            switch input {
            case .document(let document):
                for warning in document.warnings { Diagnostics.warning(warning) }
                extractions.append(extractor.extract(scalars: document.scalars, document: document.id, date: document.date))
            case .failure(let failure):
                Diagnostics.warning("skipped \(failure.description)")
            case .line:
                break  // the reader parses lines itself unless told to defer them
            }
        }
        let result = Evaluator().evaluate(extractions, figures: goldRecords.figures, dates: goldRecords.dates,
                                          scoreDates: !goldRecords.dates.isEmpty)
        let report = json ? EvaluationReport.json(result) : EvaluationReport.text(result)
        try StandardOutput().write(Array(report.utf8))
        var failed = false
        if let minF1, result.figures.f1 < minF1 || (!goldRecords.dates.isEmpty && result.dates.f1 < minF1) { failed = true }
        if let minAccuracy, [result.qualifier, result.category, result.parent, result.period].contains(where: { $0.accuracy < minAccuracy }) {
            failed = true
        }
        if failed { throw ExitCode(1) }
    }

    /// `--explain DOC@OFFSET`: the figure of that document whose span holds that code point.
    private func explainFigure(_ target: String, files: [SourceFile], extractor: Extractor, gold: [GoldFigure]) throws {
        guard let at = target.lastIndex(of: "@"), let offset = Int(target[target.index(after: at)...]) else {
            Diagnostics.error("--explain takes DOC@OFFSET (a document id and a code-point offset), e.g. d003@15; got '\(target)'")
            throw ExitCode(2)
        }
        let doc = String(target[..<at])
        var found: Document?
        try DocumentReader().read(files) { input in
            if case .document(let document) = input, document.id == doc { found = document }
        }
        guard let document = found else {
            Diagnostics.error("no document '\(doc)' among the paths given")
            throw ExitCode(2)
        }
        let (extraction, decisions) = extractor.explain(scalars: document.scalars, document: document.id, date: document.date)
        guard let index = extraction.figures.firstIndex(where: { $0.range.contains(offset) || $0.range.lowerBound == offset }) else {
            Diagnostics.error("no figure of '\(doc)' covers offset \(offset)")
            throw ExitCode(1)
        }
        try StandardOutput().write(Array(FigureExplanation.text(extraction, figure: index, decisions: decisions[index],
                                                               gold: gold.first { $0.doc == doc && $0.range.overlaps(extraction.figures[index].range) }).utf8))
    }
}
