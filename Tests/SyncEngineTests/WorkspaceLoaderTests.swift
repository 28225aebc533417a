import Foundation
import SyncModel
import Testing
@testable import SyncEngine

/// A temporary workspace folder, removed when the test is done with it.
final class WorkspaceFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("syncdeck-workspace-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func write(_ text: String, to name: String = Workspace.fileName) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    /// Writes `text` as the workspace file and returns the error loading it throws.
    func loadError(_ text: String) throws -> WorkspaceError {
        try write(text)
        do {
            _ = try Workspace.load(folder: url)
        } catch let error as WorkspaceError {
            return error
        }
        Issue.record("the workspace loaded without problems")
        return WorkspaceError(file: url, problems: [])
    }
}

// MARK: - Fixtures

/// The example of the workspace file format from the product documentation.
let documentedExample = """
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
          "firstDay": "2026-01-01",
          "source": { "type": "files", "format": "csv", "path": "data/orders/{date}.csv" },
          "destination": { "type": "sqlite", "path": "out/acme.sqlite", "table": "orders",
                           "writeMode": "append" },
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
          "destination": { "type": "sqlite", "path": "out/acme.sqlite", "table": "customers",
                           "writeMode": "upsert", "key": ["id"] }
        }
      ]
    }
  ]
}
"""

// MARK: - Accepted files

@Test func loadDocumentedExample_client() throws {
    let folder = try WorkspaceFolder()
    try folder.write(documentedExample)

    let workspace = try Workspace.load(folder: folder.url)

    #expect(workspace.folder == folder.url)
    #expect(workspace.clients.count == 1)
    let client = try #require(workspace.clients.first)
    #expect(client.id == "acme")
    #expect(client.name == "Acme Retail")
    #expect(client.timeZone.identifier == "Europe/Paris")
    #expect(client.syncs.map(\.id) == ["orders", "customers"])
}

@Test func loadDocumentedExample_dailySync() throws {
    let folder = try WorkspaceFolder()
    try folder.write(documentedExample)

    let orders = try #require(try Workspace.load(folder: folder.url).client(id: "acme")?.sync(id: "orders"))

    #expect(orders.name == "Orders to CRM")
    #expect(orders.partitioning == .daily(firstDay: try Day.parse("2026-01-01"), lastDay: nil))
    #expect(orders.source == .files(format: .csv, path: "data/orders/{date}.csv"))
    #expect(orders.destination == .sqlite(path: "out/acme.sqlite", table: "orders", writeMode: .append))
    #expect(orders.schema == [
        FieldSpec(name: "id", type: .integer, required: true),
        FieldSpec(name: "amount", type: .decimal),
        FieldSpec(name: "placed_at", type: .timestamp),
    ])
}

@Test func loadDocumentedExample_snapshotSync() throws {
    let folder = try WorkspaceFolder()
    try folder.write(documentedExample)

    let customers = try #require(try Workspace.load(folder: folder.url).client(id: "acme")?.sync(id: "customers"))

    #expect(customers.partitioning == .none)
    #expect(customers.source == .files(format: .jsonl, path: "data/customers.jsonl"))
    #expect(customers.destination == .sqlite(path: "out/acme.sqlite", table: "customers", writeMode: .upsert(key: ["id"])))
    #expect(customers.schema == nil)
}

@Test func loadLastDayAndAbsolutePath() throws {
    let folder = try WorkspaceFolder()
    try folder.write("""
    {"clients": [{"id": "initech", "name": "Initech", "timeZone": "Asia/Tokyo", "syncs": [
      {"id": "archive", "name": "Archive", "partitioning": "daily", "firstDay": "2025-01-01", "lastDay": "2025-06-30",
       "source": {"type": "files", "format": "jsonl", "path": "/srv/archive/{date}.jsonl"},
       "destination": {"type": "sqlite", "path": "/srv/out.sqlite", "table": "archive", "writeMode": "replace"}}
    ]}]}
    """)

    let archive = try #require(try Workspace.load(folder: folder.url).client(id: "initech")?.sync(id: "archive"))

    #expect(archive.partitioning == .daily(firstDay: try Day.parse("2025-01-01"), lastDay: try Day.parse("2025-06-30")))
    #expect(archive.source == .files(format: .jsonl, path: "/srv/archive/{date}.jsonl"))
    #expect(archive.destination.writeMode == .replace)
}

@Test func loadSharedTableWithSameSchema() throws {
    let folder = try WorkspaceFolder()
    let sync = { (id: String) in
        """
        {"id": "\(id)", "name": "\(id)", "partitioning": "none",
         "source": {"type": "files", "format": "csv", "path": "data/\(id).csv"},
         "destination": {"type": "sqlite", "path": "out/a.sqlite", "table": "events", "writeMode": "append"},
         "schema": [{"name": "id", "type": "integer"}]}
        """
    }
    try folder.write("""
    {"clients": [{"id": "a", "name": "A", "timeZone": "UTC", "syncs": [\(sync("one")), \(sync("two"))]}]}
    """)

    let workspace = try Workspace.load(folder: folder.url)

    #expect(workspace.clients.first?.syncs.count == 2)
}

@Test func loadClientWithoutSyncs() throws {
    let folder = try WorkspaceFolder()
    try folder.write(Workspace.minimalFileExample)

    let workspace = try Workspace.load(folder: folder.url)

    #expect(workspace.clients.map(\.id) == ["acme"])
}

@Test func loadFormatHelpExample() throws {
    let folder = try WorkspaceFolder()
    let lines = Workspace.formatHelp.split(separator: "\n", omittingEmptySubsequences: false)
    let example = lines.drop { !$0.hasPrefix("  {") }.prefix { !$0.isEmpty }.joined(separator: "\n")
    try folder.write(example)

    let workspace = try Workspace.load(folder: folder.url)

    #expect(workspace.client(id: "acme")?.sync(id: "orders")?.schema?.count == 1)
}
