import Foundation
import SyncModel
import Testing
@testable import SyncEngine

// MARK: - Fixtures

private let httpSource: [String: Any] = [
    "type": "http",
    "url": "https://api.example.com/v1/orders?day={date}",
    "headers": ["Authorization": "Bearer ${ACME_TOKEN}"],
    "recordsPath": "data",
    "nextPagePath": "links.next",
    "timeoutSeconds": 30,
]

private let commandSource: [String: Any] = [
    "type": "command",
    "command": ["./bin/export-orders", "--day", "{date}"],
    "format": "jsonl",
    "timeoutSeconds": 600,
]

private func sync(source: [String: Any], change: (inout [String: Any]) -> Void = { _ in }) -> [String: Any] {
    var source = source
    change(&source)
    return dailySync { $0["source"] = source }
}

private func loadedSource(_ sync: [String: Any]) throws -> SourceConfig? {
    let folder = try WorkspaceFolder()
    try folder.write(workspaceText(sync: sync))
    return try Workspace.load(folder: folder.url).clients.first?.syncs.first?.source
}

private let source0 = "clients[0].syncs[0].source"

// MARK: - Loading

@Test func loadHttpSource() throws {
    let source = try loadedSource(sync(source: httpSource))

    #expect(source == .http(HTTPSourceSettings(
        url: "https://api.example.com/v1/orders?day={date}",
        headers: [HTTPHeader(name: "Authorization", value: "Bearer ${ACME_TOKEN}")],
        recordsPath: ["data"], nextPagePath: ["links", "next"], timeoutSeconds: 30)))
}

@Test func loadHttpSourceDefaults() throws {
    let source = try loadedSource(snapshotSync { $0["source"] = ["type": "http", "url": "http://127.0.0.1:8080/customers"] })

    #expect(source == .http(HTTPSourceSettings(url: "http://127.0.0.1:8080/customers")))
}

@Test func loadCommandSource() throws {
    let source = try loadedSource(sync(source: commandSource))

    #expect(source == .command(CommandSourceSettings(command: ["./bin/export-orders", "--day", "{date}"],
                                                     format: .jsonl, timeoutSeconds: 600)))
}

@Test func loadSingerCommandWithStream() throws {
    let source = try loadedSource(sync(source: commandSource) { $0["format"] = "singer"; $0["stream"] = "orders" })

    #expect(source == .command(CommandSourceSettings(command: ["./bin/export-orders", "--day", "{date}"],
                                                     format: .singer, timeoutSeconds: 600, stream: "orders")))
}

@Test func summaryKeepsVariableName() throws {
    let source = try #require(try loadedSource(sync(source: httpSource)))

    #expect(source.summary == "http https://api.example.com/v1/orders?day={date}")
}

// MARK: - Rejections

