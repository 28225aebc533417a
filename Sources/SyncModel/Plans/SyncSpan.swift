import Foundation

extension SyncDefinition {
    /// Returns the days this sync can import at `now`: from its first day to its last day or the
    /// last complete day in `timeZone`, whichever comes first.
    ///
    /// - Returns: `nil` for a snapshot sync, or while the sync's first day is not yet complete.
    public func span(in timeZone: TimeZone, now: Date = Date()) -> DayRange? {
        guard case .daily(let firstDay, let lastDay) = partitioning else { return nil }
        let lastComplete = Day.lastComplete(in: timeZone, now: now)
        let last = lastDay.map { min($0, lastComplete) } ?? lastComplete
        return DayRange(firstDay, last)
    }
}
