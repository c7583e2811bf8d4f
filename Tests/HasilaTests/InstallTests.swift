import Foundation
import XCTest

/// `make install`, `make uninstall` and the release archive, end to end (README, "Installation").
///
/// These tests run inside `swift test`, which holds SwiftPM's lock on .build, so they never run
/// SwiftPM on .build: `make install HASILA=… GENERATE_MANUAL=…` installs the hasila the tests
/// already built, with swift-argument-parser's man page generator (built beside it by `.ci/run`,
/// else once into .build-tools). The release archive needs a release build with the static Swift
/// standard library (.build-static, about a minute on two cores): that test runs only with
/// RUN_RELEASE_TESTS=1.
final class InstallTests: XCTestCase {
    private var repository: String { SharedMaterial.repository }

    /// swift-argument-parser's `generate-manual` tool: beside the tested hasila when `.ci/run` (or
    /// `swift build --product generate-manual`) built it, otherwise built into .build-tools, a
    /// scratch folder of its own that `swift test`'s lock does not cover.
    private func manualGenerator() throws -> String {
        let beside = CLI.executable.deletingLastPathComponent().appendingPathComponent("generate-manual").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let tools = repository + "/.build-tools"
        let build = try ExternalCommand.run("swift", ["build", "--package-path", repository, "--scratch-path", tools,
                                                      "--product", "generate-manual"])
        XCTAssertEqual(build.status, 0, "building generate-manual: \(build.transcript)")
        return tools + "/debug/generate-manual"
    }

    private func requireMake() throws {
        guard ExternalCommand.exists("make") else { throw XCTSkip("make is not installed (apt-get install make)") }
    }

    /// `make VERB` on the repository's Makefile with the tested hasila, never running SwiftPM on .build.
    private func make(_ arguments: [String], generated: String) throws -> ExternalCommand.Result {
        try ExternalCommand.run("make", ["--no-print-directory", "-C", repository] + arguments + [
            "HASILA=" + CLI.executable.path, "GENERATE_MANUAL=" + (try manualGenerator()), "GENERATED=" + generated,
        ])
    }

    /// The subcommands as the argument parser itself describes them (`--experimental-dump-help`).
    private func subcommands() throws -> [String] {
        let dump = try CLI.run(["--experimental-dump-help"])
        XCTAssertEqual(dump.status, 0, dump.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let command = try XCTUnwrap(json["command"] as? [String: Any])
        let names = try XCTUnwrap(command["subcommands"] as? [[String: Any]]).compactMap { $0["commandName"] as? String }
        XCTAssertTrue(names.contains("extract") && names.contains("check-grammars"), "subcommands: \(names)")
        return names.filter { $0 != "help" }
    }

    func testMakeInstallGivesAHasilaThatFindsItsGrammarsFromAnyFolder() throws {
        try requireMake()
        let scratch = TemporaryFolder()
        let prefix = scratch.path + "/prefix"
        let install = try make(["install", "PREFIX=" + prefix], generated: scratch.path + "/generated")
        XCTAssertEqual(install.status, 0, install.transcript)

        let installed = prefix + "/bin/hasila"
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: installed))
        XCTAssertTrue(FileManager.default.fileExists(atPath: prefix + "/share/hasila/Grammars/clitics.grammar"))

        // From an unrelated folder, with no HASILA_GRAMMARS and no --grammars: the installed
        // grammars are found beside the binary (PREFIX/share/hasila/Grammars), not the repository's.
        let elsewhere = scratch.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["HASILA_GRAMMARS"] = nil
        let check = try ExternalCommand.run(installed, ["check-grammars"], directory: elsewhere, environment: environment)
        XCTAssertEqual(check.status, 0, check.transcript)
        XCTAssertTrue(check.stdout.contains("(\(prefix)/share/hasila/Grammars)"), check.stdout)

        let document = SharedMaterial.corpus + "/documents/a01.txt"
        let fromInstall = try ExternalCommand.run(installed, ["extract", "--dates", document], directory: elsewhere,
                                                  environment: environment)
        XCTAssertEqual(fromInstall.status, 0, fromInstall.transcript)
        let fromBuild = try CLI.run(["extract", "--dates", "--grammars", SharedMaterial.grammars, document])
        XCTAssertEqual(fromBuild.status, 0, fromBuild.stderr)
        XCTAssertGreaterThan(fromBuild.lines.count, 0, "a01 should give records")
        XCTAssertEqual(fromInstall.stdout, fromBuild.stdout, "the installed hasila should give the build's records")

