import Foundation
import SyncModel
import SyncStore
import Testing

// MARK: - Temporary state databases

/// Runs `body` with a new empty folder under the system's temporary folder, removed afterwards.
func withTemporaryFolder<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("SyncStoreTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// Returns the state database path of a workspace in `folder`, as the product lays it out.
func statePath(in folder: URL) -> String {
    folder.appendingPathComponent(".syncdeck/state.sqlite").path
}

/// Runs `body` with a store on a new database in a temporary folder.
func withStore<Result>(_ body: (SQLiteStateStore, URL) throws -> Result) throws -> Result {
    try withTemporaryFolder { folder in
        let store = try SQLiteStateStore(path: statePath(in: folder))
        return try body(store, folder)
    }
}

// MARK: - Values

/// A fixed instant with a millisecond fraction, so round trips test the stored precision.
let referenceTime = Date(timeIntervalSince1970: 1_780_000_000.123)

func day(_ text: String) throws -> Day {
    try #require(Day(text))
}

func range(_ first: String, _ last: String) throws -> DayRange {
    try #require(DayRange(try day(first), try day(last)))
}

func draft(
    client: String = "acme", sync: String = "orders", request: ExecutionRequest = .default,
    status: ExecutionStatus = .inProgress, createdAt: Date = referenceTime, plannedDays: [Day] = [],
    retryOf: ExecutionID? = nil, owner: ExecutionOwner = ExecutionOwner(host: "deck-1", processID: 4242)
) -> ExecutionDraft {
    ExecutionDraft(clientID: client, syncID: sync, request: request, operatorName: "maria", confirmed: false,
                   status: status, createdAt: createdAt, plannedDays: plannedDays, retryOf: retryOf, owner: owner)
}

// MARK: - Raw database access

/// Returns the first column of the first row of `sql`, read with a connection of its own.
func scalar(_ sql: String, at path: String) throws -> SQLiteValue? {
    let connection = try SQLiteConnection(path: path)
    return try connection.query(sql).first?.first
}
