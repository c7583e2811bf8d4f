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

    /// How many candidates ahead of the one it looks up `tokenize` prefetches a word's record; its slot is prefetched
    /// twice as far ahead. A load from beyond the L2 cache takes about as long as a few words' look-ups; measured on
    /// real news (perf, --jobs 1), 4 and 8 both cut the look-ups' time by a third, 8 a little more when other processes
    /// crowd the shared cache.
    static let prefetchDistance = 8

    /// Tokens in two passes: the first cuts the text and hashes each word (FNV-1a, as `Lexicon.hash`), keeping those
    /// the lexicon's filter lets through as candidates; the second looks the candidates up. The look-ups are bound by
    /// cache misses (the lexicon's slots and records are megabytes), and with every hash known in advance the second
    /// pass asks for the slot and the record of the candidates a few places ahead while it confirms the current one,
    /// so that their loads overlap instead of following one another.
    public func tokenize(_ text: NormalizedText) -> [Token] {
        let scalars = text.scalars
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5 + 8)
        var candidates = Candidates(capacity: scalars.count / 4 + 16)
        defer { candidates.deallocate() }
        var sentence: Int32 = 0
        var spaceBefore = true
        var lineBreakBefore = true
        var endsSentence = false
        let letter = CharacterClass.letter.rawValue, other = CharacterClass.other.rawValue
        lexicon.withReader { lexicon in
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
                            candidates.add(hash, token: tokens.count, if: lexicon.mayKnowBit(hash))
                        }
                        tokens.append(Token(kind: kind, start: Int32(start), end: Int32(index), analyses: 0..<0, starts: 0,
                                            spaceBefore: spaceBefore, sentence: sentence, lineBreakBefore: lineBreakBefore, namesEnd: 0))
                        spaceBefore = false
                        lineBreakBefore = false
                    }
                }
            }
            lookUp(candidates, in: &tokens, scalars: scalars, lexicon: lexicon)
        }
        return tokens
    }

    /// Gives the candidate tokens their readings, requesting before each look-up the lexicon's slot of the candidate
    /// `2 * prefetchDistance` ahead and the record of the one `prefetchDistance` ahead (which reads the slot loaded before).
    private func lookUp(_ candidates: Candidates, in tokens: inout [Token], scalars: [UInt32], lexicon: Lexicon.Reader) {
        let distance = Tokenizer.prefetchDistance, hashes = candidates.hashes, indices = candidates.tokens
        let count = candidates.count
        scalars.withUnsafeBufferPointer { buffer in
            tokens.withUnsafeMutableBufferPointer { tokens in
                for candidate in 0..<min(2 * distance, count) { lexicon.prefetchSlot(hashes[candidate]) }
                for candidate in 0..<min(distance, count) { lexicon.prefetchRecord(hashes[candidate]) }
                for candidate in 0..<count {
                    if candidate + 2 * distance < count { lexicon.prefetchSlot(hashes[candidate + 2 * distance]) }
                    if candidate + distance < count { lexicon.prefetchRecord(hashes[candidate + distance]) }
                    let index = Int(indices[candidate]), token = tokens[index]
                    let word = UnsafeBufferPointer(rebasing: buffer[Int(token.start)..<Int(token.end)])
                    let (analyses, starts, namesEnd) = lexicon.lookup(word, hash: hashes[candidate])
                    if analyses != 0..<0 || namesEnd != 0 { tokens[index] = token.withReadings(analyses, starts: starts, namesEnd: namesEnd) }
                }
            }
        }
    }

    /// The words of a text the lexicon's filter lets through, with their hashes and token indices, gathered without
    /// a branch on the filter: each word is written at the end and kept by counting it (`add`), so that the scan never
    /// waits for the filter's load. One allocation per text, grown by doubling.
    private struct Candidates {
        private(set) var hashes: UnsafeMutablePointer<UInt64>
        private(set) var tokens: UnsafeMutablePointer<Int32>
        private(set) var count = 0
        private var capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            hashes = .allocate(capacity: capacity)
            tokens = .allocate(capacity: capacity)
        }

        /// Writes the word at the end and keeps it when `keep` is 1 (0: the next word overwrites it).
        @inline(__always)
        mutating func add(_ hash: UInt64, token: Int, if keep: Int) {
            hashes[count] = hash
            tokens[count] = Int32(truncatingIfNeeded: token)
            count &+= keep
            if count == capacity { grow() }
        }

        private mutating func grow() {
            let larger = capacity * 2
            let moreHashes = UnsafeMutablePointer<UInt64>.allocate(capacity: larger)
            let moreTokens = UnsafeMutablePointer<Int32>.allocate(capacity: larger)
            moreHashes.update(from: hashes, count: count)
            moreTokens.update(from: tokens, count: count)
            deallocate()
            hashes = moreHashes
            tokens = moreTokens
            capacity = larger
        }

        func deallocate() {
            hashes.deallocate()
            tokens.deallocate()
        }
    }
}
