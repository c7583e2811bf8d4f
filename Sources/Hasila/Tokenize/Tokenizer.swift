/// Splits normalised text into tokens and looks every word up in the grammars' lexicon.
///
/// A change of script class splits a token, so glued forms come apart by themselves:
/// "و868" is "و" + "868", "30سبتمبر" is "30" + "سبتمبر", "الـ5000" (tatweel removed) is "ال" + "5000".
/// Digits keep their inner "." and "," when a digit follows ("12.500", "2.3", "8,410").
public struct Tokenizer: Sendable {
    let lexicon: Lexicon

    /// Character classes of the BMP, from ICU's general categories (built once).
    enum CharacterClass: UInt8 {
        case other = 0, letter, digit, space, lineBreak, sentenceEnd
    }

    static let classes: [UInt8] = {
        var table = [UInt8](repeating: CharacterClass.other.rawValue, count: 0x10000)
        for code in 0..<UInt32(0x10000) where !(0xD800...0xDFFF).contains(code) {
            let category = ICU.generalCategory(code)
            if GeneralCategory.isLetter(category) || category == GeneralCategory.nonSpacingMark || category == 7 || category == 8 {
                table[Int(code)] = CharacterClass.letter.rawValue
            } else if category == GeneralCategory.spaceSeparator || code == 0x09 || code == 0x0B || code == 0x0C || code == 0x0D {
                table[Int(code)] = CharacterClass.space.rawValue
            } else if code == 0x0A || code == 0x2028 || code == 0x2029 || code == 0x85 {
                table[Int(code)] = CharacterClass.lineBreak.rawValue
            }
        }
        for code in 0x30...0x39 { table[code] = CharacterClass.digit.rawValue }
        for code: UInt32 in [0x2E, 0x21, 0x3F, 0x061F, 0x06D4] { table[Int(code)] = CharacterClass.sentenceEnd.rawValue }
        return table
    }()

    /// Whether a code point ends a sentence (. ! ? ؟ ۔): the one definition the tokenizer, the
    /// figure reader and the cutting of long documents into sections share.
    static func endsSentence(_ code: UInt32) -> Bool {
        code < 0x10000 && classes[Int(code)] == CharacterClass.sentenceEnd.rawValue
    }

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    public func tokenize(_ text: NormalizedText) -> [Token] {
        let scalars = text.scalars
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5 + 8)
        var sentence: Int32 = 0
        var spaceBefore = true
        var lineBreakBefore = true
        var endsSentence = false
        let letter = CharacterClass.letter.rawValue, other = CharacterClass.other.rawValue
        Tokenizer.classes.withUnsafeBufferPointer { classes in
            scalars.withUnsafeBufferPointer { buffer in
                // Code points above the BMP are letters (scripts the grammars never name, but words all the same).
                @inline(__always) func classOf(_ code: UInt32) -> UInt8 { code < 0x10000 ? classes[Int(code)] : letter }
                let count = buffer.count
                var index = 0
                while index < count {
                    let code = buffer[index]
                    let cls = classOf(code)
                    if cls == CharacterClass.space.rawValue {
                        spaceBefore = true
                        index += 1
                        continue
                    }
                    if cls == CharacterClass.lineBreak.rawValue {
                        spaceBefore = true
                        lineBreakBefore = true
                        endsSentence = true
                        index += 1
                        continue
                    }
                    if endsSentence {
                        sentence += 1
                        endsSentence = false
                    }
                    let start = index
                    let kind: Token.Kind
                    var analyses: Range<Int32> = 0..<0
                    var namesEnd: Int32 = 0
                    var starts: UInt32 = 0
                    if cls == CharacterClass.digit.rawValue {
                        index += 1
                        while index < count {
                            let c = buffer[index]
                            if c >= 0x30 && c <= 0x39 { index += 1; continue }
                            if (c == 0x2E || c == 0x2C) && index + 1 < count && buffer[index + 1] >= 0x30 && buffer[index + 1] <= 0x39 {
                                index += 2
                                continue
                            }
                            break
                        }
                        kind = .number
                    } else {
                        // The word's hash is built as it is scanned (the same FNV-1a as `Lexicon.hash`).
                        var hash = Lexicon.hashSeed
                        if cls == letter {
                            repeat {
                                hash = Lexicon.mix(hash, buffer[index])
                                index += 1
                            } while index < count && classOf(buffer[index]) == letter
                            kind = .word
                        } else {
                            hash = Lexicon.mix(hash, code)
                            index += 1
                            kind = .punctuation
                            if cls != other { endsSentence = true }
                        }
                        (analyses, starts, namesEnd) = lexicon.lookup(UnsafeBufferPointer(rebasing: buffer[start..<index]), hash: hash)
                    }
                    tokens.append(Token(kind: kind, start: Int32(start), end: Int32(index), analyses: analyses, starts: starts,
                                        spaceBefore: spaceBefore, sentence: sentence, lineBreakBefore: lineBreakBefore, namesEnd: namesEnd))
                    spaceBefore = false
                    lineBreakBefore = false
                }
            }
        }
        return tokens
    }
}
