/// Finds date mentions: day-month-year with any month-name set (paired names and glued digits
/// too), numeric dates (day first, or year first), month-year, bare years used as dates, Hijri
/// dates (converted with ICU's Umm al-Qura calendar), and relative dates.
///
/// The words come from Grammars/dates; this type knows only the shapes dates take.
struct DateRecognizer {
    let grammar: Grammar

    private func dateWord(at index: Int, tokens: [Token], limit: Int? = nil) -> (word: DateWord, end: Int)? {
        guard index < tokens.count, tokens[index].kind != .number else { return nil }
        guard let match = grammar.longest(grammar.tables.dateWords, in: tokens, from: index, limit: limit) else { return nil }
        // Prefer a month reading where a word is several things.
        let payloads = grammar.tables.dateWordPayloads
        for payload in match.payloads { if case .month = payloads[payload] { return (payloads[payload], match.end) } }
        return (payloads[match.payloads[0]], match.end)
    }

    private func has(_ kind: (DateWord) -> Bool, at index: Int, tokens: [Token]) -> Int? {
        guard index >= 0, index < tokens.count, tokens[index].kind != .number else { return nil }
        return grammar.longest(grammar.tables.dateWords, in: tokens, from: index) { kind(grammar.tables.dateWordPayloads[$0]) }
    }

    /// A relative suffix after a month or weekday ("الماضي"): where it ends and which one it means.
    private func suffix(at index: Int, tokens: [Token]) -> (end: Int, offset: Int)? {
        guard index < tokens.count, tokens[index].kind == .word,
              let match = grammar.longest(grammar.tables.dateWords, in: tokens, from: index) else { return nil }
        for payload in match.payloads { if case .relativeSuffix(let offset) = grammar.tables.dateWordPayloads[payload] { return (match.end, offset) } }
        return nil
    }

    private func digits(_ token: Token, _ scalars: [UInt32]) -> (value: Int, length: Int)? {
        guard token.kind == .number else { return nil }
        // No date part has more than four digits: a longer run is refused before its value can overflow.
        guard token.range.count <= 4 else { return nil }
        var value = 0, length = 0
        for i in token.range {
            let c = scalars[i]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            value = value * 10 + Int(c - 0x30)
            length += 1
        }
        return (value, length)
    }

    private func punctuation(_ token: Token, _ scalars: [UInt32]) -> UInt32? {
        token.kind == .punctuation ? scalars[Int(token.start)] : nil
    }

    private func isNotDate(at index: Int, tokens: [Token]) -> Bool {
        for start in stride(from: index, through: max(0, index - 2), by: -1) {
            if let match = grammar.longest(grammar.tables.notDates, in: tokens, from: start), match.end > index { return true }
        }
        return false
    }

    func recognize(tokens: [Token], scalars: [UInt32]) -> [DateMention] {
        var mentions: [DateMention] = []
        var index = 0
        let dateWords = grammar.tables.dateWords
        // No token is claimed when a year is read in words; the array is made once, at the first year marker.
        var unclaimed: [Bool] = []
        while index < tokens.count {
            // Only digits and words that begin a date phrase can begin a date: most tokens are neither.
            let token = tokens[index]
            if token.kind == .punctuation || (token.kind == .word && !grammar.canStart(dateWords, token)) {
                index += 1
                continue
            }
            if let mention = read(at: index, tokens: tokens, scalars: scalars, unclaimed: &unclaimed) {
                // "بين 1 و 30 أيلول 2018": a bare day before a full date shares its month and year.
                if mention.tokens.lowerBound >= 2, let value = mention.value, value.day != nil,
                   let day = digits(tokens[mention.tokens.lowerBound - 2], scalars), day.length <= 2, (1...31).contains(day.value),
                   has({ $0 == .rangeEnd }, at: mention.tokens.lowerBound - 1, tokens: tokens) != nil,
                   !(mentions.last.map { $0.tokens.upperBound > mention.tokens.lowerBound - 2 } ?? false),
                   day.value < value.day! {
                    let first = mention.tokens.lowerBound - 2
                    mentions.append(DateMention(tokens: first..<(first + 1), value: DateValue(year: value.year, month: value.month, day: day.value),
                                                calendar: mention.calendar, relative: false))
                }
                mentions.append(mention)
                index = mention.tokens.upperBound
                // "اليوم (الاثنين)": a weekday in brackets after a day named relatively glosses it; it is no mention of its own.
                if case .offset(.day, _)? = mention.relativeKind, let end = bracketedWeekday(at: index, tokens: tokens, scalars: scalars) {
                    index = end
                }
            } else {
                index += 1
            }
        }
        return mentions
    }

