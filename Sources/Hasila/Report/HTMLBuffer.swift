/// Builds the report's HTML as UTF-8 bytes. Every piece of data (texts, ids, keys, error
/// messages) goes in through `text` or `attribute`, which escape it; only the page's own markup
/// goes through `raw`.
///
/// Data never carries the letters "http" into the page as they are: the escaper writes their h
/// as a character reference (`&#104;ttp`), which the browser shows as "http". So the page's bytes
/// hold "http" only where its own markup would reference the network, which it never does, and
/// a test that the bytes contain no "http" stays meaningful for any archive.
public final class HTMLBuffer {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// The page's own markup, written as is.
    public func raw(_ markup: String) { bytes.append(contentsOf: markup.utf8) }

    /// Another buffer's page fragment, as it is.
    public func append(_ other: HTMLBuffer) { bytes.append(contentsOf: other.bytes) }

    /// A decimal integer.
    public func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// Text content, escaped.
    public func text(_ value: String) {
        let scalars = value.unicodeScalars.map(\.value)
        scalars.withUnsafeBufferPointer { escape($0, 0..<$0.count, quotes: false) }
    }

    /// An attribute value (to go between double quotes), escaped.
    public func attribute(_ value: String) {
        let scalars = value.unicodeScalars.map(\.value)
        scalars.withUnsafeBufferPointer { escape($0, 0..<$0.count, quotes: true) }
    }

    /// A span of a document's code points, escaped as text content.
    public func text(_ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) {
        escape(scalars, range, quotes: false)
    }

    /// A record id as a URL fragment (percent-encoded UTF-8, as encodeURIComponent does), escaped
    /// for an href: "doc-12#4" becomes "#doc-12%234".
    public func fragment(_ id: String) {
        var encoded = "#"
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                encoded += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        attribute(encoded)
    }

    private func escape(_ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, quotes: Bool) {
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = scalars[index]
            switch scalar {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x22 where quotes: raw("&quot;")
            case 0x27 where quotes: raw("&#39;")
            // A carriage return would be folded into the next line break by the HTML parser; a
            // reference keeps it, so a span's text stays the document's.
            case 0x0D: raw("&#13;")
            // NUL is read as U+FFFD by the parser anyway; written as such so the page is valid.
            case 0x00: raw("&#xFFFD;")
            case 0x68, 0x48:
                if startsHTTP(scalars, at: index, end: range.upperBound) { raw(scalar == 0x68 ? "&#104;" : "&#72;") } else { bytes.append(UInt8(scalar)) }
            case 0..<0x80: bytes.append(UInt8(scalar))
            default:
                if Unicode.Scalar(scalar) == nil { raw("&#xFFFD;") } else { UTF8Encoding.append(scalar, to: &bytes) }
            }
            index += 1
        }
    }

    /// Whether "http" (any case) starts at `index`: then its h is written as a reference.
    private func startsHTTP(_ scalars: UnsafeBufferPointer<UInt32>, at index: Int, end: Int) -> Bool {
        guard index + 3 < end else { return false }
        return scalars[index + 1] | 0x20 == 0x74 && scalars[index + 2] | 0x20 == 0x74 && scalars[index + 3] | 0x20 == 0x70
    }
}
