// swift-tools-version:6.0
import PackageDescription
import Foundation

let package = Package(
    name: "Hasila",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Hasila", targets: ["Hasila"]),
        .executable(name: "hasila", targets: ["HasilaCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The only place that sees ICU's headers: its public header uses <stdint.h> types alone,
        // so Foundation's private ICU copy never meets the system one in a Swift module graph.
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        // zlib's gzip reader, for .gz inputs read in constant memory.
        .target(name: "CCompression", linkerSettings: [.linkedLibrary("z")]),
        // The system SQLite (Debian's libsqlite3-dev), for --format sqlite.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // A signal handler that records which documents were in flight when the process crashed (--resume quarantines them).
        .target(name: "CCrashGuard"),
        .target(name: "Hasila", dependencies: ["CICU", "CCompression", "CSQLite", "CCrashGuard"]),
        .executableTarget(
            name: "HasilaCLI",
            dependencies: [
                "Hasila",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The tests run the built `hasila` end to end too, so it is a dependency.
        // FuzzRegressions holds inputs the fuzzer once broke Hasila with; the tests replay them.
        .testTarget(name: "HasilaTests", dependencies: ["Hasila", "HasilaCLI"], exclude: ["FuzzRegressions"]),
    ]
)

// The libFuzzer target, only when Fuzz/run builds it (HASILA_FUZZ=1, -sanitize=fuzzer, its own
// scratch folder): `swift build` and `swift test` never see it.
if ProcessInfo.processInfo.environment["HASILA_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "HasilaFuzz", dependencies: ["Hasila"], path: "Fuzz/HasilaFuzz"))
}
