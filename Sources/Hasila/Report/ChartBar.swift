/// One bar of a horizontal bar chart: a label, its value, and how it is drawn.
public struct ChartBar: Sendable {
    public let label: String
    public let value: Int
    /// Its fill, a CSS colour.
    public let colour: String
    /// How deep in a tree the label stands: 0, a main category, is labelled in bold.
    public let depth: Int

    public init(label: String, value: Int, colour: String, depth: Int = 0) {
        self.label = label
        self.value = value
        self.colour = colour
        self.depth = depth
    }
}
