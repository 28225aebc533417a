import Foundation
import Testing
@testable import SyncEngine

@Test func loadMissingFile() throws {
    let folder = try WorkspaceFolder()

    #expect {
        try Workspace.load(folder: folder.url)
    } throws: { error in
        let problem = (error as? WorkspaceError)?.problems.first
        return problem?.issue == "file not found"
            && problem?.fix.contains("run syncdeck without arguments to open the demo workspace") == true
    }
}

@Test func loadMissingFileNamesTheFile() throws {
    let folder = try WorkspaceFolder()

    let error = try #require(throws: WorkspaceError.self) { try Workspace.load(folder: folder.url) }

    #expect(error.file == folder.url.appendingPathComponent("workspace.json"))
    #expect(error.description.hasPrefix(folder.url.appendingPathComponent("workspace.json").path + ": 1 problem:\n"))
}

@Test func loadMissingFolder() throws {
    let folder = try WorkspaceFolder()
    let missing = folder.url.appendingPathComponent("absent")

    let error = try #require(throws: WorkspaceError.self) { try Workspace.load(folder: missing) }

    #expect(error.problems.first?.issue == "the workspace folder \(missing.path) does not exist")
}

@Test func loadFolderInsteadOfFile() throws {
    let folder = try WorkspaceFolder()
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("workspace.json"), withIntermediateDirectories: false)

    let error = try #require(throws: WorkspaceError.self) { try Workspace.load(folder: folder.url) }

    #expect(error.problems.first?.issue == "is a folder, not a file")
}

@Test func loadEmptyFile() throws {
    let folder = try WorkspaceFolder()

    let error = try folder.loadError(" \n")

    #expect(error.problems.first?.issue == "the file is empty")
}

@Test func loadInvalidJSONGivesLineAndColumn() throws {
    let folder = try WorkspaceFolder()

    let error = try folder.loadError("{\n  \"clients\": [\n    {\"id\": \"acme\" \"name\": \"Acme\"}\n  ]\n}")

    let issue = try #require(error.problems.first?.issue)
    #expect(issue.hasPrefix("not valid JSON at line 3, column "), "\(issue)")
    #expect(issue.contains("near \"{\\\"id\\\": \\\"acme\\\" \\\"name\\\": \\\"Acme\\\"}\""), "\(issue)")
}

@Test func loadInvalidJSONCountsCharactersForColumn() throws {
    let folder = try WorkspaceFolder()
    let withAccent = try folder.loadError("{\"é\": x}")
    let withoutAccent = try folder.loadError("{\"e\": x}")

    let accentIssue = try #require(withAccent.problems.first?.issue)
    let plainIssue = try #require(withoutAccent.problems.first?.issue)
    #expect(accentIssue.prefix(36) == plainIssue.prefix(36), "\(accentIssue) / \(plainIssue)")
}

@Test func loadTruncatedJSON() throws {
    let folder = try WorkspaceFolder()

    let error = try folder.loadError("{\"clients\": [")

    #expect(error.problems.first?.issue.contains("the file ends before every object, array or string is closed") == true)
}

@Test func loadDuplicateKey() throws {
    let folder = try WorkspaceFolder()

    let error = try folder.loadError("""
    {"clients": [{"id": "a", "name": "A", "timeZone": "UTC",
                  "syncs": [], "name": "B"}]}
    """)

    #expect(error.problems.first?.path == "clients[0].name")
    #expect(error.problems.first?.issue == "key \"name\" appears twice in one object (line 2)")
}

@Test func loadDuplicateKeysWithOtherProblems() throws {
    let folder = try WorkspaceFolder()

    let error = try folder.loadError("""
    {"clients": [{"id": "a", "id": "b", "name": "A", "timeZone": "Paris",
                  "syncs": [], "syncs": []}]}
    """)

    #expect(error.problems.map(\.path) == ["clients[0].id", "clients[0].syncs", "clients[0].timeZone"])
}

@Test func loadDuplicateKeyInSiblingObjects() throws {
    let folder = try WorkspaceFolder()
    try folder.write(workspaceText(clients: [client(syncs: [dailySync(id: "a"), dailySync(id: "b")])]))

    let workspace = try Workspace.load(folder: folder.url)

    #expect(workspace.clients.first?.syncs.count == 2)
}

@Test func errorDescriptionListsEveryProblem() throws {
    let folder = try WorkspaceFolder()
    let error = try folder.loadError(workspaceText(clients: [
        client { $0["id"] = "a b"; $0["timeZone"] = "Nowhere" },
    ]))

    let lines = error.description.split(separator: "\n").map(String.init)

    #expect(lines.first == "\(error.file.path): 2 problems:")
    #expect(lines.dropFirst().first == "  clients[0].id: \"a b\" is not a valid id; use only letters, digits, - and _, for example \"a-b\"")
    #expect(lines.dropFirst(2).first?.hasPrefix("  clients[0].timeZone: unknown time zone \"Nowhere\"") == true)
}

@Test func errorQuotesControlCharacters() throws {
    let folder = try WorkspaceFolder()

    let error = try folder.loadError(workspaceText(clients: [client { $0["timeZone"] = "Europe/\u{1B}[31mParis\n" }]))

    let description = try #require(error.problems.first?.description)
    #expect(description.contains("\"Europe/\\u{001B}[31mParis\\n\""), "\(description)")
    #expect(!description.contains("\u{1B}"))
}

@Test func errorTruncatesLongValues() throws {
    let folder = try WorkspaceFolder()
    let long = String(repeating: "x", count: 500)

    let error = try folder.loadError(workspaceText(clients: [client { $0["timeZone"] = long }]))

    let description = try #require(error.problems.first?.description)
    #expect(description.contains(String(repeating: "x", count: 60) + "…\""))
    #expect(!description.contains(String(repeating: "x", count: 61)))
}

@Test func loadControlCharacterInString() throws {
    let folder = try WorkspaceFolder()

    let error = try folder.loadError("{\"clients\": [{\"id\": \"a\nb\"}]}")

    let issue = try #require(error.problems.first?.issue)
    #expect(issue.hasPrefix("not valid JSON at line 1, column "), "\(issue)")
}
