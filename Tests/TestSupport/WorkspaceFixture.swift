import Foundation
import SyncEngine
import SyncModel
import SyncStore

/// A workspace on disk for tests: one client `acme` in UTC with daily CSV orders and a snapshot
/// of customers, and data files for the days a test asks for.
public final class WorkspaceFixture: @unchecked Sendable {
    public let folder: TemporaryFolder
    public let firstDay: Day

    /// Creates the workspace with `rowsPerDay` order rows for each day from `firstDay` to yesterday (UTC).
    ///
    /// - Parameter writeMode: the orders destination's write mode as written in the workspace file.
    public init(firstDay: Day, rowsPerDay: Int = 3, writeMode: String = "append", extraSyncs: String = "") throws {
        folder = try TemporaryFolder(prefix: "syncdeck-workspace")
        self.firstDay = firstDay
        let key = writeMode == "upsert" ? ", \"key\": [\"id\"]" : ""
        try folder.write("""
        {
          "clients": [
            {
              "id": "acme",
              "name": "Acme Retail",
              "timeZone": "UTC",
              "syncs": [
                {
                  "id": "orders",
                  "name": "Orders to CRM",
                  "partitioning": "daily",
                  "firstDay": "\(firstDay)",
                  "source": { "type": "files", "format": "csv", "path": "data/orders/{date}.csv" },
                  "destination": { "type": "sqlite", "path": "out/acme.sqlite", "table": "orders", "writeMode": "\(writeMode)"\(key) },
                  "schema": [
                    { "name": "id", "type": "integer", "required": true },
                    { "name": "amount", "type": "decimal" },
                    { "name": "placed_at", "type": "timestamp" }
                  ]
                },
                {
                  "id": "customers",
                  "name": "Customers",
                  "partitioning": "none",
                  "source": { "type": "files", "format": "jsonl", "path": "data/customers.jsonl" },
                  "destination": { "type": "sqlite", "path": "out/acme.sqlite", "table": "customers", "writeMode": "upsert", "key": ["id"] }
                }\(extraSyncs)
              ]
            }
          ]
        }
        """, to: "workspace.json")

        try folder.write("{\"id\": 1, \"name\": \"Ada\"}\n{\"id\": 2, \"name\": \"Grace\"}\n", to: "data/customers.jsonl")
        var day = firstDay
        while day <= WorkspaceFixture.yesterday {
            try writeOrders(for: day, rows: rowsPerDay)
            day = day.next
        }
    }

    /// Yesterday in UTC, the last complete day of the fixture's client.
    public static var yesterday: Day {
        Day.lastComplete(in: TimeZone(identifier: "UTC")!)
    }

    public var url: URL { folder.url }

    /// Writes the orders file of `day` with `rows` valid rows, plus `invalid` rows whose id is not a number.
    public func writeOrders(for day: Day, rows: Int, invalid: Int = 0) throws {
        var text = "id,amount,placed_at\n"
        text.reserveCapacity(rows * 40)
        for index in 0..<rows {
            text += "\(day.ordinal * 100_000 + index),\(index % 97).50,\(day)T10:00:00Z\n"
        }
        for index in 0..<invalid {
            text += "not-a-number-\(index),1.00,\(day)T10:00:00Z\n"
        }
        try folder.write(text, to: "data/orders/\(day).csv")
    }

    public func loadWorkspace() throws -> Workspace {
        try Workspace.load(folder: url)
    }

    /// Opens the workspace with a state store and an engine, as the console and the command line do.
    public func openEngine() throws -> ExecutionEngine {
        let workspace = try loadWorkspace()
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        return try ExecutionEngine(workspace: workspace, store: store)
    }

    /// Counts the rows of `table` in the destination, optionally of one day.
    public func destinationRowCount(table: String = "orders", day: Day? = nil) throws -> Int {
        let connection = try SQLiteConnection(path: url.appendingPathComponent("out/acme.sqlite").path)
        let rows: [[SQLiteValue]]
        if let day {
            rows = try connection.query("SELECT count(*) FROM \(SQLiteConnection.quote(identifier: table)) WHERE _syncdeck_day = ?",
                                        [.text(day.description)])
        } else {
            rows = try connection.query("SELECT count(*) FROM \(SQLiteConnection.quote(identifier: table))")
        }
        return Int(rows.first?.first?.integerValue ?? -1)
    }
}
