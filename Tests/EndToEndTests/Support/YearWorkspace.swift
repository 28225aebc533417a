import Foundation

/// A workspace with one daily sync over the 365 days of 2025, each day a CSV file of a fixed
/// number of rows with ids unique across the year, imported into `out/acme.sqlite`.
struct YearWorkspace {
    let folder: URL
    let rowsPerDay: Int

    static let firstDay = "2025-01-01"
    static let dayCount = 365

    /// Writes the workspace into a new temporary folder; call `remove()` in a `defer`.
    static func make(rowsPerDay: Int) throws -> YearWorkspace {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("syncdeck-year-\(UUID().uuidString)", isDirectory: true)
        let orders = folder.appendingPathComponent("data/orders", isDirectory: true)
        try FileManager.default.createDirectory(at: orders, withIntermediateDirectories: true)
        try Data(workspaceJSON.utf8).write(to: folder.appendingPathComponent("workspace.json"))

        for (index, day) in days.enumerated() {
            var text = "id,amount\n"
            for row in 0..<rowsPerDay {
                text += "\(index * 10_000 + row),\(row).25\n"
            }
            try Data(text.utf8).write(to: orders.appendingPathComponent("\(day).csv"))
        }
        return YearWorkspace(folder: folder, rowsPerDay: rowsPerDay)
    }

    /// The days of 2025 as `YYYY-MM-DD`, in order.
    static let days: [String] = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 2025, month: 1, day: 1))!
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return (0..<dayCount).map { formatter.string(from: calendar.date(byAdding: .day, value: $0, to: start)!) }
    }()

    var destinationPath: String { folder.appendingPathComponent("out/acme.sqlite").path }
    var statePath: String { folder.appendingPathComponent(".syncdeck/state.sqlite").path }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    private static let workspaceJSON = """
        {
          "clients": [
            {
              "id": "acme",
              "name": "Acme Retail",
              "timeZone": "UTC",
              "syncs": [
                {
                  "id": "orders",
                  "name": "Orders",
                  "partitioning": "daily",
                  "firstDay": "2025-01-01",
                  "lastDay": "2025-12-31",
                  "source": { "type": "files", "format": "csv", "path": "data/orders/{date}.csv" },
                  "destination": { "type": "sqlite", "path": "out/acme.sqlite", "table": "orders", "writeMode": "append" },
                  "schema": [
                    { "name": "id", "type": "integer", "required": true },
                    { "name": "amount", "type": "decimal" }
                  ]
                }
              ]
            }
          ]
        }

        """
}
