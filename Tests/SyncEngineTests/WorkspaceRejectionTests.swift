import Foundation
import Testing
@testable import SyncEngine

// MARK: - Fixtures

/// A valid daily sync, changed by each case to break one thing.
func dailySync(id: String = "orders", _ change: (inout [String: Any]) -> Void = { _ in }) -> [String: Any] {
    var sync: [String: Any] = [
        "id": id,
        "name": "Orders",
        "partitioning": "daily",
        "firstDay": "2026-01-01",
        "source": ["type": "files", "format": "csv", "path": "data/\(id)/{date}.csv"],
        "destination": ["type": "sqlite", "path": "out/acme.sqlite", "table": id, "writeMode": "upsert", "key": ["id"]],
        "schema": [
            ["name": "id", "type": "integer", "required": true],
            ["name": "amount", "type": "decimal"],
        ],
    ]
    change(&sync)
    return sync
}

/// A valid snapshot sync.
func snapshotSync(id: String = "customers", _ change: (inout [String: Any]) -> Void = { _ in }) -> [String: Any] {
    var sync: [String: Any] = [
        "id": id,
        "name": "Customers",
        "partitioning": "none",
        "source": ["type": "files", "format": "jsonl", "path": "data/\(id).jsonl"],
        "destination": ["type": "sqlite", "path": "out/acme.sqlite", "table": id, "writeMode": "append"],
    ]
    change(&sync)
    return sync
}

func client(id: String = "acme", syncs: [[String: Any]] = [dailySync()], _ change: (inout [String: Any]) -> Void = { _ in }) -> [String: Any] {
    var client: [String: Any] = ["id": id, "name": "Acme Retail", "timeZone": "Europe/Paris", "syncs": syncs]
    change(&client)
    return client
}

func workspaceText(_ root: Any) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
}

func workspaceText(clients: [[String: Any]]) -> String {
    workspaceText(["clients": clients])
}

func workspaceText(sync: [String: Any]) -> String {
    workspaceText(clients: [client(syncs: [sync])])
}

/// One way to break a workspace file, and the problem it must cause.
struct RejectionCase: Sendable, CustomTestStringConvertible {
    let label: String
    let text: String
    let path: String
    /// Text the problem's description must contain.
    let fragment: String

    var testDescription: String { label }
}

private func modified(_ key: String, _ value: Any?) -> (inout [String: Any]) -> Void {
    { $0[key] = value }
}

private func modifiedDestination(_ key: String, _ value: Any?) -> (inout [String: Any]) -> Void {
    { sync in
        var destination = sync["destination"] as? [String: Any] ?? [:]
        destination[key] = value
        sync["destination"] = destination
    }
}

private func modifiedSource(_ key: String, _ value: Any?) -> (inout [String: Any]) -> Void {
    { sync in
        var source = sync["source"] as? [String: Any] ?? [:]
        source[key] = value
        sync["source"] = source
    }
}

private let sync0 = "clients[0].syncs[0]"

