import Foundation

/// Parses the text of one grammar file into statements, or reports every problem with its
/// line and column.
///
/// The format, one rule per line:
///
///     # a comment
///     @clitics conjunction preposition          (a directive for the rest of the file)
///     KIND ARGUMENT… = PATTERN                  (a rule)
///       + example text => expectation…          (an example the rule must match)
///       - example text => expectation…          (an example it must not)
///
/// See Grammars/README.md for the kinds and what the patterns may hold.
struct GrammarParser {
    let file: String
    let dimension: String

    func parse(_ text: String) -> (statements: [GrammarStatement], diagnostics: [GrammarDiagnostic]) {
        var statements: [GrammarStatement] = []
        var diagnostics: [GrammarDiagnostic] = []
        var clitics: [String]?
        // After a rule that did not parse, its examples are not reported again as examples without a rule.
        var brokenRule = false
        for (index, rawLine) in GrammarParser.lines(text).enumerated() {
            let lineNumber = index + 1
            var line = rawLine
            if line.hasSuffix("\r") { line.removeLast() }
            let scalars = Array(line.unicodeScalars)
            func fail(_ code: GrammarDiagnostic.Code, _ column: Int, _ message: String) {
                diagnostics.append(GrammarDiagnostic(code: code, file: file, line: lineNumber, column: column,
                                                     message: message, sourceLine: line))
            }
            let content = stripComment(scalars)
            guard let first = content.firstIndex(where: { $0 != " " && $0 != "\t" }) else { continue }
            let body = Array(content[first...])
            let column = first + 1
            switch body[0] {
            case "@":
                let words = GrammarParser.string(body.dropFirst()).split(separator: " ").map(String.init)
                guard let name = words.first else { fail(.syntax, column + 1, "expected a directive name after @"); continue }
                if name == "clitics" { clitics = Array(words.dropFirst()) } else {
                    fail(.unknownStatement, column + 1, "unknown directive '@\(name)'; expected @clitics")
                }
            case "+", "-":
                if brokenRule { continue }
                guard !statements.isEmpty else {
                    fail(.badExample, column, "an example must follow the rule it belongs to"); continue
                }
                // Split at "=>" and trimmed as code points: Foundation's string search and trimming cost more
                // on Arabic text than the rest of reading the grammars.
                let parts = GrammarParser.split(Array(body.dropFirst()), at: ["=", ">"]).map { GrammarParser.string($0) }
                if parts.count > 2 { fail(.badExample, column, "an example has at most one '=>'"); continue }
                let exampleText = GrammarParser.trimmingWhitespace(parts[0])
                if exampleText.isEmpty { fail(.badExample, column + 1, "expected the example's text after '\(body[0])'"); continue }
                let expectations = parts.count == 2 ? parts[1].split(separator: " ").map(String.init) : []
                statements[statements.count - 1].examples.append(
                    GrammarExample(mustMatch: body[0] == "+", text: exampleText, expectations: expectations,
                                   file: file, line: lineNumber))
            default:
                guard let equals = body.firstIndex(of: "=") else {
                    let head = GrammarParser.string(body).split(separator: " ").map(String.init)
                    if head.first == "key", head.count == 2 {
                        statements.append(GrammarStatement(kind: "key", arguments: [head[1]], pattern: nil, rawRight: "",
                                                           examples: [], file: file, line: lineNumber, sourceLine: line,
                                                           dimension: dimension, clitics: clitics))
                        brokenRule = false
                    } else {
                        fail(.syntax, column + body.count, "expected '=' and a pattern after the rule's head")
                        brokenRule = true
                    }
                    continue
                }
                let headText = GrammarParser.string(body[..<equals])
                let head = headText.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard let kind = head.first else { fail(.syntax, column, "expected a rule kind before '='"); brokenRule = true; continue }
                let rightStart = column + equals + 1
                let right = Array(body[(equals + 1)...])
                var parser = PatternReader(scalars: right, baseColumn: rightStart)
                let pattern = parser.readAlternatives()
                // A ')' the pattern did not open ends it early: reported here, at the rule's own line and the ')'.
                if parser.error == nil, parser.position < right.count {
                    parser.error = (parser.column, "unbalanced ')': no group is open here")
                }
                if let error = parser.error {
                    fail(.syntax, error.column, error.message)
                    brokenRule = true
                    continue
                }
                brokenRule = false
                statements.append(GrammarStatement(kind: kind, arguments: Array(head.dropFirst()), pattern: pattern,
                                                   rawRight: GrammarParser.string(right),
                                                   examples: [], file: file, line: lineNumber, sourceLine: line,
                                                   dimension: dimension, clitics: clitics))
            }
        }
        return (statements, diagnostics)
    }

