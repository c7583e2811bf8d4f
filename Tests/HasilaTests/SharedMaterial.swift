import Foundation

/// Where the tests find the repository's files and the optional ../shared material.
enum SharedMaterial {
    /// The package root, found from this file's location.
    static let repository: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()
    static let shared = repository + "/../shared"
    static let seeds = shared + "/seeds"
    static let seedGold = shared + "/gold/seeds"
    static let realNews = shared + "/real-news"
    static let dev = shared + "/dev"
    static let grammars = repository + "/Grammars"
    static let corpus = repository + "/Corpus"

    static var hasShared: Bool { FileManager.default.fileExists(atPath: seeds) }
    static var hasDev: Bool { FileManager.default.fileExists(atPath: dev + "/figures.jsonl") }
}
