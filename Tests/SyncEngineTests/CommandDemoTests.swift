import Foundation
import SyncModel
import SyncStore
import Testing
@testable import SyncEngine

/// The demo's command syncs, run through the engine as a newcomer would run them.
@Suite struct CommandDemoTests {
    let folder: WorkspaceFolder
    let engine: ExecutionEngine

    init() throws {
        folder = try WorkspaceFolder()
        let today = Day.lastComplete(in: TimeZone(identifier: "UTC") ?? .current).next
        let workspace = try DemoWorkspace.create(at: folder.url, today: today, eventsPerDay: 10)
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        engine = try ExecutionEngine(workspace: workspace, store: store)
    }

    private func runDefault(_ client: String, _ sync: String) throws -> Execution {
        let started = try engine.start(clientID: client, syncID: sync, request: .default, confirmed: false, operatorName: "ops")
        return try #require(engine.waitUntilFinished(started.id))
    }

    @Test func programsAreExecutable() {
        for program in DemoPrograms.all {
            #expect(FileManager.default.isExecutableFile(atPath: folder.url.appendingPathComponent(program.path).path), "\(program.path)")
        }
    }

    @Test func invoicesFinish() throws {
        let execution = try runDefault("globex", "invoices")

        #expect(execution.status == .finished)
        #expect(execution.progress.recordsWritten > 0)
        #expect(execution.progress.recordsRejected == 0)
    }

    @Test func invoicesLogProgramMessages() throws {
        let execution = try runDefault("globex", "invoices")
        let log = try engine.logs(executionID: execution.id).map(\.message)

        #expect(log.contains { $0.contains("stderr: export-invoices: reading the invoices of") })
    }

    @Test func paymentsFailAuthentication() throws {
        let execution = try runDefault("acme", "payments")

        #expect(execution.status == .error)
        #expect(execution.failure?.category == .authentication)
        #expect(execution.failure?.message.contains("API key") == true)
    }
}
