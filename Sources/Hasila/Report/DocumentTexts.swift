import Foundation

/// The documents' texts read again for the review, through the very readers `hasila extract`
/// uses (DocumentCollector, DocumentReader with its decoders and HTML stripper), so that record
/// offsets index the same code points. Only the documents to be reviewed keep their text; a text
/// or HTML file whose id is not wanted is not even opened (its id is its name), while JSON-lines
/// files are read through for their documents' ids and dates.
public struct DocumentTexts: Sendable {
    /// The wanted documents' texts, as code points.
    public private(set) var texts: [String: [UInt32]] = [:]
    /// Every document the paths hold, in reading order.
    public private(set) var documents: [String] = []
    /// The `date` of each JSON-lines document that gave one.
    public private(set) var dates: [String: DateValue] = [:]
    /// Documents that could not be read again, with the reason.
    public private(set) var failures: [String: String] = [:]

    public init() {}

    /// Reads the documents under `paths`; `wanted` says which keep their text. With several paths, a
    /// document under a folder has the folder in front of its id, as `hasila extract` gives it.
    public static func read(_ paths: [String], encoding: String? = nil, wanted: Set<String>) throws -> DocumentTexts {
        var result = DocumentTexts()
        let files: [SourceFile]
        do { files = try DocumentCollector.collect(paths, distinguishRoots: true) } catch let error as HasilaError {
            throw ReportError.unreadableTexts(path: paths.joined(separator: " "), reason: error.description)
        }
        let reader = DocumentReader(decoder: TextDecoder(forced: encoding))
        // Ids are claimed as extract claims them, so that a second document with a taken id is found as "id~2".
        var ids = DocumentIDs()
        var seen = Set<String>()
        func listed(_ id: String) { if seen.insert(id).inserted { result.documents.append(id) } }
        for file in files {
            // A text or HTML file is one document, whose id is claimed before the file is opened (a path
            // that cannot be read claims none, as in extract).
            var fileID: String?
            if file.format.kind != .jsonLines {
                let id = file.problem == nil ? ids.claim(file.id) : file.id
                fileID = id
                listed(id)
                guard wanted.contains(id) else { continue }
            }
            do {
                try reader.read([file]) { input in
                    switch input {
                    case .document(let document):
                        if (document.section?.index ?? 0) > 0 {
                            // A long text read in sections is one document: its sections join up again.
                            if let fileID, wanted.contains(fileID) { result.texts[fileID, default: []] += document.scalars }
                            return
                        }
                        let id = fileID ?? ids.claim(document.id)
                        listed(id)
                        if let date = document.date { result.dates[id] = date }
                        if wanted.contains(id) { result.texts[id] = document.scalars }
                    case .failure(let failure):
                        result.failures[failure.id] = failure.reason
                    case .line(let line):
                        // Not deferred by this reader; parsed here should one come.
                        if case .document(let document) = reader.parse(line) {
                            let id = ids.claim(document.id)
                            listed(id)
                            if wanted.contains(id) { result.texts[id] = document.scalars }
                        }
                    }
                }
            } catch let error as HasilaError {
                throw ReportError.unreadableTexts(path: file.path, reason: error.description)
            }
        }
        return result
    }
}

extension DocumentTexts {
    /// The text of the document a file holds (a long text's sections joined), or of the document on
    /// `line` of a JSON-lines file: what its records' offsets index. Nil when there is no such document.
    public static func text(path: String, line: Int?, encoding: String? = nil) throws -> [UInt32]? {
        guard let file = try DocumentCollector.collect([path]).first else { return nil }
        var text: [UInt32]?
        try DocumentReader(decoder: TextDecoder(forced: encoding)).read([file]) { input in
            switch input {
            case .document(let document) where line == nil || document.line == line:
                text = (document.section?.index ?? 0) > 0 ? (text ?? []) + document.scalars : document.scalars
            case .failure(let failure) where line == nil || failure.line == line:
                throw HasilaError.unreadableFile(path: failure.path, reason: failure.reason)
            default:
                break
            }
        }
        return text
    }
}
