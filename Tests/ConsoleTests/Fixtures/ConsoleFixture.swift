import Foundation
import SyncEngine
import SyncModel
import SyncStore
@testable import Console

/// A real workspace in a temporary folder, its engine on a real SQLite state store, and a
/// console app on top; `remove()` waits for executions and deletes the folder.
///
/// The workspace has client `acme` (Europe/Paris) with the daily sync `orders`, whose span is
/// the last ten complete days and whose CSV files exist for each of them, and the snapshot sync
/// `customers`; and client `ecole` named `ÉCOLE Lyon` with no sync.
final class ConsoleFixture {
    static let operatorName = "alice"

    let folder: URL
    let workspace: Workspace
    let engine: ExecutionEngine
    let app: ConsoleApp
    let span: DayRange

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("console-tests-\(UUID().uuidString)", isDirectory: true)
        let timeZone = TimeZone(identifier: "Europe/Paris") ?? TimeZone(secondsFromGMT: 3600) ?? .current
        let lastComplete = Day.lastComplete(in: timeZone)
        span = DayRange(single: lastComplete.adding(days: -9)).extended(to: lastComplete)
        workspace = Workspace(folder: folder, clients: ConsoleFixture.clients(firstDay: span.first, timeZone: timeZone))

        try ConsoleFixture.writeFiles(workspace: workspace, span: span)
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        engine = try ExecutionEngine(workspace: workspace, store: store)
        app = ConsoleApp(engine: engine, operatorName: ConsoleFixture.operatorName)
    }

    func remove() {
        engine.cancelAll()
        engine.waitForAll(timeout: 10)
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: - Driving the app

    func press(_ keys: Key...) {
        for key in keys {
            app.handle(.key(key))
        }
    }

    func type(_ text: String) {
        for character in text {
            app.handle(.key(.character(character)))
        }
    }

    func render(columns: Int = 80, rows: Int = 24, unicode: Bool = true) -> ScreenBuffer {
        app.render(size: Size(columns: columns, rows: rows), unicode: unicode)
    }

    /// Moves to the syncs pane, selects the sync `index` rows down and opens its play dialog.
    func openPlayDialog(syncIndex: Int = 0) {
        press(.right)
        for _ in 0..<syncIndex {
            press(.down)
        }
        press(.enter)
    }

    /// Imports every missing day of `acme/orders` with the engine and waits for the end.
    func importAllDays() throws {
        let execution = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false,
                                         operatorName: ConsoleFixture.operatorName)
        if let finished = engine.waitUntilFinished(execution.id) {
            app.apply(.updated(finished))
        }
    }

    /// Starts a default import of `acme/orders` whose first day is large enough to still run
    /// while a test presses keys, hands it to the app, and returns it.
    func startLongExecution() throws -> Execution {
        var text = "id,amount\n"
        text.reserveCapacity(8_000_000)
        for id in 1...600_000 {
            text += "\(id),1.50\n"
        }
        try Data(text.utf8).write(to: folder.appendingPathComponent("data/orders/\(span.first).csv"))
        let execution = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false,
                                         operatorName: ConsoleFixture.operatorName)
        app.apply(.updated(execution))
        return execution
    }

    // MARK: - Workspace files

    private static func clients(firstDay: Day, timeZone: TimeZone) -> [Client] {
        let orders = SyncDefinition(
            id: "orders", name: "Orders to CRM", partitioning: .daily(firstDay: firstDay, lastDay: nil),
            source: .files(format: .csv, path: "data/orders/{date}.csv"),
            destination: .sqlite(path: "out/acme.sqlite", table: "orders", writeMode: .append),
            schema: [FieldSpec(name: "id", type: .integer, required: true), FieldSpec(name: "amount", type: .decimal)])
        let customers = SyncDefinition(
            id: "customers", name: "Customers", partitioning: .none,
            source: .files(format: .jsonl, path: "data/customers.jsonl"),
            destination: .sqlite(path: "out/acme.sqlite", table: "customers", writeMode: .upsert(key: ["id"])),
            schema: nil)
        return [
            Client(id: "acme", name: "Acme Retail", timeZone: timeZone, syncs: [orders, customers]),
            Client(id: "ecole", name: "ÉCOLE Lyon", timeZone: timeZone, syncs: []),
        ]
    }

    private static func writeFiles(workspace: Workspace, span: DayRange) throws {
        let folder = workspace.folder
        let manager = FileManager.default
        let orders = folder.appendingPathComponent("data/orders", isDirectory: true)
        try manager.createDirectory(at: orders, withIntermediateDirectories: true)
        try manager.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        try manager.createDirectory(at: workspace.stateDatabaseURL.deletingLastPathComponent(), withIntermediateDirectories: true)

        for (index, day) in span.enumerated() {
            let rows = (1...3).map { "\(index * 10 + $0),\($0).50" }.joined(separator: "\n")
            try Data("id,amount\n\(rows)\n".utf8).write(to: orders.appendingPathComponent("\(day).csv"))
        }
        let customers = "{\"id\": 1, \"name\": \"Ada\"}\n{\"id\": 2, \"name\": \"Linus\"}\n"
        try Data(customers.utf8).write(to: folder.appendingPathComponent("data/customers.jsonl"))
        try Data(workspaceJSON(firstDay: span.first).utf8).write(to: workspace.fileURL)
    }

    /// The same workspace as JSON, for the engine parts that read the file.
    private static func workspaceJSON(firstDay: Day) -> String {
        """
        {
          "clients": [
            {
              "id": "acme", "name": "Acme Retail", "timeZone": "Europe/Paris",
              "syncs": [
                {
                  "id": "orders", "name": "Orders to CRM", "partitioning": "daily", "firstDay": "\(firstDay)",
                  "source": { "type": "files", "format": "csv", "path": "data/orders/{date}.csv" },
                  "destination": { "type": "sqlite", "path": "out/acme.sqlite", "table": "orders", "writeMode": "append" },
                  "schema": [
                    { "name": "id", "type": "integer", "required": true },
                    { "name": "amount", "type": "decimal" }
                  ]
                },
                {
                  "id": "customers", "name": "Customers", "partitioning": "none",
                  "source": { "type": "files", "format": "jsonl", "path": "data/customers.jsonl" },
                  "destination": { "type": "sqlite", "path": "out/acme.sqlite", "table": "customers",
                                   "writeMode": "upsert", "key": ["id"] }
                }
              ]
            },
            { "id": "ecole", "name": "ÉCOLE Lyon", "timeZone": "Europe/Paris", "syncs": [] }
          ]
        }
        """
    }
}

