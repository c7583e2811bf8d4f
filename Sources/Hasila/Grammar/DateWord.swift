/// What a date rule says a word or phrase is.
enum DateWord: Sendable, Equatable {
    /// A month name of a calendar (1-12); a strict one is a month only beside a day, a year or a calendar mark (صفر).
    case month(Int, hijri: Bool, strict: Bool)
    /// A weekday name (1 is Sunday).
    case weekday(Int)
    /// A part of a period (منتصف، مطلع، أواخر …) that keeps the mention's precision coarse.
    case part
    /// A relative date on its own (أمس، اليوم، الأسبوع الماضي): so many units from the document date.
    case relative(RelativeUnit, Int)
    /// A word after a month or weekday that makes it relative (الماضي -1، الجاري 0، المقبل 1).
    case relativeSuffix(Int)
    /// A word before a bare year that makes it a date (عام، سنة، منذ).
    case yearMarker
    /// A word after a year that marks the Hijri calendar (هـ، هجري).
    case hijriMarker
    /// A word after a year that marks the Gregorian calendar (م، ميلادي).
    case gregorianMarker
    /// The opening word of a span (منذ، من، بين).
    case rangeStart
    /// The word between the two ends of a span (حتى، إلى، و).
    case rangeEnd
    /// "Since": a span opened by it and not closed stays open at its end.
    case since
    /// A word before a month name that names the month as a time ("شهر").
    case monthMarker

    var isWeekday: Bool { if case .weekday = self { return true } else { return false } }
    var isRelativeSuffix: Bool { if case .relativeSuffix = self { return true } else { return false } }
}

/// The unit of a relative date.
enum RelativeUnit: String, Sendable, Equatable {
    case day, week, month, year, decade
}
