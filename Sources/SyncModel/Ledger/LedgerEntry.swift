import Foundation

/// A record that an execution imported one day of a daily sync into its destination.
///
/// The ledger keeps every import of a day; the latest one tells the day's current state.
public struct LedgerEntry: Hashable, Sendable, Codable {
    public var clientID: String
    public var syncID: String
    public var day: Day
    public var executionID: ExecutionID
    public var importedAt: Date
    /// Records written to the destination for that day by that execution.
    public var records: Int

    public init(clientID: String, syncID: String, day: Day, executionID: ExecutionID, importedAt: Date, records: Int) {
        self.clientID = clientID
        self.syncID = syncID
        self.day = day
        self.executionID = executionID
        self.importedAt = importedAt
        self.records = records
    }
}

/// The current import state of each day of one sync: the latest ledger entry per day.
public struct LedgerCoverage: Sendable {
    public private(set) var latest: [Day: LedgerEntry]
    /// How many times each imported day was imported, counting every execution in the ledger.
    public private(set) var importCounts: [Day: Int]

    public init(entries: [LedgerEntry]) {
        var latest: [Day: LedgerEntry] = [:]
        var importCounts: [Day: Int] = [:]
        for entry in entries {
            importCounts[entry.day, default: 0] += 1
            if let existing = latest[entry.day], existing.importedAt > entry.importedAt {
                continue
            }
            latest[entry.day] = entry
        }
        self.latest = latest
        self.importCounts = importCounts
    }

    public func contains(_ day: Day) -> Bool {
        latest[day] != nil
    }

    public subscript(day: Day) -> LedgerEntry? {
        latest[day]
    }

    /// The number of days of `range` that have been imported.
    public func importedCount(in range: DayRange) -> Int {
        if latest.count < range.count {
            return latest.keys.filter { range.contains($0) }.count
        }
        return range.filter { latest[$0] != nil }.count
    }
}
