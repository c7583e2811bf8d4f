import Foundation

/// What must hold for any input whatever, checked on arbitrary bytes: the fuzz target
/// (Fuzz/run) calls it on every input libFuzzer makes, and the tests replay every input that
/// once broke it (Tests/HasilaTests/FuzzRegressions).
///
/// The bytes are read the ways Hasila reads files (decoded with charset detection, as HTML, as a
/// JSON line, as UTF-8 in sections), normalised, extracted and written as JSON lines and CSV;
/// every record's `text` must be its span of the text, every value and offset non-negative, and
/// every JSON line valid JSON without a raw line or paragraph separator. A trap anywhere is a
/// failure too (libFuzzer reports it).
public struct RecordInvariants: Sendable {
    let extractor: Extractor
    /// The same grammar with tiny sections (and cuts at sentence ends past 256 code points), so that section cuts land everywhere.
    let sectioned: Extractor

    public init(grammar: Grammar) {
        extractor = Extractor(grammar: grammar)
        sectioned = Extractor(grammar: grammar, sectionLength: 64, longestSection: 256)
    }

    /// The broken invariants for one input, empty when all hold. The first byte chooses the reading.
    public func violations(_ input: [UInt8]) -> [String] {
        guard let mode = input.first else { return [] }
        let bytes = Array(input.dropFirst())
        var problems: [String] = []
        var documents: [(scalars: [UInt32], meta: String?, date: DateValue?)] = []
        switch mode % 4 {
        case 0:
            if let decoded = try? TextDecoder().decode(bytes) { documents.append((decoded.scalars, nil, nil)) }
        case 1:
            if let decoded = try? TextDecoder().decode(bytes) { documents.append((HTMLText.text(of: decoded.scalars), nil, nil)) }
        case 2:
            let file = SourceFile(id: "fuzz", path: "fuzz.jsonl", format: .standardInput)
            if case .document(let document) = DocumentReader().parse(PendingLine(bytes: bytes, file: file, number: 1)) {
                documents.append((document.scalars, document.meta, document.date))
                // A JSON line's text must be what a JSON parser reads, BOMs and all (JSONDecoder keeps them);
                // with "text" twice, parsers differ on which one counts (RFC 8259 leaves it open).
                if RecordInvariants.occurrences(of: Array("\"text\"".utf8), in: bytes) == 1,
                   let line = try? JSONDecoder().decode(TextField.self, from: Data(bytes)),
                   line.text.unicodeScalars.map(\.value) != document.scalars {
                    problems.append("a JSON line's text is not the text a JSON parser reads")
                }
            }
        default:
            documents.append((bytes.withUnsafeBufferPointer { UTF8Encoding.decodeScalars($0).scalars }, nil, nil))
            problems += streamProblems(bytes)
            problems += cutProblems(bytes)
        }
        for document in documents {
            let normalized = Normalizer(options: .matching).normalize(scalars: document.scalars)
            if normalized.scalars.count > 0 {
                let whole = normalized.originalRange(0..<normalized.scalars.count)
                if whole.lowerBound < 0 || whole.upperBound > document.scalars.count { problems.append("offset map out of bounds: \(whole)") }
            }
            let date = document.date ?? (mode & 0x80 != 0 ? DateValue(year: 2019, month: 3, day: 10) : nil)
            let whole = extractor.extract(scalars: document.scalars, document: "fuzz", date: date)
            problems += check(whole, scalars: document.scalars, meta: document.meta)
            let parts = sectioned.extract(scalars: document.scalars, document: "fuzz", date: date)
            problems += check(parts, scalars: document.scalars, meta: document.meta)
        }
        return problems
    }