    private func read(at index: Int, tokens: [Token], scalars: [UInt32], unclaimed: inout [Bool]) -> DateMention? {
        let token = tokens[index]
        if token.kind == .number {
            return readNumeric(at: index, tokens: tokens, scalars: scalars)
                ?? readDayMonth(at: index, start: index, tokens: tokens, scalars: scalars)
                ?? readYear(at: index, tokens: tokens, scalars: scalars)
        }
        guard token.kind == .word, token.isKnown, let word = dateWord(at: index, tokens: tokens) else { return nil }
        if isNotDate(at: index, tokens: tokens) { return nil }
        switch word.word {
        case .yearMarker:
            // "عام ألفين وتسعة عشر": a year in words after a year marker; the marker stays outside (rules 7).
            let next = word.end
            guard next < tokens.count, tokens[next].kind == .word else { return nil }
            if unclaimed.count != tokens.count { unclaimed = [Bool](repeating: false, count: tokens.count) }
            guard let number = NumberRecognizer(grammar: grammar).readWords(at: next, tokens: tokens, claimed: unclaimed),
                  let value = number.value, (1900...2100).contains(value), !number.definite else { return nil }
            // A counted noun after it makes it a figure ("من ألفين وخمسمئة شخص"), unless the word before is one
            // that only a year follows (the `year` decoys: "عام ألفين وتسعة عشر حالة الطوارئ").
            let yearOnly = grammar.longestBackward(grammar.tables.decoysBefore, in: tokens, from: next - 1) != nil
            if !yearOnly, number.tokens.upperBound < tokens.count, tokens[number.tokens.upperBound].kind == .word,
               grammar.longest(grammar.tables.categories, in: tokens, from: number.tokens.upperBound) != nil { return nil }
            return DateMention(tokens: number.tokens, value: DateValue(year: value), calendar: .gregorian, relative: false)
        case .weekday(let day):
            if word.end < tokens.count, tokens[word.end].kind == .number,
               let date = readDayMonth(at: word.end, start: index, tokens: tokens, scalars: scalars) { return date }
            let after = suffix(at: word.end, tokens: tokens)
            return DateMention(tokens: index..<(after?.end ?? word.end), value: nil, calendar: .gregorian, relative: true,
                               relativeKind: .weekday(day, direction: after?.offset))
        case .part:
            let next = word.end
            if next < tokens.count, tokens[next].kind == .number,
               let year = readYear(at: next, tokens: tokens, scalars: scalars, requireMarker: false) {
                return DateMention(tokens: index..<year.tokens.upperBound, value: year.value, calendar: year.calendar, relative: false)
            }
            if has({ $0 == .yearMarker }, at: next, tokens: tokens) == next + 1, next + 1 < tokens.count,
               let year = readYear(at: next + 1, tokens: tokens, scalars: scalars, requireMarker: false) {
                return DateMention(tokens: index..<year.tokens.upperBound, value: year.value, calendar: year.calendar, relative: false)
            }
            if let inner = dateWord(at: next, tokens: tokens) {
                switch inner.word {
                case .month, .relative:
                    if let rest = readWordDate(inner, at: next, tokens: tokens, scalars: scalars) {
                        var date = DateMention(tokens: index..<rest.tokens.upperBound, value: rest.value, calendar: rest.calendar,
                                               relative: rest.relative, relativeKind: rest.relativeKind)
                        date.days = rest.days
                        return date
                    }
                default: break
                }
            }
            return nil
        default:
            return readWordDate(word, at: index, tokens: tokens, scalars: scalars)
        }
    }

