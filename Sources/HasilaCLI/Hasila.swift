import ArgumentParser
import Hasila

/// The `hasila` command: a thin layer over the Hasila library.
@main
struct HasilaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hasila",
        abstract: "Turns archives of Arabic human-rights reports and news into datasets of counted figures.",
        discussion: """
            Exit status: 0 when every document was processed, 1 when some were skipped or a \
            check failed, 2 for usage errors and unreadable grammars.
            """,
        version: "hasila \(HasilaVersion.string) (ICU \(ICU.version))",
        subcommands: [ExtractCommand.self, EvalCommand.self, NormalizeCommand.self]
    )
}
