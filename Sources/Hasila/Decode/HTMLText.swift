/// The text of an HTML page: tags stripped, script and style dropped, comments dropped,
/// character references decoded, block elements turned into line breaks. Offsets of records
/// read from HTML refer to this text, which `hasila text FILE` prints.
public enum HTMLText {
    /// Elements after which a line break stands, so sentences of two paragraphs do not run together.
    static let blocks: Set<String> = ["p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                                      "section", "article", "header", "footer", "blockquote", "title", "hr", "dd", "dt", "figcaption", "main", "aside", "nav"]
    static let dropped: Set<String> = ["script", "style", "noscript", "template", "svg"]
    static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "laquo": 0xAB, "raquo": 0xBB,
        "hellip": 0x2026, "ndash": 0x2013, "mdash": 0x2014, "lrm": 0x200E, "rlm": 0x200F, "zwnj": 0x200C, "zwj": 0x200D,
        "rsquo": 0x2019, "lsquo": 0x2018, "rdquo": 0x201D, "ldquo": 0x201C, "copy": 0xA9, "middot": 0xB7, "bull": 0x2022,
    ]

    public static func text(of html: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(html.count / 2)
        var i = 0
        let n = html.count
        func lower(_ c: UInt32) -> UInt32 { (0x41...0x5A).contains(c) ? c + 32 : c }
        func startsWith(_ text: String, at index: Int) -> Bool {
            var k = index
            for scalar in text.unicodeScalars {
                guard k < n, lower(html[k]) == scalar.value else { return false }
                k += 1
            }
            return true
        }
        func lineBreak() { if let last = out.last, last != 0x0A { out.append(0x0A) } }
        while i < n {
            let c = html[i]
            if c == 0x3C {  // <
                if startsWith("<!--", at: i) {
                    i += 4
                    while i < n && !startsWith("-->", at: i) { i += 1 }
                    i = min(n, i + 3)
                    continue
                }
                var j = i + 1
                let closing = j < n && html[j] == 0x2F
                if closing { j += 1 }
                var name = ""
                while j < n, let s = Unicode.Scalar(lower(html[j])), s.properties.isAlphabetic || ("0"..."9").contains(s) {
                    name.unicodeScalars.append(s)
                    j += 1
                }
                guard !name.isEmpty || (j < n && (html[j] == 0x21 || html[j] == 0x3F)) else {
                    out.append(c)  // a lone "<" in text
                    i += 1
                    continue
                }
                // Skip to the end of the tag, minding quoted attribute values.
                var quote: UInt32 = 0
                while j < n {
                    let d = html[j]
                    if quote != 0 { if d == quote { quote = 0 } } else if d == 0x22 || d == 0x27 { quote = d } else if d == 0x3E { break }
                    j += 1
                }
                i = min(n, j + 1)
                if !closing && dropped.contains(name) {
                    while i < n && !startsWith("</" + name, at: i) { i += 1 }
                    while i < n && html[i] != 0x3E { i += 1 }
                    i = min(n, i + 1)
                    continue
                }
                if blocks.contains(name) { lineBreak() }
                continue
            }
            if c == 0x26, let (value, length) = entity(html, at: i) {  // &
                out.append(value)
                i += length
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// A character reference at `index`: its code point and length, or nil when it is none.
    static func entity(_ html: [UInt32], at index: Int) -> (UInt32, Int)? {
        var j = index + 1
        var body = ""
        while j < html.count, j - index < 12, html[j] != 0x3B, let s = Unicode.Scalar(html[j]), s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "#" {
            body.unicodeScalars.append(s)
            j += 1
        }
        guard j < html.count, html[j] == 0x3B, !body.isEmpty else { return nil }
        let length = j - index + 1
        // A numeric reference to NUL, a surrogate or past U+10FFFF is U+FFFD, as HTML5 reads it: never a real NUL.
        func scalar(_ value: UInt64) -> UInt32 { value > 0 && value <= 0x10FFFF && Unicode.Scalar(UInt32(value)) != nil ? UInt32(value) : 0xFFFD }
        if body.hasPrefix("#x") || body.hasPrefix("#X"), let value = UInt64(body.dropFirst(2), radix: 16) { return (scalar(value), length) }
        if body.hasPrefix("#"), let value = UInt64(body.dropFirst()) { return (scalar(value), length) }
        if let value = named[body.lowercased()] { return (value, length) }
        return nil
    }
}
