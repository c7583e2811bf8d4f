import ArgumentParser
import Foundation
import Hasila

/// `hasila text`: the text Hasila reads from a file (decoded, HTML stripped), which record offsets index.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print a document's text as Hasila reads it: the text that record offsets refer to.",
        discussion: "For a JSON-lines file, each line's text, one after another, separated by a line break."
    )

    @Argument(help: "The file.")
    var file: String

    @Option(help: ArgumentHelp("Read the file in this encoding instead of detecting it.", valueName: "NAME"))
    var encoding: String?

    func validate() throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError("\(file) is a folder; `hasila text` prints one file's text: give a file inside it")
        }
    }

    func run() throws {
        do {
            guard let source = try DocumentCollector.collect([file]).first else { throw ExitCode(2) }
            let texts = try DocumentReader(decoder: TextDecoder(forced: encoding)).text(of: source)
            var bytes: [UInt8] = []
            for (index, text) in texts.enumerated() {
                if index > 0 { bytes.append(0x0A) }
                bytes += String(String.UnicodeScalarView(text.compactMap(Unicode.Scalar.init))).utf8
            }
            try StandardOutput().write(bytes)
        } catch let error as HasilaError {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
    }
}
