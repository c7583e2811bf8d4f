@testable import Hasila

/// A small gazetteer for the linking tests: names, their kinds and keys, found in normalised text as
/// whole words (a one-letter clitic و، ف، ب، ل may stand before one). It stands in for the grammar's own
/// names so that the linkers' rules are tested apart from the gazetteer's data.
struct TestNames {
    let entries: [(words: [UInt32], kind: NameMention.Kind, key: String)]

    init(_ entries: [(String, NameMention.Kind, String)]) {
        let normalizer = Normalizer(options: .matching)
        self.entries = entries.map { (normalizer.normalize(scalars: $0.0.unicodeScalars.map(\.value)).scalars, $0.1, $0.2) }
            .sorted { $0.0.count > $1.0.count }
    }

    /// The names in the text, longest first where two begin at one place, never overlapping.
    func find(_ text: NormalizedText) -> [NameMention] {
        let scalars = text.scalars
        func isLetter(_ at: Int) -> Bool { at >= 0 && at < scalars.count && (0x0621...0x064A).contains(scalars[at]) }
        var taken = [Bool](repeating: false, count: scalars.count)
        var found: [NameMention] = []
        for entry in entries {
            let n = entry.words.count
            guard n > 0, scalars.count >= n else { continue }
            for start in 0...(scalars.count - n) where !taken[start] && scalars[start] == entry.words[0] {
                guard Array(scalars[start..<(start + n)]) == entry.words, !isLetter(start + n) else { continue }
                var before = start - 1
                // One clitic letter, then possibly another (وب، ول): و ف ب ل
                while before >= 0, start - before <= 2, [0x0648, 0x0641, 0x0628, 0x0644].contains(scalars[before]) { before -= 1 }
                guard !isLetter(before) else { continue }
                guard !taken[start..<(start + n)].contains(true) else { continue }
                for i in start..<(start + n) { taken[i] = true }
                found.append(NameMention(kind: entry.kind, key: entry.key, start: start, end: start + n))
            }
        }
        return found.sorted { $0.start < $1.start }
    }

    /// The names within `range` of the tokens.
    func find(_ text: NormalizedText, tokens: [Token], in range: Range<Int>) -> [NameMention] {
        guard !range.isEmpty else { return [] }
        let start = Int(tokens[range.lowerBound].start), end = Int(tokens[range.upperBound - 1].end)
        return find(text).filter { $0.start >= start && $0.end <= end }
    }

    /// An extractor of the bundled grammars that finds these names.
    func extractor() -> Extractor {
        var extractor = Extractor(grammar: TestGrammar.shared)
        let names = self
        extractor.findNames = { text, tokens, range in names.find(text, tokens: tokens, in: range) }
        return extractor
    }

    /// Names of the kinds the rules speak of, enough for the tests' sentences.
    static let standard = TestNames([
        ("قوات النظام", .actor, "sy.state"), ("الجيش", .actor, "*.state"), ("القوات الروسية", .actor, "ru.state"),
        ("روسيا", .place, "RU"), ("تنظيم الدولة", .actor, "group.isis"), ("داعش", .actor, "group.isis"),
        ("قوات سوريا الديمقراطية", .actor, "group.sdf"), ("فصائل المعارضة", .actor, "group.opposition"),
        ("مسلحين مجهولين", .actor, "unknown"), ("الحوثيين", .actor, "group.houthis"),
        ("السوري", .nationality, "SY"), ("العراقي", .nationality, "IQ"), ("روسية", .nationality, "RU"),
        ("سوريا", .place, "SY"), ("إدلب", .place, "SY-ID"), ("حلب", .place, "SY-HL"), ("حماة", .place, "SY-HM"),
        ("دوما", .town, "SY-RD"), ("العراق", .place, "IQ"), ("الموصل", .town, "IQ-NI"), ("اليمن", .place, "YE"), ("تعز", .place, "YE-TA"),
        ("المرصد السوري", .source, "org.sohr"), ("الشبكة السورية لحقوق الإنسان", .source, "org.snhr"),
        ("الأمم المتحدة", .source, "org.un"), ("وزارة الصحة", .source, "gov.*.health"), ("الدفاع المدني", .source, "gov.*.emergency"),
    ])
}