let rejectionCases: [RejectionCase] = [
    // The file's structure.
    RejectionCase(label: "top level array", text: "[]", path: "", fragment: "expected an object, found an array"),
    RejectionCase(label: "missing clients", text: "{}", path: "clients", fragment: "missing \"clients\""),
    RejectionCase(label: "clients not array", text: #"{"clients": {}}"#, path: "clients", fragment: "expected an array, found an object"),
    RejectionCase(label: "no clients", text: #"{"clients": []}"#, path: "clients", fragment: "the workspace has no clients"),
    RejectionCase(label: "unknown root key", text: workspaceText(["clients": [client()], "client": 1]),
                  path: "client", fragment: "unknown key \"client\"; did you mean \"clients\"?"),
    RejectionCase(label: "unknown key far from any", text: workspaceText(clients: [client { $0["colour"] = "red" }]),
                  path: "clients[0].colour", fragment: "remove it; keys here: id, name, timeZone, syncs"),

    // Clients.
    RejectionCase(label: "client missing id", text: workspaceText(clients: [client(modified("id", nil))]),
                  path: "clients[0].id", fragment: "missing \"id\"; add \"id\": \"acme\""),
    RejectionCase(label: "client missing name", text: workspaceText(clients: [client(modified("name", nil))]),
                  path: "clients[0].name", fragment: "missing \"name\""),
    RejectionCase(label: "client missing time zone", text: workspaceText(clients: [client(modified("timeZone", nil))]),
                  path: "clients[0].timeZone", fragment: "missing \"timeZone\""),
    RejectionCase(label: "client missing syncs", text: workspaceText(clients: [client(modified("syncs", nil))]),
                  path: "clients[0].syncs", fragment: "missing \"syncs\""),
    RejectionCase(label: "name is a number", text: workspaceText(clients: [client(modified("name", 5))]),
                  path: "clients[0].name", fragment: "expected a string, found a number (5)"),
    RejectionCase(label: "name is empty", text: workspaceText(clients: [client(modified("name", " "))]),
                  path: "clients[0].name", fragment: "\"name\" is empty"),
    RejectionCase(label: "duplicate client id", text: workspaceText(clients: [client(), client()]),
                  path: "clients[1].id", fragment: "client id \"acme\" is already used by clients[0]"),
    RejectionCase(label: "client id with space", text: workspaceText(clients: [client(modified("id", "Café Société"))]),
                  path: "clients[0].id", fragment: "\"Café Société\" is not a valid id; use only letters, digits, - and _, for example \"cafe-societe\""),
    RejectionCase(label: "unknown time zone", text: workspaceText(clients: [client(modified("timeZone", "Europe/Pariss"))]),
                  path: "clients[0].timeZone", fragment: "unknown time zone \"Europe/Pariss\"; did you mean \"Europe/Paris\"?"),
    RejectionCase(label: "time zone as city", text: workspaceText(clients: [client(modified("timeZone", "new york"))]),
                  path: "clients[0].timeZone", fragment: "did you mean \"America/New_York\"?"),
    RejectionCase(label: "time zone far from any", text: workspaceText(clients: [client(modified("timeZone", "Mars/Olympus"))]),
                  path: "clients[0].timeZone", fragment: "use an IANA time zone name such as \"Europe/Paris\""),

    // Syncs.
    RejectionCase(label: "duplicate sync id", text: workspaceText(clients: [client(syncs: [dailySync(), dailySync()])]),
                  path: "clients[0].syncs[1].id", fragment: "sync id \"orders\" is already used by syncs[0] of this client"),
    RejectionCase(label: "sync id with slash", text: workspaceText(sync: dailySync(id: "orders/eu")),
                  path: "\(sync0).id", fragment: "\"orders/eu\" is not a valid id"),
    RejectionCase(label: "sync missing partitioning", text: workspaceText(sync: dailySync(modified("partitioning", nil))),
                  path: "\(sync0).partitioning", fragment: "missing \"partitioning\""),
    RejectionCase(label: "partitioning snapshot", text: workspaceText(sync: snapshotSync(modified("partitioning", "snapshot"))),
                  path: "\(sync0).partitioning", fragment: "a snapshot sync is written \"none\""),
    RejectionCase(label: "sync missing source", text: workspaceText(sync: dailySync(modified("source", nil))),
                  path: "\(sync0).source", fragment: "missing \"source\""),
    RejectionCase(label: "sync missing destination", text: workspaceText(sync: dailySync(modified("destination", nil))),
                  path: "\(sync0).destination", fragment: "missing \"destination\""),

    // Days.
    RejectionCase(label: "impossible first day", text: workspaceText(sync: dailySync(modified("firstDay", "2023-02-29"))),
                  path: "\(sync0).firstDay", fragment: "\"2023-02-29\" is not a date: February 2023 has 28 days"),
    RejectionCase(label: "last day before first", text: workspaceText(sync: dailySync(modified("lastDay", "2025-12-31"))),
                  path: "\(sync0).lastDay", fragment: "lastDay 2025-12-31 is before firstDay 2026-01-01"),
    RejectionCase(label: "daily without first day", text: workspaceText(sync: dailySync(modified("firstDay", nil))),
                  path: "\(sync0).firstDay", fragment: "missing \"firstDay\""),
    RejectionCase(label: "snapshot with first day", text: workspaceText(sync: snapshotSync(modified("firstDay", "2026-01-01"))),
                  path: "\(sync0).firstDay", fragment: "a snapshot sync (\"partitioning\": \"none\") has no days"),
    RejectionCase(label: "snapshot with last day", text: workspaceText(sync: snapshotSync(modified("lastDay", "2026-01-01"))),
                  path: "\(sync0).lastDay", fragment: "has no days"),

    // Sources.
    RejectionCase(label: "daily path without date", text: workspaceText(sync: dailySync(modifiedSource("path", "data/orders.csv"))),
                  path: "\(sync0).source.path", fragment: "the path of a daily sync has no {date}"),
    RejectionCase(label: "snapshot path with date", text: workspaceText(sync: snapshotSync(modifiedSource("path", "data/{date}.jsonl"))),
                  path: "\(sync0).source.path", fragment: "the path of a snapshot sync contains {date}"),
    RejectionCase(label: "unknown placeholder", text: workspaceText(sync: dailySync(modifiedSource("path", "data/{date}/{hour}.csv"))),
                  path: "\(sync0).source.path", fragment: "unknown placeholder \"{hour}\""),
    RejectionCase(label: "unknown source type", text: workspaceText(sync: dailySync(modifiedSource("type", "ftp"))),
                  path: "\(sync0).source.type", fragment: "unknown source type \"ftp\"; use one of files"),
    RejectionCase(label: "unknown format", text: workspaceText(sync: dailySync(modifiedSource("format", "xml"))),
                  path: "\(sync0).source.format", fragment: "unknown file format \"xml\"; use one of csv, jsonl"),
    RejectionCase(label: "json format", text: workspaceText(sync: dailySync(modifiedSource("format", "json"))),
                  path: "\(sync0).source.format", fragment: "are written \"jsonl\""),

    // Destinations.
    RejectionCase(label: "unknown destination type", text: workspaceText(sync: dailySync(modifiedDestination("type", "postgres"))),
                  path: "\(sync0).destination.type", fragment: "unknown destination type \"postgres\"; use one of sqlite"),
    RejectionCase(label: "unknown write mode", text: workspaceText(sync: snapshotSync(modifiedDestination("writeMode", "apend"))),
                  path: "\(sync0).destination.writeMode",
                  fragment: "unknown write mode \"apend\"; did you mean \"append\"? use one of append, upsert, replace"),
    RejectionCase(label: "misspelt write mode key", text: workspaceText(sync: snapshotSync { sync in
        sync["destination"] = ["type": "sqlite", "path": "out/a.sqlite", "table": "t", "writemode": "append"]
    }), path: "\(sync0).destination.writemode", fragment: "unknown key \"writemode\"; did you mean \"writeMode\"?"),
    RejectionCase(label: "invalid table name", text: workspaceText(sync: snapshotSync(modifiedDestination("table", "my table"))),
                  path: "\(sync0).destination.table", fragment: "\"my table\" is not a valid table name"),
    RejectionCase(label: "upsert without key", text: workspaceText(sync: dailySync(modifiedDestination("key", nil))),
                  path: "\(sync0).destination.key", fragment: "missing \"key\"; add \"key\": [\"id\"]"),
    RejectionCase(label: "upsert with empty key", text: workspaceText(sync: dailySync(modifiedDestination("key", [String]()))),
                  path: "\(sync0).destination.key", fragment: "the upsert key names no field"),
    RejectionCase(label: "key as string", text: workspaceText(sync: dailySync(modifiedDestination("key", "id"))),
                  path: "\(sync0).destination.key", fragment: "expected an array, found a string (\"id\")"),
    RejectionCase(label: "key outside schema", text: workspaceText(sync: dailySync(modifiedDestination("key", ["ID"]))),
                  path: "\(sync0).destination.key[0]", fragment: "key field \"ID\" is not in the schema; did you mean \"id\"?"),
    RejectionCase(label: "key with append", text: workspaceText(sync: dailySync(modifiedDestination("writeMode", "append"))),
                  path: "\(sync0).destination.key", fragment: "a key is only used with the upsert write mode"),

    // Schemas.
    RejectionCase(label: "unknown field type", text: workspaceText(sync: dailySync { sync in
        sync["schema"] = [["name": "id", "type": "integer"], ["name": "amount", "type": "float"]]
    }), path: "\(sync0).schema[1].type", fragment: "unknown field type \"float\"; did you mean \"decimal\"?"),
    RejectionCase(label: "duplicate field", text: workspaceText(sync: dailySync { sync in
        sync["schema"] = [["name": "id", "type": "integer"], ["name": "id", "type": "string"]]
    }), path: "\(sync0).schema[1].name", fragment: "field \"id\" is listed twice in the schema"),
    RejectionCase(label: "required not boolean", text: workspaceText(sync: dailySync { sync in
        sync["schema"] = [["name": "id", "type": "integer", "required": "yes"]]
    }), path: "\(sync0).schema[0].required", fragment: "expected a boolean, found a string (\"yes\")"),
    RejectionCase(label: "required as number", text: workspaceText(sync: dailySync { sync in
        sync["schema"] = [["name": "id", "type": "integer", "required": 1]]
    }), path: "\(sync0).schema[0].required", fragment: "expected a boolean, found a number (1)"),
    RejectionCase(label: "empty schema", text: workspaceText(sync: snapshotSync(modified("schema", [Any]()))),
                  path: "\(sync0).schema", fragment: "the schema lists no fields"),
    RejectionCase(label: "table with two schemas", text: workspaceText(clients: [client(syncs: [
        dailySync(id: "orders"),
        snapshotSync(id: "archive") { sync in
            sync["destination"] = ["type": "sqlite", "path": "./out/acme.sqlite", "table": "ORDERS", "writeMode": "append"]
            sync["schema"] = [["name": "id", "type": "string"]]
        },
    ])]), path: "clients[0].syncs[1].destination.table", fragment: "is also written by acme/orders with a different schema"),
]

// MARK: - Rejections

@Test(arguments: rejectionCases)
func loadRejects(_ rejection: RejectionCase) throws {
    let folder = try WorkspaceFolder()

    let error = try folder.loadError(rejection.text)

    let problems = error.problems(at: rejection.path)
    #expect(problems.count == 1, "problems: \(error.problems.map(\.description))")
    #expect(problems.first?.description.contains(rejection.fragment) == true,
            "expected \(rejection.fragment) in \(problems.map(\.description))")
}

@Test func loadReportsAllProblemsTogether() throws {
    let folder = try WorkspaceFolder()
    let text = workspaceText(clients: [
        client(modified("timeZone", "Europe/Pariss")),
        client(id: "globex", syncs: [
            dailySync(modifiedDestination("writeMode", "apend")),
            snapshotSync(modified("firstDay", "2026-01-01")),
        ]),
    ])

    let error = try folder.loadError(text)

    #expect(error.problems.map(\.path) == [
        "clients[0].timeZone",
        "clients[1].syncs[0].destination.writeMode",
        "clients[1].syncs[1].firstDay",
    ])
}

@Test func loadWalksIntoInvalidParts() throws {
    let folder = try WorkspaceFolder()
    let text = workspaceText(clients: [
        client(syncs: [dailySync { sync in
            sync["id"] = "bad id"
            sync["firstDay"] = "2026-02-30"
            sync["schema"] = [["name": "id", "type": "int"]]
        }]) { $0["id"] = 7 },
    ])

    let error = try folder.loadError(text)

    #expect(error.problems.map(\.path) == [
        "clients[0].id",
        "clients[0].syncs[0].id",
        "clients[0].syncs[0].firstDay",
        "clients[0].syncs[0].schema[0].type",
    ])
}
