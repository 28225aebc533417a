import Foundation
import SyncModel
import SyncStore
import Testing
import TestSupport
@testable import SyncEngine

/// A full disk and a read-only destination, produced for real: a SQLite page limit gives the
/// genuine `SQLITE_FULL`, and an immutable file (which even root cannot write) gives the
/// genuine `SQLITE_READONLY`.
@Suite struct EngineFailureTests {
    let firstDay = WorkspaceFixture.yesterday.adding(days: -2)
    static let rowsPerDay = 2_000

    /// The standard connectors, with a page limit on each destination connection that leaves
    /// room for the tables and about one day of rows.
    struct PageLimitedConnectors: ConnectorFactory {
        let extraPages: Int

        func makeSource(for sync: SyncDefinition, in workspace: Workspace) throws -> any RecordSource {
            try StandardConnectors().makeSource(for: sync, in: workspace)
        }

        func makeDestination(for sync: SyncDefinition, in workspace: Workspace) throws -> any Destination {
            let destination = try StandardConnectors().makeDestination(for: sync, in: workspace)
            if let sqlite = destination as? SQLiteDestination {
                let extraPages = self.extraPages
                sqlite.configureConnection = { connection in
                    let pages = try connection.query("PRAGMA page_count").first?.first?.integerValue ?? 0
                    try connection.execute("PRAGMA max_page_count = \(pages + Int64(extraPages))")
                }
            }
            return destination
        }
    }

    private func runWithFullDisk(_ fixture: WorkspaceFixture) throws -> (Execution, ExecutionEngine) {
        let workspace = try fixture.loadWorkspace()
        let engine = try ExecutionEngine(workspace: workspace, store: try SQLiteStateStore(path: workspace.stateDatabaseURL.path),
                                         connectors: PageLimitedConnectors(extraPages: 40))
        let started = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        return (try #require(engine.waitUntilFinished(started.id)), engine)
    }

    @Test func diskFull_isReportedAsSuch() throws {
        let fixture = try WorkspaceFixture(firstDay: firstDay, rowsPerDay: Self.rowsPerDay)
        let (execution, _) = try runWithFullDisk(fixture)
        let failure = try #require(execution.failure)

        #expect(execution.status == .error)
        #expect(failure.category == .technical)
        #expect(failure.message.hasPrefix("disk full:"))
        #expect(failure.message.contains("table orders of out/acme.sqlite for \(failure.day.map(\.description) ?? "?")"))
        #expect(failure.hint.contains("Free space"))
    }

    @Test func diskFull_leavesNoPartialDay() throws {
        let fixture = try WorkspaceFixture(firstDay: firstDay, rowsPerDay: Self.rowsPerDay)
        let (execution, engine) = try runWithFullDisk(fixture)
        let failedDay = try #require(execution.failure?.day)

        #expect(try fixture.destinationRowCount(day: failedDay) == 0)
        #expect(try engine.coverage(clientID: "acme", syncID: "orders")[failedDay] == nil)
        for day in execution.progress.days where day.state == .imported {
            #expect(try fixture.destinationRowCount(day: day.day) == Self.rowsPerDay)
        }
    }

    /// Days finished before the full disk share its transaction; whether SQLite kept them or
    /// rolled them back with it, the ledger and the destination agree.
    @Test func diskFull_ledgerMatchesTheRows() throws {
        let fixture = try WorkspaceFixture(firstDay: firstDay, rowsPerDay: Self.rowsPerDay)
        let (execution, engine) = try runWithFullDisk(fixture)
        let coverage = try engine.coverage(clientID: "acme", syncID: "orders")

        for day in execution.progress.days {
            let rows = try fixture.destinationRowCount(day: day.day)
            #expect((coverage[day.day] != nil) == (rows > 0), "\(day.day): \(rows) rows")
            #expect((day.state == .imported) == (rows > 0), "\(day.day) is \(day.state)")
        }
    }

    @Test(.enabled(if: Immutable.isSupported, "chattr +i is not available here"))
    func readOnlyDestination_isReportedAsSuch() throws {
        let fixture = try WorkspaceFixture(firstDay: firstDay, rowsPerDay: 10)
        let engine = try fixture.openEngine()
        let first = try engine.start(clientID: "acme", syncID: "orders", request: .singleDate(firstDay), confirmed: true,
                                     operatorName: "ops")
        _ = engine.waitUntilFinished(first.id)
        let database = fixture.url.appendingPathComponent("out/acme.sqlite").path
        try Immutable.set(database, true)
        defer { try? Immutable.set(database, false) }

        let second = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        let execution = try #require(engine.waitUntilFinished(second.id))
        try Immutable.set(database, false)

        #expect(execution.status == .error)
        #expect(execution.failure?.category == .authorization)
        #expect(execution.failure?.message.contains("database out/acme.sqlite is read-only") == true)
        #expect(execution.failure?.message.contains("table orders") == true)
        #expect(try fixture.destinationRowCount() == 10)
    }
}

/// The immutable attribute of a file, set with `chattr`.
enum Immutable {
    static let isSupported: Bool = {
        guard let folder = try? TemporaryFolder() else { return false }
        let file = folder.url.appendingPathComponent("probe")
        guard FileManager.default.createFile(atPath: file.path, contents: Data()) else { return false }
        defer { try? set(file.path, false) }
        return (try? set(file.path, true)) != nil
    }()

    static func set(_ path: String, _ immutable: Bool) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [immutable ? "+i" : "-i", path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteNoPermission)
        }
    }
}
