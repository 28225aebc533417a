import Foundation
import SyncModel
import SyncStore
@testable import SyncEngine

/// A workspace with one daily CSV sync whose schema a test chooses, days of data the test
/// writes byte for byte, and the real engine to import them into SQLite.
final class ImportFixture {
    let folder: TemporaryFolder
    /// The days of the sync, oldest first, ending yesterday in UTC.
    let days: [Day]

    /// - Parameter schema: the JSON of the sync's schema array.
    init(schema: String, dayCount: Int = 1) throws {
        folder = try TemporaryFolder()
        let last = Day.lastComplete(in: TimeZone(identifier: "UTC") ?? .current)
        days = (0..<dayCount).map { last.adding(days: $0 - dayCount + 1) }
        try folder.write("""
        {"clients": [{"id": "acme", "name": "Acme", "timeZone": "UTC", "syncs": [{
          "id": "orders", "name": "Orders", "partitioning": "daily", "firstDay": "\(days[0])",
          "source": {"type": "files", "format": "csv", "path": "data/{date}.csv"},
          "destination": {"type": "sqlite", "path": "out/acme.sqlite", "table": "orders", "writeMode": "append"},
          "schema": \(schema)
        }]}]}
        """, to: "workspace.json")
    }

    func write(_ text: String, day index: Int = 0) throws {
        try folder.write(text, to: "data/\(days[index]).csv")
    }

    func write(_ bytes: [UInt8], day index: Int = 0) throws {
        try folder.write(bytes, to: "data/\(days[index]).csv")
    }

    /// Runs the default execution to its end and returns it with its log.
    func run() throws -> (execution: Execution, log: [String]) {
        let workspace = try Workspace.load(folder: folder.url)
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        let engine = try ExecutionEngine(workspace: workspace, store: store)
        let started = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        guard let execution = engine.waitUntilFinished(started.id) else {
            throw ImportFixtureError(message: "execution #\(started.id) is missing")
        }
        let log = try engine.logs(executionID: execution.id).map(\.message)
        return (execution, log)
    }

    /// The values of `column`, an SQL expression over the destination table, for every row or
    /// the rows of one day, as text.
    func rows(day index: Int? = nil, column: String = "id") throws -> [String] {
        let connection = try SQLiteConnection(path: folder.url.appendingPathComponent("out/acme.sqlite").path)
        let quoted = column
        let rows: [[SQLiteValue]]
        if let index {
            rows = try connection.query("SELECT \(quoted) FROM orders WHERE _syncdeck_day = ? ORDER BY rowid",
                                        [.text(days[index].description)])
        } else {
            rows = try connection.query("SELECT \(quoted) FROM orders ORDER BY rowid")
        }
        return rows.map { row in
            switch row.first {
            case .integer(let number)?: return String(number)
            case .real(let number)?: return String(number)
            case .text(let text)?: return text
            default: return "NULL"
            }
        }
    }
}

struct ImportFixtureError: Error {
    var message: String
}