    /// The text's lines (between line feeds, the empty ones too), cut from its UTF-8 buffer: splitting its `utf8`
    /// view walks it byte by byte through an iterator.
    static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            for index in 0..<bytes.count where bytes[index] == 0x0A {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return lines
        }
    }

    /// Drops a comment: '#' at the start or after white space, to the end of the line.
    private func stripComment(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        for (i, scalar) in scalars.enumerated() where scalar == "#" {
            if i == 0 || scalars[i - 1] == " " || scalars[i - 1] == "\t" { return Array(scalars[..<i]) }
        }
        return scalars
    }

    /// The pieces of `scalars` between occurrences of `separator` (all of them, empty ones too).
    static func split(_ scalars: [Unicode.Scalar], at separator: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var pieces: [ArraySlice<Unicode.Scalar>] = []
        var start = 0, index = 0
        while index + separator.count <= scalars.count {
            if scalars[index..<(index + separator.count)].elementsEqual(separator) {
                pieces.append(scalars[start..<index])
                index += separator.count
                start = index
            } else { index += 1 }
        }
        pieces.append(scalars[start...])
        return pieces
    }

    /// `text` without the spaces and tabs (Unicode's horizontal whitespace) at either end.
    static func trimmingWhitespace(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var first = 0, last = scalars.count
        while first < last, CharacterSet.whitespaces.contains(scalars[first]) { first += 1 }
        while last > first, CharacterSet.whitespaces.contains(scalars[last - 1]) { last -= 1 }
        return first == 0 && last == scalars.count ? text : string(scalars[first..<last])
    }

    /// A string of scalars, encoded at once (a scalar view appended to one scalar at a time is slow enough
    /// to show in a run's start-up): measured first, then encoded straight into the String's storage, so no
    /// byte array is made per word (the gazetteer's patterns hold tens of thousands of words).
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var length = 0
        for scalar in scalars { length += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var count = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}

/// Reads the right-hand side of a rule into a pattern tree, remembering the first error.
struct PatternReader {
    let scalars: [Unicode.Scalar]
    let baseColumn: Int
    var position = 0
    var error: (column: Int, message: String)?

    init(scalars: [Unicode.Scalar], baseColumn: Int) {
        self.scalars = scalars
        self.baseColumn = baseColumn
    }

    var column: Int { baseColumn + position }

    mutating func skipSpace() {
        while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
    }

    mutating func readAlternatives() -> PatternNode {
        var options: [PatternNode] = [readSequence()]
        skipSpace()
        while error == nil, position < scalars.count, scalars[position] == "|" {
            position += 1
            let option = readSequence()
            options.append(option)
            skipSpace()
        }
        if error == nil, position < scalars.count, scalars[position] != ")" {
            error = (column, "unexpected '\(scalars[position])'")
        }
        return options.count == 1 ? options[0] : .alternatives(options)
    }

    mutating func readSequence() -> PatternNode {
        var elements: [PatternNode] = []
        while error == nil {
            skipSpace()
            guard position < scalars.count else { break }
            let scalar = scalars[position]
            if scalar == "|" || scalar == ")" { break }
            guard var element = readAtom() else { break }
            if position < scalars.count, scalars[position] == "?" {
                position += 1
                element = .optional(element)
            }
            elements.append(element)
        }
        if error == nil && elements.isEmpty { error = (column, "expected a word, <reference>, {slot} or ( … )") }
        return elements.count == 1 ? elements[0] : .sequence(elements)
    }

    mutating func readAtom() -> PatternNode? {
        let start = column
        switch scalars[position] {
        case "(":
            position += 1
            let inner = readAlternatives()
            guard error == nil else { return nil }
            guard position < scalars.count, scalars[position] == ")" else {
                error = (column, "expected ')' to close the group opened at column \(start)")
                return nil
            }
            position += 1
            return inner
        case "<", "{":
            let close: Unicode.Scalar = scalars[position] == "<" ? ">" : "}"
            let isReference = scalars[position] == "<"
            position += 1
            var name = ""
            while position < scalars.count, scalars[position] != close {
                let s = scalars[position]
                guard s.properties.isAlphabetic || s.properties.numericType != nil || s == "-" || s == "_" else {
                    error = (column, "expected '\(close)' to close the \(isReference ? "reference" : "slot") opened at column \(start)")
                    return nil
                }
                name.unicodeScalars.append(s)
                position += 1
            }
            guard position < scalars.count else {
                error = (column, "expected '\(close)' to close the \(isReference ? "reference" : "slot") opened at column \(start)")
                return nil
            }
            position += 1
            if name.isEmpty { error = (start, "expected a name inside \(isReference ? "< >" : "{ }")"); return nil }
            return isReference ? .reference(name, column: start) : .slot(name, column: start)
        case "?", "=", ">", "}":
            error = (column, "unexpected '\(scalars[position])'")
            return nil
        default:
            // The word's scalars are found first and encoded at once (a String grown a scalar at a time is slow
            // enough to show in a run's start-up: the gazetteer's patterns hold thousands of words).
            let first = position
            while position < scalars.count {
                let s = scalars[position]
                if s == " " || s == "\t" || s == "|" || s == "(" || s == ")" || s == "?" || s == "<" || s == "{" { break }
                position += 1
            }
            return .word(GrammarParser.string(scalars[first..<position]), column: start)
        }
    }
}
