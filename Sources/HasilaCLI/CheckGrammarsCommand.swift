import ArgumentParser
import Foundation
import Hasila

/// `hasila check-grammars`: validates a grammar folder and runs every example under its rules,
/// for a researcher who edits the rules.
struct CheckGrammarsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-grammars",
        abstract: "Validate the grammar files and run every example written under their rules.",
        discussion: "Exit status: 0 when every example holds, 1 when some do not, 2 when the grammars do not load."
    )

    @OptionGroup var grammar: GrammarOptions

    func run() throws {
        let loaded = try grammar.load()
        let runner = GrammarExampleRunner(extractor: Extractor(grammar: loaded))
        var failures = 0
        for example in loaded.examples {
            if let problem = runner.check(example) {
                failures += 1
                Diagnostics.write("\(example.file):\(example.line): \(problem)")
            }
        }
        try StandardOutput().write(Array("\(loaded.ruleCount) rules, \(loaded.lexicon.formCount) word forms, \(loaded.examples.count) examples, \(failures) failing (\(loaded.source))\n".utf8))
        if failures > 0 { throw ExitCode(1) }
    }
}
