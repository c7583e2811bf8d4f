/// One line of a line chart: its name in the legend, its colour, and a value per x position.
public struct ChartSeries: Sendable {
    public let name: String
    public let colour: String
    public let values: [Int]

    public init(name: String, colour: String, values: [Int]) {
        self.name = name
        self.colour = colour
        self.values = values
    }
}
