import Foundation

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

    /// How many words ahead of the one it looks up `tokenize` prefetches a word's record; its slot is prefetched
    /// twice as far ahead. A load from the caches beyond L2 takes about as long as a few words' look-ups.
    static let prefetchDistance: Int = {
        if let value = ProcessInfo.processInfo.environment["HASILA_PREFETCH"].flatMap(Int.init) { return value }
        return 4
    }()

    /// Tokens in two passes: the first cuts the text and hashes each word (FNV-1a, as `Lexicon.hash`), the second looks
    /// the words up. The look-ups are bound by cache misses (the lexicon's slots and records are megabytes), and with every
    /// hash known in advance the second pass asks for the slot and the record of the words a few places ahead
    /// while it confirms the current one, so that their loads overlap instead of following one another.
    public func tokenize(_ text: NormalizedText) -> [Token] {
        let scalars = text.scalars
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5 + 8)
        // The words and marks to look up: their hashes, and the index of their tokens.
        var hashes: [UInt64] = []
        var looked: [Int32] = []
        hashes.reserveCapacity(scalars.count / 5 + 8)
        looked.reserveCapacity(scalars.count / 5 + 8)
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
                        // The word's hash is built as it is scanned.
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
                        hashes.append(hash)
                        looked.append(Int32(tokens.count))
                    }
                    tokens.append(Token(kind: kind, start: Int32(start), end: Int32(index), analyses: 0..<0, starts: 0,
                                        spaceBefore: spaceBefore, sentence: sentence, lineBreakBefore: lineBreakBefore, namesEnd: 0))
                    spaceBefore = false
                    lineBreakBefore = false
                }
            }
        }
        lookUp(&tokens, hashes: hashes, looked: looked, in: scalars)
        return tokens
    }

    /// Gives the tokens at `looked` their readings, requesting before each look-up the lexicon's filter word of the word
    /// `3 * prefetchDistance` ahead, the slot of the word `2 * prefetchDistance` ahead and the record of the word
    /// `prefetchDistance` ahead: each step reads what the one before it loaded.
    private func lookUp(_ tokens: inout [Token], hashes: [UInt64], looked: [Int32], in scalars: [UInt32]) {
        let distance = Tokenizer.prefetchDistance
        lexicon.withReader { lexicon in
            hashes.withUnsafeBufferPointer { hashes in
                looked.withUnsafeBufferPointer { looked in
                    scalars.withUnsafeBufferPointer { buffer in
                        tokens.withUnsafeMutableBufferPointer { tokens in
                            let count = hashes.count
                            for word in 0..<min(3 * distance, count) { lexicon.prefetchFilter(hashes[word]) }
                            for word in 0..<min(2 * distance, count) { lexicon.prefetchSlot(hashes[word]) }
                            for word in 0..<min(distance, count) { lexicon.prefetchRecord(hashes[word]) }
                            for word in 0..<count {
                                if word + 3 * distance < count { lexicon.prefetchFilter(hashes[word + 3 * distance]) }
                                if word + 2 * distance < count { lexicon.prefetchSlot(hashes[word + 2 * distance]) }
                                if word + distance < count { lexicon.prefetchRecord(hashes[word + distance]) }
                                let hash = hashes[word]
                                guard lexicon.mayKnow(hash) else { continue }
                                let index = Int(looked[word]), token = tokens[index]
                                let (analyses, starts, namesEnd) = lexicon.lookup(UnsafeBufferPointer(rebasing: buffer[Int(token.start)..<Int(token.end)]), hash: hash)
                                if analyses != 0..<0 || namesEnd != 0 { tokens[index] = token.withReadings(analyses, starts: starts, namesEnd: namesEnd) }
                            }
                        }
                    }
                }
            }
        }
    }
}
