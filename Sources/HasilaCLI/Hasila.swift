import ArgumentParser
import Foundation
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
        subcommands: [ExtractCommand.self, ReportCommand.self, ShowCommand.self, EvalCommand.self, TextCommand.self, NormalizeCommand.self, CheckGrammarsCommand.self]
    )

    /// Usage errors exit with status 2, as documented, rather than ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == ExitCode.validationFailure {
                Diagnostics.write(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
