import Foundation

/// A small workspace in a temporary folder: `workspace.json` with two clients, and the daily CSV
/// files of one daily sync. Call `remove()` in a `defer`.
struct TestWorkspace {
    let folder: URL
    /// The display name of the first client, with its daily sync `orders`.
    let clientName: String
    /// The display name of the daily sync `acme/orders`.
    let syncName: String
    /// The days that have a CSV file of orders; the sync spans exactly these days.
    let days: [String]
    /// The order rows in each day's file.
    let rowsPerDay: Int

    /// The display names of the clients of the default workspace, as the console lists them.
    static let clientNames = ["Acme Retail", "Globex Corporation"]

    /// The days of the default workspace.
    static let days = ["2026-01-05", "2026-01-06", "2026-01-07"]

    /// Writes the workspace into a new temporary folder.
    ///
    /// - Parameters:
    ///   - clientName: the name of client `acme`, written into the JSON escaped, so that it may
    ///     hold control characters.
    ///   - syncName: the name of its daily sync `orders`.
    ///   - dayCount: how many days the sync spans, from 2026-01-05.
    ///   - rowsPerDay: the order rows of each day; large values make an execution last.
    static func make(clientName: String = clientNames[0], syncName: String = "Orders to CRM",
                     dayCount: Int = days.count, rowsPerDay: Int = 3) throws -> TestWorkspace {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("syncdeck-e2e-\(UUID().uuidString)", isDirectory: true)
        let days = (0..<dayCount).map(dayText)
        let workspace = TestWorkspace(folder: folder, clientName: clientName, syncName: syncName, days: days,
                                      rowsPerDay: rowsPerDay)
        try workspace.write("workspace.json", workspace.workspaceJSON())
        for (index, day) in days.enumerated() {
            try workspace.write("data/orders/\(day).csv", ordersCSV(day: day, firstID: index * rowsPerDay + 1, count: rowsPerDay))
        }
        try workspace.write("data/customers.jsonl", """
            {"id": 1, "name": "Dana Scully"}
            {"id": 2, "name": "Fox Mulder"}

            """)
        return workspace
    }

    /// Deletes the folder and everything in it.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The SQLite file the orders are written to.
    var ordersDatabase: URL {
        folder.appendingPathComponent("out/acme.sqlite")
    }

    private func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private static func ordersCSV(day: String, firstID: Int, count: Int) -> String {
        var text = "id,amount,placed_at\n"
        text.reserveCapacity(count * 40)
        for offset in 0..<count {
            text += "\(firstID + offset),\(10 * (offset % 9 + 1)).50,\(day)T0\(offset % 9 + 1):15:00+01:00\n"
        }
        return text
    }

    /// The day `offset` days after 2026-01-05, as `YYYY-MM-DD`.
    private static func dayText(_ offset: Int) -> String {
        let start = 1_767_571_200 // 2026-01-05T00:00:00Z
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(start + offset * 86_400)))
    }

    /// Returns `text` as a JSON string literal, quotes included.
    private static func jsonString(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                literal += String(format: "\\u%04x", scalar.value)
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }

    private func workspaceJSON() -> String {
        """
        {
          "clients": [
            {
              "id": "acme",
              "name": \(TestWorkspace.jsonString(clientName)),
              "timeZone": "Europe/Paris",
              "syncs": [
                {
                  "id": "orders",
                  "name": \(TestWorkspace.jsonString(syncName)),
                  "partitioning": "daily",
                  "firstDay": "\(days.first ?? "2026-01-05")",
                  "lastDay": "\(days.last ?? "2026-01-05")",
                  "source": { "type": "files", "format": "csv", "path": "data/orders/{date}.csv" },
                  "destination": { "type": "sqlite", "path": "out/acme.sqlite", "table": "orders", "writeMode": "append" },
                  "schema": [
                    { "name": "id", "type": "integer", "required": true },
                    { "name": "amount", "type": "decimal" },
                    { "name": "placed_at", "type": "timestamp" }
                  ]
                }
              ]
            },
            {
              "id": "globex",
              "name": "Globex Corporation",
              "timeZone": "America/New_York",
              "syncs": [
                {
                  "id": "customers",
                  "name": "Customers",
                  "partitioning": "none",
                  "source": { "type": "files", "format": "jsonl", "path": "data/customers.jsonl" },
                  "destination": { "type": "sqlite", "path": "out/globex.sqlite", "table": "customers",
                                   "writeMode": "upsert", "key": ["id"] }
                }
              ]
            }
          ]
        }

        """
    }
}