    private func check(_ extraction: DocumentExtraction, scalars: [UInt32], meta: String?) -> [String] {
        var problems: [String] = []
        func span(_ range: Range<Int>) -> String? {
            guard range.lowerBound >= 0, range.upperBound <= scalars.count else { return nil }
            var view = String.UnicodeScalarView()
            for code in scalars[range] { view.append(Unicode.Scalar(code) ?? "\u{FFFD}") }
            return String(view)
        }
        for (index, figure) in extraction.figures.enumerated() {
            if figure.value < 0 { problems.append("figure \(index): negative value \(figure.value)") }
            if span(figure.range) != figure.text { problems.append("figure \(index): text \(figure.text.debugDescription) is not its span \(figure.range)") }
            if span(figure.sentence) == nil { problems.append("figure \(index): sentence \(figure.sentence) out of bounds") }
            if let parent = figure.parent, parent < 0 || parent >= extraction.figures.count { problems.append("figure \(index): parent \(parent) out of range") }
            if let earlier = figure.repeats {
                if earlier < 0 || earlier >= index { problems.append("figure \(index): repeats \(earlier), not an earlier figure") }
                else if extraction.figures[earlier].value != figure.value || extraction.figures[earlier].category != figure.category
                            || extraction.figures[earlier].period != figure.period { problems.append("figure \(index): repeats \(earlier), a different count") }
            }
            if let when = figure.when, let start = when.start, let end = when.end, end < start { problems.append("figure \(index): when ends before it starts") }
            if figure.when?.basis == .document, figure.when?.start != extraction.documentDate?.firstDay { problems.append("figure \(index): when of basis document is not the document date") }
            // Every actor, place and source is words of the document: its text is its span, inside the text.
            for name in figure.actors + [figure.place, figure.source].compactMap({ $0 }) where span(name.range) != name.text || name.range.isEmpty {
                problems.append("figure \(index): \(name.key) \(name.text.debugDescription) is not its span \(name.range)")
            }
            if let country = figure.country, country.utf8.count != 2 || !country.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) {
                problems.append("figure \(index): country \(country.debugDescription) is not an ISO 3166-1 alpha-2 code")
            }
        }
        for (index, date) in extraction.dates.enumerated() where span(date.range) != date.text {
            problems.append("date \(index): text \(date.text.debugDescription) is not its span \(date.range)")
        }
        let lines = RecordWriter(includeDates: true).lines(for: extraction, meta: meta)
        for (number, line) in lines.split(separator: 0x0A).enumerated() {
            if Array(line).containsSeparator { problems.append("JSON line \(number + 1): a raw U+2028, U+2029 or U+0085") }
            guard let record = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                problems.append("JSON line \(number + 1) is not a JSON object")
                continue
            }
            if let start = record["start"] as? Int, let end = record["end"] as? Int, start <= end,
               let text = record["text"] as? String, span(start..<end) != text {
                problems.append("JSON line \(number + 1): text is not its span")
            }
        }
        return problems
    }

    static func occurrences(of needle: [UInt8], in bytes: [UInt8]) -> Int {
        guard bytes.count >= needle.count else { return 0 }
        return (0...(bytes.count - needle.count)).filter { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }.count
    }

    /// The reader's cuts of text without blank lines (`DocumentReader.fallbackCut`) always move on and
    /// never split a UTF-8 sequence of valid text.
    private func cutProblems(_ bytes: [UInt8]) -> [String] {
        let valid = String(validating: bytes, as: UTF8.self) != nil
        var rest = bytes[...]
        while rest.count > 16 {
            let piece = Array(rest)
            let cut = DocumentReader().fallbackCut(piece, from: 8)
            guard cut > 0, cut <= piece.count else { return ["a fallback cut at \(cut) of \(piece.count) bytes"] }
            if valid, cut < piece.count, piece[cut] & 0xC0 == 0x80 { return ["a fallback cut inside a UTF-8 sequence at \(cut)"] }
            rest = rest.dropFirst(cut)
        }
        return []
    }

    /// The one field of a JSON line the check reads.
    private struct TextField: Decodable { let text: String }

    /// The streaming normaliser must give the same bytes however its input is cut into chunks.
    private func streamProblems(_ bytes: [UInt8]) -> [String] {
        func run(_ cut: Int) -> [UInt8] {
            let stream = StreamNormalizer(options: .matching, bufferSize: 128)
            var out: [UInt8] = []
            bytes.withUnsafeBufferPointer { buffer in
                stream.feed(UnsafeBufferPointer(rebasing: buffer[0..<cut])) { out += $0 }
                stream.feed(UnsafeBufferPointer(rebasing: buffer[cut...])) { out += $0 }
            }
            stream.finish { out += $0 }
            return out
        }
        guard bytes.count > 1 else { return [] }
        return run(0) == run(bytes.count / 2 + 1) ? [] : ["the stream normaliser's output depends on where its input is cut"]
    }
}

private extension Array where Element == UInt8 {
    /// Holds U+2028, U+2029 or U+0085 in UTF-8: line ends to JavaScript and Python's splitlines.
    var containsSeparator: Bool {
        guard count >= 2 else { return false }
        for index in 0..<(count - 1) {
            if self[index] == 0xC2 && self[index + 1] == 0x85 { return true }
            if index + 2 < count, self[index] == 0xE2, self[index + 1] == 0x80, self[index + 2] == 0xA8 || self[index + 2] == 0xA9 { return true }
        }
        return false
    }
}
