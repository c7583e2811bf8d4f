/// A line chart as inline SVG, written by Hasila: one line a series over evenly spaced x
/// positions (months or years), a value axis with round ticks and grid lines, x labels thinned
/// to a dozen at most, both axes' titles, and a legend with each series' total.
public struct LineChart: Sendable {
    public let title: String
    /// One label an x position ("2015-07").
    public let positions: [String]
    public let series: [ChartSeries]
    public let xTitle: String
    public let yTitle: String

    public init(title: String, positions: [String], series: [ChartSeries], xTitle: String, yTitle: String) {
        self.title = title
        self.positions = positions
        self.series = series
        self.xTitle = xTitle
        self.yTitle = yTitle
    }

    static let width = 760.0, left = 64.0, right = 20.0, bottom = 58.0, legendRow = 18.0

    public func write(into html: HTMLBuffer) {
        let c = SVGNumber.coordinate
        let legendPerRow = 4
        let legendRows = (series.count + legendPerRow - 1) / legendPerRow
        let top = 10 + Double(legendRows) * Self.legendRow + 8
        let plotHeight = 220.0
        let plotWidth = Self.width - Self.left - Self.right
        let height = top + plotHeight + Self.bottom
        let scale = ChartScale(largest: series.flatMap(\.values).max() ?? 0)
        let count = max(1, positions.count)
        func xAt(_ index: Int) -> Double {
            count == 1 ? Self.left + plotWidth / 2 : Self.left + Double(index) / Double(count - 1) * plotWidth
        }
        func yAt(_ value: Int) -> Double { top + plotHeight - scale.position(value, length: plotHeight) }
        html.raw("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(c(Self.width)) \(c(height))\" width=\"\(c(Self.width))\" height=\"\(c(height))\">")
        html.raw("<title>"); html.text(title); html.raw("</title>")
        // The legend: a swatch, the name and the series' total.
        for (index, line) in series.enumerated() {
            let lx = Self.left + Double(index % legendPerRow) * (plotWidth / Double(legendPerRow))
            let ly = 10 + Double(index / legendPerRow) * Self.legendRow
            html.raw("<rect x=\"\(c(lx))\" y=\"\(c(ly))\" width=\"14\" height=\"4\" fill=\""); html.attribute(line.colour); html.raw("\"/>")
            html.raw("<text class=\"legend\" x=\"\(c(lx + 20))\" y=\"\(c(ly + 6))\">")
            html.text("\(line.name) (\(SVGNumber.count(line.values.reduce(0, +))))")
            html.raw("</text>")
        }
        // The value axis: grid lines, ticks and its title, turned upright.
        for tick in scale.ticks {
            let y = yAt(tick)
            html.raw("<line class=\"grid\" x1=\"\(c(Self.left))\" y1=\"\(c(y))\" x2=\"\(c(Self.left + plotWidth))\" y2=\"\(c(y))\"/>")
            html.raw("<text class=\"tick\" x=\"\(c(Self.left - 6))\" y=\"\(c(y + 4))\" text-anchor=\"end\">\(SVGNumber.count(tick))</text>")
        }
        html.raw("<line class=\"axis\" x1=\"\(c(Self.left))\" y1=\"\(c(top))\" x2=\"\(c(Self.left))\" y2=\"\(c(top + plotHeight))\"/>")
        html.raw("<line class=\"axis\" x1=\"\(c(Self.left))\" y1=\"\(c(top + plotHeight))\" x2=\"\(c(Self.left + plotWidth))\" y2=\"\(c(top + plotHeight))\"/>")
        html.raw("<text class=\"axis-title\" transform=\"translate(16 \(c(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">")
        html.text(yTitle)
        html.raw("</text>")
        // The x labels, thinned to at most a dozen at a round step (a quarter, half a year, a year…), each under a tick.
        let every = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240].first { (count + $0 - 1) / $0 <= 12 } ?? (count + 11) / 12
        for index in stride(from: 0, to: positions.count, by: every) {
            let x = xAt(index)
            html.raw("<line class=\"axis\" x1=\"\(c(x))\" y1=\"\(c(top + plotHeight))\" x2=\"\(c(x))\" y2=\"\(c(top + plotHeight + 4))\"/>")
            html.raw("<text class=\"tick\" x=\"\(c(x))\" y=\"\(c(top + plotHeight + 18))\" text-anchor=\"middle\">")
            html.text(positions[index])
            html.raw("</text>")
        }
        html.raw("<text class=\"axis-title\" x=\"\(c(Self.left + plotWidth / 2))\" y=\"\(c(top + plotHeight + 44))\" text-anchor=\"middle\">")
        html.text(xTitle)
        html.raw("</text>")
        // The lines, with a dot at each point when there are few enough to tell apart.
        for line in series {
            let points = line.values.indices.map { "\(c(xAt($0))),\(c(yAt(line.values[$0])))" }.joined(separator: " ")
            html.raw("<polyline class=\"series\" fill=\"none\" stroke-width=\"2\" stroke=\""); html.attribute(line.colour)
            html.raw("\" points=\"\(points)\"><title>"); html.text(line.name); html.raw("</title></polyline>")
            if line.values.count <= 60 {
                for (index, value) in line.values.enumerated() {
                    html.raw("<circle cx=\"\(c(xAt(index)))\" cy=\"\(c(yAt(value)))\" r=\"2.5\" fill=\""); html.attribute(line.colour)
                    html.raw("\"><title>"); html.text("\(line.name), \(positions[index]): \(SVGNumber.count(value))"); html.raw("</title></circle>")
                }
            }
        }
        html.raw("</svg>")
    }
}
