import Foundation

/// Reads the files in order and hands over their documents one at a time, so memory holds a
/// document (or a batch of them), never the archive: a text or HTML file is one document, a
/// JSON-lines file or stdin one per line ({"id", "text", "date"?, …}; the other fields pass
/// through as `meta`). A document that cannot be read becomes a failure, and the rest go on.
public struct DocumentReader: Sendable {
    public var decoder = TextDecoder()
    /// Documents held whole (a JSON line, an HTML page, a small .txt.gz, text not in UTF-8) larger than
    /// this are skipped and reported; plain UTF-8 text of any size is read in sections instead. A
    /// document held whole takes about 13 times its size at its peak, so the default keeps a run
    /// under 300 MB.
    public var maxBytes = 16 << 20
    /// Hand JSON lines over unparsed (`.line`), so that parsing runs on the workers.
    public var defersParsing = false
    /// A plain UTF-8 text file larger than this is handed over in sections (see `DocumentSection`).
    public var sectionBytes = 8 << 20
    /// A section is cut at a blank line after a full stop when there is one; when the text runs this
    /// far past its start without one (a single line of scraped text), at a sentence end instead, or
    /// failing that at a space, so memory holds at most this much of a file whatever its lines.
    public var longestSectionBytes = 16 << 20

    public init(decoder: TextDecoder = TextDecoder(), maxBytes: Int = 16 << 20) {
        self.decoder = decoder
        self.maxBytes = maxBytes
    }

    public func read(_ files: [SourceFile], _ handle: (DocumentInput) throws -> Void) throws {
        for file in files {
            if let problem = file.problem {
                try handle(.failure(DocumentFailure(id: file.id, path: file.path, line: nil, reason: problem)))
                continue
            }
            switch file.format.kind {
            case .jsonLines: try readLines(file, handle)
            case .text where decoder.forced == nil:
                // Plain text is streamed in sections whatever its size: --max-bytes bounds what is held whole.
                // A .txt.gz is taken for long from an eighth of a section compressed (text compresses 3 to 8 times).
                if let size = ByteSource.regularSize(path: file.path), size > (file.format.gzip ? sectionBytes / 8 : sectionBytes) {
                    try readSections(file, handle)
                } else {
                    try handle(readWhole(file))
                }
            case .text, .html: try handle(readWhole(file))
            }
        }
    }

    /// The text of one file as Hasila reads it (decoded, HTML stripped): what `hasila text` prints.
    public func text(of file: SourceFile) throws -> [[UInt32]] {
        var texts: [[UInt32]] = []
        try read([file]) { input in
            switch input {
            case .document(let document) where (document.section?.index ?? 0) > 0 && !texts.isEmpty:
                texts[texts.count - 1] += document.scalars
            case .document(let document): texts.append(document.scalars)
            case .failure(let failure): throw HasilaError.unreadableFile(path: failure.path, reason: failure.reason)
            case .line(let line):
                if case .document(let document) = parse(line) { texts.append(document.scalars) }
            }
        }
        return texts
    }