    /// A date that starts with a word: a month (with a year, or relative), or a relative phrase.
    private func readWordDate(_ word: (word: DateWord, end: Int), at index: Int, tokens: [Token], scalars: [UInt32]) -> DateMention? {
        switch word.word {
        case .relative(let unit, let offset):
            // "أمس الخميس": a weekday beside a day named relatively is part of its one mention.
            var end = word.end
            if unit == .day, let weekday = has({ $0.isWeekday }, at: end, tokens: tokens) { end = weekday }
            // "العام الماضي 2014": a relative year with its year written is one absolute mention.
            if unit == .year, end < tokens.count, let year = digits(tokens[end], scalars), isYear(year, hijri: false) {
                return DateMention(tokens: index..<(end + 1), value: DateValue(year: year.value), calendar: .gregorian, relative: false)
            }
            return DateMention(tokens: index..<end, value: nil, calendar: .gregorian, relative: true,
                               relativeKind: .offset(unit, offset))
        case .month(let month, let hijri, let strict):
            let end = skipPairedMonth(after: word.end, tokens: tokens, scalars: scalars)
            if let dated = year(after: end, month: month, day: nil, hijri: hijri, tokens: tokens, scalars: scalars) {
                var mention = DateMention(tokens: index..<dated.end, value: dated.value, calendar: dated.calendar, relative: false)
                mention.days = dated.days
                return mention
            }
            if let after = suffix(at: end, tokens: tokens) {
                return DateMention(tokens: index..<after.end, value: nil, calendar: hijri ? .islamic : .gregorian, relative: true,
                                   relativeKind: hijri ? .other : .month(month, direction: after.offset))
            }
            if hijri && !strict {
                return DateMention(tokens: index..<end, value: nil, calendar: .islamic, relative: true, relativeKind: .other)
            }
            // "في أيار", "بين سبتمبر …", "خلال شهر أيار": a month named alone as a time, after a word that introduces one.
            if !hijri, introducesMonth(before: index, tokens: tokens) {
                return DateMention(tokens: index..<end, value: nil, calendar: .gregorian, relative: true,
                                   relativeKind: .month(month, direction: nil))
            }
            return nil
        default:
            return nil
        }
    }

    /// The year after a month (and its calendar mark), with the date's Gregorian value: a Hijri date goes
    /// through ICU's Umm al-Qura calendar (a month and year alone: the Gregorian month of its first day).
    private func year(after start: Int, month: Int, day: Int?, hijri: Bool, tokens: [Token], scalars: [UInt32])
        -> (end: Int, value: DateValue?, calendar: DateMention.Calendar, days: Period?)? {
        var end = start
        // "أواخر أيار عام 2013" (عام inside the date, annotation rules 7), "3/مارس/2019".
        if end + 1 < tokens.count, tokens[end + 1].kind == .number,
           has({ $0 == .yearMarker }, at: end, tokens: tokens) == end + 1
            || (punctuation(tokens[end], scalars) == 0x2F && !tokens[end].spaceBefore && !tokens[end + 1].spaceBefore) {
            end += 1
        }
        guard end < tokens.count, let year = digits(tokens[end], scalars), isYear(year, hijri: hijri) else { return nil }
        let marked = calendarMarker(at: end + 1, tokens: tokens)
        let isHijri = hijri || marked.hijri
        let value: DateValue?
        if isHijri {
            value = ICU.gregorian(fromHijriYear: year.value, month: month, day: day ?? 1)
                .map { DateValue(year: $0.year, month: $0.month, day: day == nil ? nil : $0.day) }
        } else {
            value = DateValue(year: year.value, month: month, day: day)
        }
        var days: Period?
        if isHijri, day == nil, let first = ICU.gregorian(fromHijriYear: year.value, month: month, day: 1),
           let next = month == 12 ? ICU.gregorian(fromHijriYear: year.value + 1, month: 1, day: 1)
                                  : ICU.gregorian(fromHijriYear: year.value, month: month + 1, day: 1) {
            let last = RelativeDateResolver.date(fromDays: RelativeDateResolver.days(next.year, next.month, next.day) - 1)
            days = Period(start: DateValue(year: first.year, month: first.month, day: first.day), end: last)
        }
        // The era mark (هـ، م) decides the calendar but stays outside the mention (annotation rules 7).
        return (end + 1, value, isHijri ? .islamic : .gregorian, days)
    }

    private func isYear(_ year: (value: Int, length: Int), hijri: Bool) -> Bool {
        hijri ? (1300...1600).contains(year.value) : (year.length == 4 && (1900...2100).contains(year.value))
    }

