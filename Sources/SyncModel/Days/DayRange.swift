/// An inclusive range of calendar days, `first...last`.
public struct DayRange: Hashable, Sendable, Codable, Sequence, CustomStringConvertible {
    public let first: Day
    public let last: Day

    /// Creates the range, or returns `nil` when `last` precedes `first`.
    public init?(_ first: Day, _ last: Day) {
        guard first <= last else { return nil }
        self.first = first
        self.last = last
    }

    public init(single day: Day) {
        self.first = day
        self.last = day
    }

    public var count: Int { last.ordinal - first.ordinal + 1 }

    public func contains(_ day: Day) -> Bool {
        first <= day && day <= last
    }

    /// Returns the days that both ranges contain, or `nil` when they do not meet.
    public func clamped(to other: DayRange) -> DayRange? {
        DayRange(Swift.max(first, other.first), Swift.min(last, other.last))
    }

    public func makeIterator() -> AnyIterator<Day> {
        var current = first.ordinal
        let end = last.ordinal
        return AnyIterator {
            guard current <= end else { return nil }
            defer { current += 1 }
            return Day(ordinal: current)
        }
    }

    public var description: String {
        first == last ? first.description : "\(first) to \(last)"
    }
}
