/// The colours of the main categories, in charts (strong) and behind highlighted figures
/// (light), chosen by the main categories' sorted order so the same records give the same
/// colours; a figure without a category is grey.
public struct CategoryPalette: Sendable {
    static let strong = ["#c0392b", "#1f77b4", "#2ca02c", "#9467bd", "#e67e22", "#8c564b", "#d6339b", "#17becf",
                         "#7f8c00", "#393b79", "#b8860b", "#2f4f4f"]
    static let light = ["#f5c6c1", "#c6dbef", "#c7e9c0", "#dcd0ee", "#fbd6ad", "#e7d4cf", "#f6cbe6", "#c2eef3",
                        "#e6eab0", "#cfd0ee", "#f1e0b0", "#cfdcdc"]
    public static let uncategorizedStrong = "#7a7a7a"
    public static let uncategorizedLight = "#e4e4e4"

    /// The main categories, sorted; a category's colour is its place here, round the palette.
    public let mains: [String]

    public init(mains: some Sequence<String>) {
        self.mains = Array(Set(mains)).sorted()
    }

    /// The palette slot of a main category (nil for an unknown one or none).
    public func slot(_ main: String?) -> Int? {
        guard let main, let index = mains.firstIndex(of: main) else { return nil }
        return index % Self.strong.count
    }

    public func strong(_ main: String?) -> String { slot(main).map { Self.strong[$0] } ?? Self.uncategorizedStrong }
    public func light(_ main: String?) -> String { slot(main).map { Self.light[$0] } ?? Self.uncategorizedLight }

    /// How many colour classes the page's style sheet defines.
    public static var slots: Int { strong.count }
}
