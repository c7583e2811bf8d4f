import ArgumentParser
import Hasila

/// The `--grammars DIR` option shared by the commands that extract.
struct GrammarOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of grammar files to use instead of the bundled Grammars/.", valueName: "DIR"))
    var grammars: String?

    func load() throws -> Grammar {
        do {
            return try GrammarLoader.load(directory: try GrammarLoader.locate(explicit: grammars))
        } catch let error as HasilaError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
    }
}
