/// A chart's value axis: from 0 to a round maximum in round steps (1, 2 or 5 times a power of
/// ten), so tick labels read as whole numbers a person can use.
public struct ChartScale: Sendable, Equatable {
    public let maximum: Int
    public let step: Int

    /// A scale reaching at least `largest` in at most about `ticks` steps.
    public init(largest: Int, ticks: Int = 5) {
        let target = max(1, largest)
        var power = 1
        while power * 10 <= target / max(1, ticks) { power *= 10 }
        var step = power
        for factor in [1, 2, 5, 10] {
            step = power * factor
            if (target + step - 1) / step <= ticks { break }
        }
        self.step = step
        self.maximum = ((target + step - 1) / step) * step
    }

    public var ticks: [Int] { Array(stride(from: 0, through: maximum, by: step)) }

    /// Where `value` falls on an axis `length` long.
    public func position(_ value: Int, length: Double) -> Double {
        Double(value) / Double(maximum) * length
    }
}
