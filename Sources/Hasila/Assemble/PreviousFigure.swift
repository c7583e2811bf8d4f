/// What a figure's reading needs of the figure before it in the same sentence: its own phrase (which
/// speaks of it, not of the next) and how far back its act was read (a list shares that clause).
struct PreviousFigure {
    var phrase: Range<Int> = 0..<0
    var actFloor = 0
}
