/// Which records a run writes (`--kinds`): the counted figures, the date mentions, or both.
/// Figures alone are the default, so that a file's `value` has one type (an integer); dates
/// carry an ISO date in `value`, and go to a file of their own with `--dates-output`.
public enum RecordKinds: String, Sendable, CaseIterable {
    case figures, dates, all

    public var includesFigures: Bool { self != .dates }
    public var includesDates: Bool { self != .figures }
}