    private func readWhole(_ file: SourceFile) -> DocumentInput {
        do {
            let bytes = try ByteSource.all(path: file.path, gzip: file.format.gzip, limit: maxBytes)
            if bytes.prefix(8192).contains(0) && !bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFE, 0xFF]) {
                return .failure(DocumentFailure(id: file.id, path: file.path, line: nil, reason: "binary data (a NUL byte); not a text document"))
            }
            let decoded = try decoder.decode(bytes)
            var warnings: [String] = []
            if let invalid = decoded.firstInvalid {
                warnings.append("\(file.path): invalid \(decoded.encoding) at byte \(invalid); replaced with U+FFFD")
            }
            let scalars = file.format.kind == .html ? HTMLText.text(of: decoded.scalars) : decoded.scalars
            return .document(Document(id: file.id, path: file.path, line: nil, scalars: scalars, date: nil, meta: nil,
                                      byteCount: bytes.count, warnings: warnings))
        } catch let error as HasilaError {
            return .failure(DocumentFailure(id: file.id, path: file.path, line: nil, reason: failureReason(error, path: file.path)))
        } catch {
            return .failure(DocumentFailure(id: file.id, path: file.path, line: nil, reason: "\(error)"))
        }
    }

    /// A long plain-text file (or .txt.gz), a section at a time: each cut after a blank line that follows a full stop,
    /// at least `sectionBytes` into the section. A file that is not plain UTF-8 (a BOM for UTF-16, a
    /// legacy encoding, binary data) is read whole instead, as any other file.
    private func readSections(_ file: SourceFile, _ handle: (DocumentInput) throws -> Void) throws {
        var pending: [UInt8] = []
        var searched = 0
        var index = 0, offset = 0, bytesBefore = 0
        var warned = false
        /// Hands over `count` bytes of `pending`; false when the file must be read whole after all.
        func emit(_ count: Int, isLast: Bool) throws -> Bool {
            let bytes = Array(pending[0..<count])
            var scalars: [UInt32]
            var warnings: [String] = []
            var invalid: Int?
            if index == 0 {
                if bytes.prefix(8192).contains(0) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
                guard let decoded = try? decoder.decode(bytes), decoded.encoding == "UTF-8" else { return false }
                scalars = decoded.scalars
                invalid = decoded.firstInvalid
            } else {
                let decoded = bytes.withUnsafeBufferPointer { UTF8Encoding.decodeScalars($0) }
                scalars = decoded.scalars
                invalid = decoded.firstInvalid
            }
            if let invalid, !warned {
                warned = true
                warnings.append("\(file.path): invalid UTF-8 at byte \(bytesBefore + invalid); replaced with U+FFFD")
            }
            var document = Document(id: file.id, path: file.path, line: nil, scalars: scalars, date: nil, meta: nil,
                                    byteCount: count, warnings: warnings)
            document.section = DocumentSection(index: index, offset: offset, isLast: isLast)
            try handle(.document(document))
            index += 1
            offset += scalars.count
            bytesBefore += count
            pending.removeFirst(count)
            searched = 0
            return true
        }
        do {
            var notPlain = false
            try ByteSource.chunks(path: file.path, gzip: file.format.gzip) { chunk in
                guard !notPlain else { return }
                pending.append(contentsOf: chunk)
                while pending.count > sectionBytes,
                      let cut = sectionCut(pending, from: max(sectionBytes, searched))
                        ?? (pending.count > longestSectionBytes ? fallbackCut(pending, from: sectionBytes) : nil) {
                    if try !emit(cut, isLast: false) { notPlain = true; return }
                }
                // The next search starts near the end: a blank line may straddle two chunks.
                searched = max(searched, pending.count - 64)
            }
            if !notPlain { notPlain = try !emit(pending.count, isLast: true) }
            if notPlain { try handle(readWhole(file)) }
        } catch let error as HasilaError {
            // Only a read that fails part-way lands here: the sections before it keep their records.
            try handle(.failure(DocumentFailure(id: file.id, path: file.path, line: nil,
                                                reason: failureReason(error, path: file.path) + (index > 0 ? " (after byte \(bytesBefore); the records before it were written)" : ""))))
        }
    }

    /// The end of the first blank line at or after `start` whose paragraph ends a sentence
    /// (`Tokenizer.endsSentence`), in UTF-8 bytes; nil if there is none yet.
    private func sectionCut(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            guard bytes[index] == 0x0A else { index += 1; continue }
            var next = index + 1
            while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 0x0D { next += 1 }
            if next < bytes.count, bytes[next] == 0x0A {
                var end = index - 1
                while end >= 0, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0D { end -= 1 }
                // The code point the paragraph ends with: back from its last byte to its lead byte.
                var lead = end
                while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                if end >= 0, bytes.withUnsafeBufferPointer({ buffer in
                    let length = UTF8Encoding.sequenceLength(buffer, at: lead)
                    return length > 0 && lead + length == end + 1 && Tokenizer.endsSentence(UTF8Encoding.decode(buffer, at: lead, length: length))
                }) { return next + 1 }
            }
            index = next
        }
        return nil
    }

    /// Where to cut text without a blank line in reach: after the first sentence end (a full stop,
    /// question or exclamation mark followed by white space) at or after `start`; else after the last
    /// white space; else at the first code point boundary after `start`.
    func fallbackCut(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var lastSpace: Int?
            var index = max(1, start)
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    var lead = index - 1
                    while lead > 0, buffer[lead] & 0xC0 == 0x80 { lead -= 1 }
                    let length = UTF8Encoding.sequenceLength(buffer, at: lead)
                    if length > 0, lead + length == index, Tokenizer.endsSentence(UTF8Encoding.decode(buffer, at: lead, length: length)) {
                        return index + 1
                    }
                    lastSpace = index + 1
                }
                index += 1
            }
            if let lastSpace { return lastSpace }
            var cut = min(start, buffer.count)
            while cut < buffer.count, buffer[cut] & 0xC0 == 0x80 { cut += 1 }
            return max(cut, 1)
        }
    }

    private func failureReason(_ error: HasilaError, path: String) -> String {
        let text = error.description
        return text.hasPrefix(path + ": ") ? String(text.dropFirst(path.count + 2)) : text
    }

    private func readLines(_ file: SourceFile, _ handle: (DocumentInput) throws -> Void) throws {
        var pending: [UInt8] = []
        var lineNumber = 0
        var oversized = false
        func finishLine() throws {
            lineNumber += 1
            defer { pending.removeAll(keepingCapacity: true) }
            if oversized {
                oversized = false
                try handle(.failure(DocumentFailure(id: "\(file.id):\(lineNumber)", path: file.path, line: lineNumber,
                                                    reason: "line larger than --max-bytes \(maxBytes); skipped (a line is held whole in memory, about 13 times its size: raise --max-bytes to read it)")))
                return
            }
            if pending.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
            try handle(defersParsing ? .line(PendingLine(bytes: pending, file: file, number: lineNumber))
                                     : parseLine(pending, file: file, line: lineNumber))
        }
        let body: (UnsafeBufferPointer<UInt8>) throws -> Void = { chunk in
            var start = 0
            for index in 0..<chunk.count where chunk[index] == 0x0A {
                if !oversized, pending.count + (index - start) > maxBytes { oversized = true; pending = [] }
                if !oversized { pending.append(contentsOf: chunk[start..<index]) }
                try finishLine()
                start = index + 1
            }
            if start < chunk.count && !oversized {
                // Refused before it is held: an endless line never takes more than --max-bytes.
                if pending.count + (chunk.count - start) > maxBytes {
                    oversized = true
                    pending = []
                } else {
                    pending.append(contentsOf: chunk[start...])
                }
            }
        }
        do {
            if file.path == "-" { try ChunkedReader.read(path: "-", body) } else { try ByteSource.chunks(path: file.path, gzip: file.format.gzip, body) }
        } catch let error as HasilaError {
            try handle(.failure(DocumentFailure(id: file.id, path: file.path, line: lineNumber + 1, reason: failureReason(error, path: file.path))))
            return
        }
        if !pending.isEmpty || oversized { try finishLine() }
    }

    /// Parses a line handed over unparsed.
    public func parse(_ line: PendingLine) -> DocumentInput {
        parseLine(line.bytes, file: line.file, line: line.number)
    }

    /// The line with every raw U+FEFF after its first byte written as the escape `\ufeff`, which
    /// means the same in JSON: Foundation's JSONSerialization drops a raw one at the start of a
    /// string or after a line break inside it, and every offset after it would then be one short.
    static func escapingByteOrderMarks(_ bytes: [UInt8]) -> [UInt8] {
        guard var index = bytes.dropFirst().firstIndex(of: 0xEF) else { return bytes }
        var out: [UInt8] = []
        var run = 0
        while index + 2 < bytes.count {
            if bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF {
                if out.isEmpty { out.reserveCapacity(bytes.count + 16) }
                out.append(contentsOf: bytes[run..<index])
                out.append(contentsOf: Array("\\ufeff".utf8))
                run = index + 3
            }
            guard let next = bytes[(index + 1)...].firstIndex(of: 0xEF) else { break }
            index = next
        }
        if run == 0 { return bytes }
        out.append(contentsOf: bytes[run...])
        return out
    }

    private func parseLine(_ bytes: [UInt8], file: SourceFile, line: Int) -> DocumentInput {
        let fallbackID = file.path == "-" ? "stdin:\(line)" : "\(file.id):\(line)"
        func failure(_ reason: String) -> DocumentInput {
            .failure(DocumentFailure(id: fallbackID, path: file.path, line: line, reason: reason))
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(DocumentReader.escapingByteOrderMarks(bytes))) as? [String: Any] else {
            return failure("not a JSON object")
        }
        guard let text = object["text"] as? String else { return failure("no \"text\" string") }
        var id = fallbackID
        if let given = object["id"] as? String { id = given } else if let number = object["id"] as? NSNumber { id = number.stringValue }
        var date: DateValue?
        if let given = object["date"] as? String {
            date = DateValue(iso: String(given.prefix(10)))
        }
        // "date" stays in meta as written (its day is the records' doc_date); id and text are the record's own.
        var rest = object
        for key in ["id", "text"] { rest.removeValue(forKey: key) }
        var meta: String?
        if !rest.isEmpty, let data = try? JSONSerialization.data(withJSONObject: rest, options: [.sortedKeys]) {
            meta = String(decoding: JSONBuffer.escapingSeparators(Array(data)), as: UTF8.self)
        }
        var utf8 = text
        let scalars = utf8.withUTF8 { UTF8Encoding.decodeScalars($0).scalars }
        return .document(Document(id: id, path: file.path, line: line, scalars: scalars, date: date,
                                  meta: meta, byteCount: bytes.count + 1, warnings: []))
    }
}
