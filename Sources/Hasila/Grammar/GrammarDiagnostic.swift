/// A problem in a grammar file, located by line and column (1-based, counted in code points),
/// with a stable id so that tests and users can refer to the kind of problem.
public struct GrammarDiagnostic: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Code: String, Sendable {
        case syntax = "G001"
        case unknownReference = "G002"
        case unmatchableCodePoint = "G003"
        case unknownKey = "G004"
        case badExample = "G005"
        case duplicate = "G006"
        case unknownStatement = "G007"
        /// A gazetteer rule's key has not the shape of its kind (an ISO 3166 code, an actor or source key).
        case badNameKey = "G008"
        /// A `place KEY town` rule names a division that no `place` rule defines.
        case unknownDivision = "G009"
    }
    public let code: Code
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String
    /// The offending source line, shown with a caret under the column.
    public let sourceLine: String

    public var description: String {
        let prefix = sourceLine.unicodeScalars.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        return "\(file):\(line):\(column): error \(code.rawValue): \(message)\n\(sourceLine)\n\(prefix)^"
    }
}
