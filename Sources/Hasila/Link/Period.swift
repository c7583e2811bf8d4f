/// The span of time a figure covers, as stated in dates; either side may be open (nil).
public struct Period: Sendable, Equatable {
    public var start: DateValue?
    public var end: DateValue?

    public init(start: DateValue?, end: DateValue?) {
        self.start = start
        self.end = end
    }
}
