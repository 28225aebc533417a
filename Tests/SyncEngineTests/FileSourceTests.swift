import Foundation
import Testing
import SyncModel
@testable import SyncEngine

@Suite struct FileSourceTests {
    let folder: TemporaryFolder
    let day = Day(year: 2026, month: 1, day: 5)

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func dailyFile() throws {
        try folder.write("id\n7\n", to: "data/orders/2026-01-05.csv")
        let source = FileSource(format: .csv, pathTemplate: "data/orders/{date}.csv", workspaceFolder: folder.url)
        let items = try readAll(source.open(day: day))
        #expect(items.first?.record?.values == [.text("7")])
    }

    @Test func readerLocation() throws {
        try folder.write("id\n7\n", to: "data/orders/2026-01-05.csv")
        let source = FileSource(format: .csv, pathTemplate: "data/orders/{date}.csv", workspaceFolder: folder.url)
        let reader = try source.open(day: day)
        defer { reader.close() }
        #expect(reader.location == "data/orders/2026-01-05.csv")
    }

    @Test func snapshotFile() throws {
        try folder.write("{\"id\": 1}\n", to: "data/customers.jsonl")
        let source = FileSource(format: .jsonl, pathTemplate: "data/customers.jsonl", workspaceFolder: folder.url)
        let items = try readAll(source.open(day: nil))
        #expect(items.first?.record?.values == [.integer(1)])
    }

    @Test func missingFile() throws {
        let source = FileSource(format: .csv, pathTemplate: "data/orders/{date}.csv", workspaceFolder: folder.url)
        let failure = try #require(throws: ExecutionFailure.self) { try source.open(day: day) }
        #expect(failure.category == .technical)
        #expect(failure.message == "source file data/orders/2026-01-05.csv does not exist")
        #expect(failure.hint.contains("2026-01-05"))
        #expect(failure.day == day)
    }

    @Test func folderInPlaceOfFile() throws {
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("data/orders/2026-01-05.csv"), withIntermediateDirectories: true)
        let source = FileSource(format: .csv, pathTemplate: "data/orders/{date}.csv", workspaceFolder: folder.url)
        let failure = try #require(throws: ExecutionFailure.self) { try source.open(day: day) }
        #expect(failure.category == .configuration)
    }

    @Test func datePathForSnapshot() throws {
        let source = FileSource(format: .csv, pathTemplate: "data/{date}.csv", workspaceFolder: folder.url)
        let failure = try #require(throws: ExecutionFailure.self) { try source.open(day: nil) }
        #expect(failure.category == .configuration)
    }

    @Test func dailyPathWithoutDate() throws {
        let source = FileSource(format: .csv, pathTemplate: "data/all.csv", workspaceFolder: folder.url)
        let failure = try #require(throws: ExecutionFailure.self) { try source.open(day: day) }
        #expect(failure.category == .configuration)
    }

    @Test func unreadableFile() throws {
        let url = try folder.write("id\n1\n", to: "secret.csv")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path) }
        // Root reads files whatever their permissions, so the check only means something for other users.
        guard getuid() != 0 else { return }

        let source = FileSource(format: .csv, pathTemplate: "secret.csv", workspaceFolder: folder.url)
        let failure = try #require(throws: ExecutionFailure.self) { try source.open(day: nil) }
        #expect(failure.category == .authorization)
    }
}
