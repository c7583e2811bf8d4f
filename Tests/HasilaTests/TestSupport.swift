import Foundation
import XCTest
@testable import Hasila

/// The bundled grammars, compiled once for the whole test run.
enum TestGrammar {
    static let shared: Grammar = {
        do { return try GrammarLoader.load(directory: SharedMaterial.grammars) } catch {
            fatalError("the bundled grammars do not load: \(error)")
        }
    }()
    static let extractor = Extractor(grammar: shared)

    /// Every document under the paths, read as `hasila extract` reads them, and extracted.
    static func extractAll(_ paths: [String]) throws -> [DocumentExtraction] {
        var results: [DocumentExtraction] = []
        try DocumentReader().read(DocumentCollector.collect(paths)) { input in
            if case .document(let document) = input {
                results.append(extractor.extract(scalars: document.scalars, document: document.id, date: document.date))
            }
        }
        return results
    }
}

/// Text with expected spans marked ⟦like this⟧, the way swift-format marks positions in test
/// input: the markers are stripped and their code-point offsets kept, so nobody counts
/// characters in right-to-left text.
struct MarkedText {
    let text: String
    let spans: [Range<Int>]

    init(_ marked: String) {
        var scalars = String.UnicodeScalarView()
        var spans: [Range<Int>] = []
        var open: Int?
        var count = 0
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟦": open = count
            case "⟧": spans.append(open!..<count); open = nil
            default: scalars.append(scalar); count += 1
            }
        }
        text = String(scalars)
        self.spans = spans
    }
}

/// Runs the built `hasila` executable as a user would, capturing stdout, stderr and the exit status.
enum CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
        var records: [[String: Any]] {
            lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }

    static var executable: URL {
        // The test bundle sits in the build products folder next to the executable.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("hasila")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let products = Bundle.main.bundleURL.appendingPathComponent("hasila")
        if FileManager.default.isExecutableFile(atPath: products.path) { return products }
        return URL(fileURLWithPath: SharedMaterial.repository).appendingPathComponent(".build/debug/hasila")
    }

    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil,
                    directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // Output goes to files, so a large output can never fill a pipe and stall the child.
        let scratch = NSTemporaryDirectory() + "hasila-cli-" + UUID().uuidString
        FileManager.default.createFile(atPath: scratch + ".out", contents: nil)
        FileManager.default.createFile(atPath: scratch + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: scratch + ".out")
            try? FileManager.default.removeItem(atPath: scratch + ".err")
        }
        let out = FileHandle(forWritingAtPath: scratch + ".out")!, err = FileHandle(forWritingAtPath: scratch + ".err")!
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = FileManager.default.contents(atPath: scratch + ".out") ?? Data()
        let errData = FileManager.default.contents(atPath: scratch + ".err") ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh temporary folder for one test, removed at the end.
final class TemporaryFolder {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "hasila-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }
}

/// Code-point slicing as Python does it, for checking spans.
extension String {
    func codePoints(_ range: Range<Int>) -> String {
        let scalars = Array(unicodeScalars)
        guard range.lowerBound >= 0, range.upperBound <= scalars.count else { return "<out of range>" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }
}
