import Foundation

/// The report page as a test reads it: every element that carries a record (a highlight
/// `<mark>` or a flagged entry), with its attributes and its text content, nested marks
/// included, and the page's links, so tests check the page's structure rather than its look.
struct ReportMarkup {
    struct Element {
        let tag: String
        let attributes: [String: String]
        var text = ""
        var id: String { attributes["id"] ?? "" }
        var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }
    }

    let html: String
    /// Elements with a record id (marks and flagged entries), in page order.
    private(set) var records: [Element] = []
    /// Every href in the page, decoded.
    private(set) var hrefs: [String] = []

    init(_ html: String) {
        self.html = html
        var open: [Int] = []  // indices into records of the elements whose text is being gathered
        var stackTags: [String] = []
        var index = html.startIndex
        while index < html.endIndex {
            guard let lt = html[index...].firstIndex(of: "<") else {
                let text = Self.decode(String(html[index...]))
                for element in open { records[element].text += text }
                break
            }
            if lt > index {
                let text = Self.decode(String(html[index..<lt]))
                for element in open { records[element].text += text }
            }
            guard let gt = html[lt...].firstIndex(of: ">") else { break }
            let tag = String(html[html.index(after: lt)..<gt])
            index = html.index(after: gt)
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                if name == "mark" || name == "span", let last = stackTags.last, last == name {
                    stackTags.removeLast()
                    open.removeLast()
                }
                continue
            }
            if tag.hasPrefix("script") {
                // The script's text is code, not markup: skip to its end.
                if let end = html[index...].range(of: "</script>") { index = end.upperBound }
                continue
            }
            let name = String(tag.prefix { $0 != " " && $0 != "/" })
            let attributes = Self.attributes(tag)
            if let href = attributes["href"] { hrefs.append(href) }
            if (name == "mark" || name == "span"), attributes["id"] != nil, attributes["data-v"] != nil {
                records.append(Element(tag: name, attributes: attributes))
                open.append(records.count - 1)
                stackTags.append(name)
            } else if name == "mark" || name == "span" {
                // An element without a record: a placeholder keeps the stacks in step.
                records.append(Element(tag: "ignored", attributes: [:]))
                open.append(records.count - 1)
                stackTags.append(name)
            }
        }
        records.removeAll { $0.tag == "ignored" }
    }

    private static func attributes(_ tag: String) -> [String: String] {
        var result: [String: String] = [:]
        let pattern = try! NSRegularExpression(pattern: #"([a-zA-Z-]+)="([^"]*)""#)
        let range = NSRange(tag.startIndex..., in: tag)
        for match in pattern.matches(in: tag, range: range) {
            let name = String(tag[Range(match.range(at: 1), in: tag)!])
            result[name] = decode(String(tag[Range(match.range(at: 2), in: tag)!]))
        }
        return result
    }

    /// The character references the page uses, decoded.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { result += rest[amp...]; return result }
            let name = rest[rest.index(after: amp)..<semi]
            switch name {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            default:
                if name.hasPrefix("#x"), let value = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                    result.unicodeScalars.append(scalar)
                } else if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "&" + name + ";"
                }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return result + rest
    }

    func element(_ id: String) -> Element? { records.first { $0.id == id } }

    /// The rows of the table that follows the heading with this id: each row's cells, as text.
    func table(after heading: String) -> [[String]] {
        guard let start = html.range(of: "id=\"\(heading)\"") else { return [] }
        // Only a table of this heading's section: before the next heading.
        let section = html[start.upperBound...].range(of: "<h3").map { html[start.upperBound..<$0.lowerBound] } ?? html[start.upperBound...]
        guard let tableStart = section.range(of: "<tbody>"), let tableEnd = section[tableStart.upperBound...].range(of: "</tbody>") else { return [] }
        let body = html[tableStart.upperBound..<tableEnd.lowerBound]
        return body.components(separatedBy: "<tr").dropFirst().map { row in
            row.components(separatedBy: "<td").dropFirst().map { cell in
                let inner = cell.drop { $0 != ">" }.dropFirst()
                let text = inner.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
                return Self.decode(text).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }
}
