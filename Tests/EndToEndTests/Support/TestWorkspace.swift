import Foundation

/// A small workspace in a temporary folder: `workspace.json` with two clients, and the daily CSV
/// files of one daily sync. Call `remove()` in a `defer`.
struct TestWorkspace {
    let folder: URL

    /// The display names of the clients, as the console lists them.
    static let clientNames = ["Acme Retail", "Globex Corporation"]

    /// The days that have a CSV file of orders; the sync spans exactly these days.
    static let days = ["2026-01-05", "2026-01-06", "2026-01-07"]

    /// Writes the workspace into a new temporary folder.
    static func make() throws -> TestWorkspace {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("syncdeck-e2e-\(UUID().uuidString)", isDirectory: true)
        let workspace = TestWorkspace(folder: folder)
        try workspace.write("workspace.json", workspaceJSON)
        for (index, day) in days.enumerated() {
            try workspace.write("data/orders/\(day).csv", ordersCSV(day: day, firstID: index * 10 + 1))
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

    private func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private static func ordersCSV(day: String, firstID: Int) -> String {
        var lines = ["id,amount,placed_at"]
        for offset in 0..<3 {
            lines.append("\(firstID + offset),\(10 * (offset + 1)).50,\(day)T\(String(format: "%02d", offset + 8)):15:00+01:00")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static let workspaceJSON = """
        {
          "clients": [
            {
              "id": "acme",
              "name": "Acme Retail",
              "timeZone": "Europe/Paris",
              "syncs": [
                {
                  "id": "orders",
                  "name": "Orders to CRM",
                  "partitioning": "daily",
                  "firstDay": "2026-01-05",
                  "lastDay": "2026-01-07",
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