        // The man pages and completions, generated from the argument parser, name every subcommand.
        let names = try subcommands()
        let man = prefix + "/share/man/man1"
        let mainPage = try String(contentsOfFile: man + "/hasila.1", encoding: .utf8)
        XCTAssertTrue(mainPage.contains(".Dt HASILA 1"), "hasila.1 is not a man page: \(mainPage.prefix(200))")
        for name in names {
            XCTAssertTrue(mainPage.contains("hasila.\(name)"), "hasila.1 does not refer to hasila.\(name)")
            let page = try String(contentsOfFile: man + "/hasila.\(name).1", encoding: .utf8)
            XCTAssertTrue(page.contains(".Nm \"hasila \(name)\""), "hasila.\(name).1 does not name hasila \(name)")
        }
        let extractPage = try String(contentsOfFile: man + "/hasila.extract.1", encoding: .utf8)
        XCTAssertTrue(extractPage.contains("-dates"), "hasila.extract.1 does not document --dates")
        for completion in ["bash-completion/completions/hasila", "zsh/site-functions/_hasila", "fish/vendor_completions.d/hasila.fish"] {
            let script = try String(contentsOfFile: prefix + "/share/" + completion, encoding: .utf8)
            for name in names { XCTAssertTrue(script.contains(name), "\(completion) does not complete \(name)") }
        }
        let bash = try ExternalCommand.run("bash", ["-n", prefix + "/share/bash-completion/completions/hasila"])
        XCTAssertEqual(bash.status, 0, "the bash completion does not parse: \(bash.transcript)")

        // Uninstalling removes every file installed, and nothing else under the prefix.
        let unrelated = scratch.write("prefix/share/man/man1/other.1", ".Dt OTHER 1\n")
        let uninstall = try make(["uninstall", "PREFIX=" + prefix], generated: scratch.path + "/generated")
        XCTAssertEqual(uninstall.status, 0, uninstall.transcript)
        let left = FileManager.default.enumerator(atPath: prefix)?.compactMap { $0 as? String }.filter {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: prefix + "/" + $0, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        } ?? []
        XCTAssertEqual(left, ["share/man/man1/other.1"], "files left after make uninstall")
        XCTAssertTrue(FileManager.default.fileExists(atPath: unrelated))
    }

    /// DESTDIR stages an install for packaging: files land under DESTDIR/PREFIX, and the staged
    /// binary still finds its grammars, because it looks beside its own path, not at PREFIX.
    func testDestdirStagesTheInstallUnderThePrefix() throws {
        try requireMake()
        let scratch = TemporaryFolder()
        let stage = scratch.path + "/stage"
        let install = try make(["install", "PREFIX=/usr/local", "DESTDIR=" + stage], generated: scratch.path + "/generated")
        XCTAssertEqual(install.status, 0, install.transcript)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: stage + "/usr/local/bin/hasila"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: stage + "/usr/local/share/man/man1/hasila.extract.1"))
        let check = try ExternalCommand.run(stage + "/usr/local/bin/hasila", ["check-grammars"], directory: scratch.path)
        XCTAssertEqual(check.status, 0, check.transcript)
        XCTAssertTrue(check.stdout.contains("(\(stage)/usr/local/share/hasila/Grammars)"), check.stdout)
    }

    /// The release check must be able to fail: an archive whose binary loads the Swift runtime
    /// from the toolchain (the debug build's) is refused, naming the library.
    func testCheckReleaseRefusesABinaryThatNeedsTheSwiftRuntime() throws {
        try requireMake()
        let scratch = TemporaryFolder()
        let name = "hasila-0.0.0-linux-x86_64"
        let install = try make(["install", "PREFIX=", "DESTDIR=" + scratch.path + "/stage/" + name],
                               generated: scratch.path + "/generated")
        XCTAssertEqual(install.status, 0, install.transcript)
        try FileManager.default.copyItem(atPath: repository + "/README.md", toPath: scratch.path + "/stage/\(name)/README.md")
        let archive = scratch.path + "/\(name).tar.gz"
        let tar = try ExternalCommand.run("tar", ["-czf", archive, "-C", scratch.path + "/stage", name])
        XCTAssertEqual(tar.status, 0, tar.transcript)
        let check = try ExternalCommand.run(repository + "/Scripts/check-release", [archive],
                                            environment: ProcessInfo.processInfo.environment.merging(
                                                ["HASILA_REFERENCE": CLI.executable.path]) { $1 })
        XCTAssertEqual(check.status, 1, check.transcript)
        XCTAssertTrue(check.stderr.contains("needs libswiftCore.so"), check.transcript)
    }

    /// `make release` and Scripts/check-release: the archive unpacked in an empty folder runs with
    /// a clean environment and the toolchain hidden, and gives the debug build's records.
    func testReleaseArchiveRunsWithoutTheToolchain() throws {
        guard ProcessInfo.processInfo.environment["RUN_RELEASE_TESTS"] == "1" else {
            throw XCTSkip("the release archive needs a release build (about a minute): set RUN_RELEASE_TESTS=1")
        }
        try requireMake()
        let name = try ExternalCommand.run("make", ["--no-print-directory", "-s", "-C", repository, "release-name"])
        XCTAssertEqual(name.status, 0, name.transcript)
        let release = try ExternalCommand.run("make", ["--no-print-directory", "-C", repository, "release"])
        XCTAssertEqual(release.status, 0, release.transcript)
        let archive = repository + "/dist/\(name.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).tar.gz"
        XCTAssertTrue(FileManager.default.fileExists(atPath: archive), "make release did not write \(archive)")
        let check = try ExternalCommand.run(repository + "/Scripts/check-release", [archive],
                                            environment: ProcessInfo.processInfo.environment.merging(
                                                ["HASILA_REFERENCE": CLI.executable.path]) { $1 })
        XCTAssertEqual(check.status, 0, check.transcript)
        XCTAssertTrue(check.stdout.contains("identical to the debug build's"), check.transcript)
    }
}