extension DayRange {
    /// The range from this range's first day to `last`.
    fileprivate func extended(to last: Day) -> DayRange {
        DayRange(first, last) ?? self
    }
}

extension ScreenBuffer {
    /// The roles of the cells showing `needle` on the first row that contains it.
    func roles(of needle: String) -> [Role]? {
        row(containing: needle).flatMap { roles(of: needle, row: $0) }
    }
}

/// Runs `body` on a new fixture and removes it afterwards.
func withFixture(_ body: (ConsoleFixture) throws -> Void) throws {
    let fixture = try ConsoleFixture()
    defer { fixture.remove() }
    try body(fixture)
}

/// An execution as the engine would report it, for tests that feed events directly.
func sampleExecution(id: ExecutionID = 7, status: ExecutionStatus, day: Day? = Day("2026-01-05")) -> Execution {
    let request: ExecutionRequest = day.map { .singleDate($0) } ?? .default
    let days = day.map { [$0] } ?? []
    return Execution(id: id, clientID: "acme", syncID: "orders", request: request, operatorName: "bob", confirmed: true,
                     status: status, createdAt: Date(), startedAt: Date(), plannedDays: days,
                     progress: ExecutionProgress(unitsTotal: days.count, unitsDone: 0,
                                                 days: days.map { DayProgress(day: $0, state: .running) }))
}
