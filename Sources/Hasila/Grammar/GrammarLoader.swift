import Dispatch
import Foundation

/// Finds, reads, validates and compiles the Grammars/ folder.
///
/// Where the rules come from, first found wins: the folder given (`--grammars DIR`), the
/// HASILA_GRAMMARS environment variable, then a Grammars/ folder next to the executable or in
/// one of the folders above it (which finds the repository's own Grammars/ from .build/release),
/// or share/hasila/Grammars beside an installed binary's bin/. Never the current directory.
public enum GrammarLoader {
    public static let fileExtension = "grammar"

    /// The folder to load, or an error listing where it looked.
    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let explicit { return explicit }
        if let fromEnvironment = environment["HASILA_GRAMMARS"], !fromEnvironment.isEmpty { return fromEnvironment }
        var searched: [String] = []
        if let executable = executablePath() {
            var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            let installed = folder.deletingLastPathComponent().appendingPathComponent("share/hasila/Grammars").path
            for _ in 0..<5 {
                let candidate = folder.appendingPathComponent("Grammars").path
                searched.append(candidate)
                if FileManager.default.fileExists(atPath: candidate + "/clitics.grammar") { return candidate }
                folder = folder.deletingLastPathComponent()
            }
            searched.append(installed)
            if FileManager.default.fileExists(atPath: installed + "/clitics.grammar") { return installed }
        }
        throw HasilaError.grammarsNotFound(searched: searched)
    }

    static func executablePath() -> String? {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0).path }
    }

    /// Loads every `*.grammar` file below `directory` (sorted by path), or throws every problem found.
    public static func load(directory: String) throws -> Grammar {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HasilaError.missingPath(path: directory)
        }
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw HasilaError.unreadableFile(path: directory, reason: "cannot list the folder")
        }
        var files: [String] = []
        for case let relative as String in enumerator where relative.hasSuffix("." + fileExtension) { files.append(relative) }
        files.sort()
        guard !files.isEmpty else { throw HasilaError.unreadableFile(path: directory, reason: "no .\(fileExtension) files in it") }
        // Each file is read and parsed on its own (on every core: parsing is a fifth of the start-up), then taken in
        // path order, so the statements, the diagnostics and the first unreadable file are those of reading them in turn.
        typealias Parse = (statements: [GrammarStatement], diagnostics: [GrammarDiagnostic])
        let parsed = ResultSlots<Result<Parse, HasilaError>?>(Array(repeating: nil, count: files.count)), sorted = files
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let relative = sorted[index]
            let path = root.appendingPathComponent(relative).path
            guard let data = FileManager.default.contents(atPath: path) else {
                parsed.set(index, .failure(HasilaError.unreadableFile(path: path, reason: "cannot read")))
                return
            }
            guard let text = String(data: data, encoding: .utf8) else {
                parsed.set(index, .failure(HasilaError.unreadableFile(path: path, reason: "not valid UTF-8")))
                return
            }
            let dimension = relative.contains("/") ? String(relative.split(separator: "/")[0]) : ""
            parsed.set(index, .success(GrammarParser(file: path, dimension: dimension).parse(text)))
        }
        var statements: [GrammarStatement] = []
        var diagnostics: [GrammarDiagnostic] = []
        for result in parsed.values {
            let file = try result!.get()
            statements.append(contentsOf: file.statements)
            diagnostics.append(contentsOf: file.diagnostics)
        }
        guard diagnostics.isEmpty else { throw HasilaError.grammar(diagnostics) }
        var compiler = GrammarCompiler(statements: statements)
        guard let grammar = compiler.compile(source: directory) else { throw HasilaError.grammar(compiler.diagnostics) }
        return grammar
    }
}
