/// A horizontal bar chart as inline SVG, written by Hasila: one row a bar with its label on the
/// left (a main key in bold), its value at its end, a value axis with round ticks and grid lines,
/// the axis's title below and a legend above. Horizontal bars leave room for long category keys
/// and for labels in any script, which the browser shapes.
public struct BarChart: Sendable {
    public let title: String
    public let bars: [ChartBar]
    public let axisTitle: String
    /// Legend entries: a colour and what it means.
    public let legend: [(colour: String, label: String)]

    public init(title: String, bars: [ChartBar], axisTitle: String, legend: [(colour: String, label: String)]) {
        self.title = title
        self.bars = bars
        self.axisTitle = axisTitle
        self.legend = legend
    }

    static let width = 680.0, labelWidth = 190.0, rightMargin = 56.0, row = 22.0, bar = 15.0
    static let legendHeight = 26.0, axisHeight = 44.0

    public func write(into html: HTMLBuffer) {
        let plotWidth = Self.width - Self.labelWidth - Self.rightMargin
        let top = Self.legendHeight + 6
        let plotHeight = Double(max(1, bars.count)) * Self.row
        let height = top + plotHeight + Self.axisHeight
        let scale = ChartScale(largest: bars.map(\.value).max() ?? 0)
        let c = SVGNumber.coordinate
        html.raw("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(c(Self.width)) \(c(height))\" width=\"\(c(Self.width))\" height=\"\(c(height))\">")
        html.raw("<title>"); html.text(title); html.raw("</title>")
        // The legend.
        var x = Self.labelWidth
        for entry in legend {
            html.raw("<rect x=\"\(c(x))\" y=\"6\" width=\"12\" height=\"12\" fill=\""); html.attribute(entry.colour); html.raw("\"/>")
            html.raw("<text class=\"legend\" x=\"\(c(x + 16))\" y=\"16\">"); html.text(entry.label); html.raw("</text>")
            x += 24 + Double(entry.label.count) * 6.6
        }
        // Grid lines and tick labels of the value axis.
        let axisY = top + plotHeight
        for tick in scale.ticks {
            let tx = Self.labelWidth + scale.position(tick, length: plotWidth)
            html.raw("<line class=\"grid\" x1=\"\(c(tx))\" y1=\"\(c(top))\" x2=\"\(c(tx))\" y2=\"\(c(axisY))\"/>")
            html.raw("<text class=\"tick\" x=\"\(c(tx))\" y=\"\(c(axisY + 16))\" text-anchor=\"middle\">\(SVGNumber.count(tick))</text>")
        }
        html.raw("<line class=\"axis\" x1=\"\(c(Self.labelWidth))\" y1=\"\(c(axisY))\" x2=\"\(c(Self.labelWidth + plotWidth))\" y2=\"\(c(axisY))\"/>")
        html.raw("<line class=\"axis\" x1=\"\(c(Self.labelWidth))\" y1=\"\(c(top))\" x2=\"\(c(Self.labelWidth))\" y2=\"\(c(axisY))\"/>")
        html.raw("<text class=\"axis-title\" x=\"\(c(Self.labelWidth + plotWidth / 2))\" y=\"\(c(axisY + 36))\" text-anchor=\"middle\">")
        html.text(axisTitle)
        html.raw("</text>")
        // The bars, each with its label and value.
        for (index, entry) in bars.enumerated() {
            let y = top + Double(index) * Self.row
            let length = scale.position(entry.value, length: plotWidth)
            html.raw("<text class=\"\(entry.depth == 0 ? "label main" : "label")\" x=\"\(c(Self.labelWidth - 8))\" y=\"\(c(y + Self.bar - 3))\" text-anchor=\"end\">")
            html.text(entry.label)
            html.raw("</text>")
            html.raw("<rect x=\"\(c(Self.labelWidth))\" y=\"\(c(y + (Self.row - Self.bar) / 2))\" width=\"\(c(max(length, entry.value > 0 ? 1 : 0)))\" height=\"\(c(Self.bar))\" fill=\"")
            html.attribute(entry.colour)
            html.raw("\"><title>"); html.text("\(entry.label): \(SVGNumber.count(entry.value))"); html.raw("</title></rect>")
            html.raw("<text class=\"value\" x=\"\(c(Self.labelWidth + length + 4))\" y=\"\(c(y + Self.bar - 3))\">\(SVGNumber.count(entry.value))</text>")
        }
        html.raw("</svg>")
    }
}
