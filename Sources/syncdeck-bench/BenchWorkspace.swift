import Foundation

/// The workspace file of the benchmark: one client with one daily sync of the orders, into a
/// SQLite table, with a schema that checks every field.
enum BenchWorkspace {
    static let clientID = "bench"
    static let syncID = "orders"
    static let table = "orders"
    static let databasePath = "out/bench.sqlite"

    /// The schema: every field typed, and rules on most of them, so that every record is
    /// checked the way an operator's sync checks it.
    static let rulesSchema = """
        [
          {"name": "id", "type": "integer", "required": true, "unique": true},
          {"name": "placed_at", "type": "timestamp", "required": true, "min": "2025-01-01T00:00:00Z"},
          {"name": "customer", "type": "string", "required": true, "pattern": "C[0-9]{6}"},
          {"name": "country", "type": "string", "enum": ["FR", "DE", "US", "GB", "ES", "IT"]},
          {"name": "status", "type": "string", "enum": ["paid", "refunded", "pending"]},
          {"name": "quantity", "type": "integer", "min": 1, "max": 100},
          {"name": "amount", "type": "decimal", "min": 0}
        ]
        """

    /// The same fields with their types only, to measure what the rules cost.
    static let typesSchema = """
        [
          {"name": "id", "type": "integer", "required": true},
          {"name": "placed_at", "type": "timestamp", "required": true},
          {"name": "customer", "type": "string", "required": true},
          {"name": "country", "type": "string"},
          {"name": "status", "type": "string"},
          {"name": "quantity", "type": "integer"},
          {"name": "amount", "type": "decimal"}
        ]
        """

    static func write(in folder: URL, rules: Bool) throws {
        let schema = rules ? rulesSchema : typesSchema
        let text = """
        {
          "clients": [{
            "id": "\(clientID)", "name": "Benchmark", "timeZone": "UTC",
            "syncs": [{
              "id": "\(syncID)", "name": "Orders", "partitioning": "daily",
              "firstDay": "\(OrdersData.firstDay)", "lastDay": "2025-12-31",
              "source": {"type": "files", "format": "csv", "path": "data/{date}.csv"},
              "destination": {"type": "sqlite", "path": "\(databasePath)", "table": "\(table)", "writeMode": "append"},
              "schema": \(schema)
            }]
          }]
        }
        """
        try Data(text.utf8).write(to: folder.appendingPathComponent("workspace.json"))
    }

    /// The `CREATE TABLE` of the same columns and types, for the loaders compared with the engine.
    static let createTable = """
        CREATE TABLE orders (id INTEGER, placed_at TEXT, customer TEXT, country TEXT, status TEXT,
                             quantity INTEGER, amount REAL);
        """
}