    /// After a month name: "/سبتمبر" or "(أيلول)" naming the same month in another set.
    private func skipPairedMonth(after end: Int, tokens: [Token], scalars: [UInt32]) -> Int {
        guard end + 1 < tokens.count, let mark = punctuation(tokens[end], scalars) else { return end }
        if mark == 0x2F || mark == 0x5C, let other = dateWord(at: end + 1, tokens: tokens), case .month = other.word { return other.end }
        if mark == 0x28, let other = dateWord(at: end + 1, tokens: tokens), case .month = other.word,
           other.end < tokens.count, punctuation(tokens[other.end], scalars) == 0x29 { return other.end + 1 }
        return end
    }

    /// The word before a month name says it names a time: a year marker or span word ("في", "منذ", "بين"),
    /// or the month-marker ("شهر") after one.
    private func introducesMonth(before index: Int, tokens: [Token]) -> Bool {
        func introduces(_ word: DateWord) -> Bool { word == .yearMarker || word == .rangeStart || word == .since || word == .rangeEnd }
        var p = index - 1
        if p >= 0, has({ $0 == .monthMarker }, at: p, tokens: tokens) == index { p -= 1 }
        return p >= 0 && tokens[p].sentence == tokens[index].sentence && has(introduces, at: p, tokens: tokens) == p + 1
    }

    /// "(الاثنين)" right at `index`: where it ends, or nil.
    private func bracketedWeekday(at index: Int, tokens: [Token], scalars: [UInt32]) -> Int? {
        guard index + 2 < tokens.count, punctuation(tokens[index], scalars) == 0x28,
              let end = has({ $0.isWeekday }, at: index + 1, tokens: tokens),
              end < tokens.count, punctuation(tokens[end], scalars) == 0x29 else { return nil }
        return end + 1
    }

    private func calendarMarker(at index: Int, tokens: [Token]) -> (end: Int, hijri: Bool) {
        if let end = has({ $0 == .hijriMarker }, at: index, tokens: tokens) { return (end, true) }
        if let end = has({ $0 == .gregorianMarker }, at: index, tokens: tokens) { return (end, false) }
        return (index, false)
    }