let sourceRejectionCases: [RejectionCase] = [
    RejectionCase(label: "unknown source type", text: workspaceText(sync: sync(source: ["type": "htp"])),
                  path: "\(source0).type", fragment: "did you mean \"http\"?"),
    RejectionCase(label: "http key of files", text: workspaceText(sync: sync(source: httpSource) { $0["path"] = "x" }),
                  path: "\(source0).path", fragment: "unknown key \"path\""),
    RejectionCase(label: "http missing url", text: workspaceText(sync: sync(source: httpSource) { $0["url"] = nil }),
                  path: "\(source0).url", fragment: "missing \"url\""),
    RejectionCase(label: "http url not http", text: workspaceText(sync: sync(source: httpSource) { $0["url"] = "ftp://x/{date}" }),
                  path: "\(source0).url", fragment: "is not an http or https address"),
    RejectionCase(label: "http daily without date", text: workspaceText(sync: sync(source: httpSource) { $0["url"] = "https://x/orders" }),
                  path: "\(source0).url", fragment: "has no {date}"),
    RejectionCase(label: "http unknown placeholder", text: workspaceText(sync: sync(source: httpSource) { $0["url"] = "https://x/{day}/{date}" }),
                  path: "\(source0).url", fragment: "unknown placeholder \"{day}\""),
    RejectionCase(label: "http variable not closed",
                  text: workspaceText(sync: sync(source: httpSource) { $0["headers"] = ["Authorization": "Bearer ${TOKEN"] }),
                  path: "\(source0).headers.Authorization", fragment: "is not closed"),
    RejectionCase(label: "http bad variable name",
                  text: workspaceText(sync: sync(source: httpSource) { $0["headers"] = ["Authorization": "Bearer ${1TOKEN}"] }),
                  path: "\(source0).headers.Authorization", fragment: "not a valid environment variable name"),
    RejectionCase(label: "http header not string",
                  text: workspaceText(sync: sync(source: httpSource) { $0["headers"] = ["X-Page-Size": 100] }),
                  path: "\(source0).headers[\"X-Page-Size\"]",
                  fragment: "expected a string, found a number (100)"),
    RejectionCase(label: "http bad header name",
                  text: workspaceText(sync: sync(source: httpSource) { $0["headers"] = ["Bad Header": "x"] }),
                  path: "\(source0).headers[\"Bad Header\"]", fragment: "is not a valid header name"),
    RejectionCase(label: "http headers not object", text: workspaceText(sync: sync(source: httpSource) { $0["headers"] = ["a"] }),
                  path: "\(source0).headers", fragment: "expected an object, found an array"),
    RejectionCase(label: "http empty member name", text: workspaceText(sync: sync(source: httpSource) { $0["recordsPath"] = "data..items" }),
                  path: "\(source0).recordsPath", fragment: "has an empty member name"),
    RejectionCase(label: "http timeout zero", text: workspaceText(sync: sync(source: httpSource) { $0["timeoutSeconds"] = 0 }),
                  path: "\(source0).timeoutSeconds", fragment: "out of range"),
    RejectionCase(label: "http timeout text", text: workspaceText(sync: sync(source: httpSource) { $0["timeoutSeconds"] = "30" }),
                  path: "\(source0).timeoutSeconds", fragment: "expected a number"),
    RejectionCase(label: "command missing", text: workspaceText(sync: sync(source: commandSource) { $0["command"] = nil }),
                  path: "\(source0).command", fragment: "missing \"command\""),
    RejectionCase(label: "command as string",
                  text: workspaceText(sync: sync(source: commandSource) { $0["command"] = "./bin/export --day {date}" }),
                  path: "\(source0).command", fragment: "expected an array"),
    RejectionCase(label: "command empty", text: workspaceText(sync: sync(source: commandSource) { $0["command"] = [String]() }),
                  path: "\(source0).command", fragment: "the command is empty"),
    RejectionCase(label: "command argument number",
                  text: workspaceText(sync: sync(source: commandSource) { $0["command"] = ["./x", 5, "{date}"] }),
                  path: "\(source0).command[1]", fragment: "expected a string"),
    RejectionCase(label: "command daily without date",
                  text: workspaceText(sync: sync(source: commandSource) { $0["command"] = ["./bin/export"] }),
                  path: "\(source0).command", fragment: "has no {date} argument"),
    RejectionCase(label: "command unknown format", text: workspaceText(sync: sync(source: commandSource) { $0["format"] = "ndjson" }),
                  path: "\(source0).format", fragment: "is written \"jsonl\""),
    RejectionCase(label: "command stream without singer", text: workspaceText(sync: sync(source: commandSource) { $0["stream"] = "orders" }),
                  path: "\(source0).stream", fragment: "only applies to Singer output"),
    RejectionCase(label: "command timeout negative", text: workspaceText(sync: sync(source: commandSource) { $0["timeoutSeconds"] = -1 }),
                  path: "\(source0).timeoutSeconds", fragment: "out of range"),
]

@Test(arguments: sourceRejectionCases)
func loadRejectsSource(_ rejection: RejectionCase) throws {
    let folder = try WorkspaceFolder()

    let error = try folder.loadError(rejection.text)

    let problems = error.problems(at: rejection.path)
    #expect(problems.count == 1, "problems: \(error.problems.map(\.description))")
    #expect(problems.first?.description.contains(rejection.fragment) == true,
            "expected \(rejection.fragment) in \(problems.map(\.description))")
}

@Test func snapshotCommandWithDateRejected() throws {
    let folder = try WorkspaceFolder()
    let text = workspaceText(sync: snapshotSync { $0["source"] = ["type": "command", "command": ["./x", "{date}"]] })

    let error = try folder.loadError(text)

    #expect(error.problems.map(\.path) == ["\(source0).command"])
}

@Test func commandArgumentsMayHoldJSON() throws {
    let source = try loadedSource(sync(source: commandSource) { $0["command"] = ["./x", "--filter", "{\"a\": 1}", "{date}"] })

    #expect(source != nil)
}

@Test func commandMisspeltPlaceholderRejected() throws {
    let folder = try WorkspaceFolder()
    let error = try folder.loadError(workspaceText(sync: sync(source: commandSource) { $0["command"] = ["./x", "{day}", "{date}"] }))

    #expect(error.problems.map(\.path) == ["\(source0).command[1]"])
}