    /// "30/9/2017", "30-9-2017", "30.9.2017", "2017-09-30", "2017/09/30".
    private func readNumeric(at index: Int, tokens: [Token], scalars: [UInt32]) -> DateMention? {
        // Most numbers are neither dotted (30.9.2017) nor glued to a slash or dash: no date here.
        let single = tokens[index]
        if !single.range.contains(where: { scalars[$0] == 0x2E }) {
            guard index + 2 < tokens.count, !tokens[index + 1].spaceBefore, let mark = punctuation(tokens[index + 1], scalars),
                  mark == 0x2F || mark == 0x2D else { return nil }
        }
        var parts: [(value: Int, length: Int)] = []
        var end = index
        // One token with two "." inside: 30.9.2017.
        var dotted: [(Int, Int)] = []
        var value = 0, length = 0
        for i in single.range {
            let c = scalars[i]
            if c >= 0x30 && c <= 0x39 {
                // A part of more than four digits is no day, month or year (and would overflow).
                if length == 4 { dotted = []; break }
                value = value * 10 + Int(c - 0x30); length += 1
            } else if c == 0x2E {
                dotted.append((value, length)); value = 0; length = 0
            } else { dotted = []; break }
        }
        if !dotted.isEmpty { dotted.append((value, length)) }
        if dotted.count == 3 {
            parts = dotted.map { (value: $0.0, length: $0.1) }
            end = index + 1
        } else {
            guard let first = digits(single, scalars) else { return nil }
            parts = [first]
            var separator: UInt32?
            end = index + 1
            while parts.count < 3, end + 1 < tokens.count, !tokens[end].spaceBefore, !tokens[end + 1].spaceBefore,
                  let mark = punctuation(tokens[end], scalars), mark == 0x2F || mark == 0x2D,
                  separator == nil || separator == mark, let next = digits(tokens[end + 1], scalars) {
                separator = mark
                parts.append(next)
                end += 2
            }
            guard parts.count == 3 else { return nil }
        }
        let (year, month, day): (Int, Int, Int)
        if parts[0].length == 4 && parts[2].length <= 2 {
            (year, month, day) = (parts[0].value, parts[1].value, parts[2].value)
        } else if parts[2].length == 4 && parts[0].length <= 2 {
            (year, month, day) = (parts[2].value, parts[1].value, parts[0].value)
        } else { return nil }
        guard (1900...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return DateMention(tokens: index..<end, value: DateValue(year: year, month: month, day: day), calendar: .gregorian, relative: false)
    }

    /// "30 سبتمبر 2015", "30سبتمبر 2015", "1 آذار/مارس 2019", "١٤ رمضان ١٤٣٩ هـ", "19 سبتمبر" (relative).
    private func readDayMonth(at index: Int, start: Int, tokens: [Token], scalars: [UInt32]) -> DateMention? {
        guard let day = digits(tokens[index], scalars), day.length <= 2, (1...31).contains(day.value), index + 1 < tokens.count else { return nil }
        // "3/مارس/2019": a slash glued between the day and the month name.
        let monthAt = index + 2 < tokens.count && punctuation(tokens[index + 1], scalars) == 0x2F
            && !tokens[index + 1].spaceBefore && !tokens[index + 2].spaceBefore ? index + 2 : index + 1
        guard let word = dateWord(at: monthAt, tokens: tokens), case .month(let month, let hijri, _) = word.word else { return nil }
        var end = skipPairedMonth(after: word.end, tokens: tokens, scalars: scalars)
        var first = start
        if first == index, index > 0, has({ $0.isWeekday }, at: index - 1, tokens: tokens) == index { first = index - 1 }
        if let dated = year(after: end, month: month, day: day.value, hijri: hijri, tokens: tokens, scalars: scalars) {
            return DateMention(tokens: first..<dated.end, value: dated.value, calendar: dated.calendar, relative: false)
        }
        // A bracketed gloss stays in the mention only inside it ("26 يونيو (حزيران) الماضي"), not at its end.
        let glossed = end > word.end && punctuation(tokens[word.end], scalars) == 0x28
        end = suffix(at: end, tokens: tokens)?.end ?? (glossed ? word.end : end)
        return DateMention(tokens: first..<end, value: nil, calendar: hijri ? .islamic : .gregorian, relative: true,
                           relativeKind: hijri ? .other : .dayMonth(day: day.value, month: month))
    }

    /// A bare year used as a date: after a year marker ("منذ 2011", "في عام (2017)"), or with a calendar mark ("1440هـ").
    private func readYear(at index: Int, tokens: [Token], scalars: [UInt32], requireMarker: Bool = true) -> DateMention? {
        guard let year = digits(tokens[index], scalars),
              (1300...1600).contains(year.value) || (year.length == 4 && (1900...2100).contains(year.value)) else { return nil }
        let marked = calendarMarker(at: index + 1, tokens: tokens)
        if marked.hijri, (1300...1600).contains(year.value) {
            let value = ICU.gregorian(fromHijriYear: year.value, month: 1, day: 1).map { DateValue(year: $0.year) }
            return DateMention(tokens: index..<(index + 1), value: value, calendar: .islamic, relative: false)
        }
        guard year.length == 4, (1900...2100).contains(year.value) else { return nil }
        // A counted noun after it makes it a figure ("2015 مدنيا").
        if index + 1 < tokens.count, tokens[index + 1].kind == .word,
           let match = grammar.longest(grammar.tables.categories, in: tokens, from: index + 1),
           ![.times, .event].contains(grammar.tables.categoryPayloads[match.payloads[0]].role) { return nil }
        // "1933 - …": a year opening a sentence or a line before a dash heads an entry of a chronology.
        let headsEntry = (index == 0 || tokens[index].lineBreakBefore || tokens[index - 1].sentence != tokens[index].sentence)
            && index + 1 < tokens.count
            && [0x2D, 0x2013, 0x2014].contains(punctuation(tokens[index + 1], scalars) ?? 0)
        if requireMarker && !headsEntry {
            var p = index - 1
            while p >= 0, let mark = punctuation(tokens[p], scalars), mark == 0x28 || mark == 0x5B { p -= 1 }
            guard p >= 0, has({ $0 == .yearMarker || $0 == .rangeStart || $0 == .rangeEnd || $0 == .since || $0 == .part }, at: p, tokens: tokens) == p + 1 else { return nil }
        }
        let end = index + 1
        return DateMention(tokens: index..<end, value: DateValue(year: year.value), calendar: .gregorian, relative: false)
    }
}
