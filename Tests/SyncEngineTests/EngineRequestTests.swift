import Foundation
import SyncEngine
import SyncModel
import SyncStore
import Testing
import TestSupport

/// Confirmation, write modes, queueing, retry and recovery, on real files and SQLite databases.
@Suite struct EngineRequestTests {
    let yesterday = WorkspaceFixture.yesterday

    @Test func singleDateWithoutConfirmationIsRejected() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday.adding(days: -1))
        let engine = try fixture.openEngine()

        #expect {
            try engine.start(clientID: "acme", syncID: "orders", request: .singleDate(yesterday), confirmed: false, operatorName: "ops")
        } throws: { error in
            (error as? RequestRejection)?.reason == .confirmationRequired
        }
        #expect(try engine.executions(ExecutionQuery()).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.url.appendingPathComponent("out/acme.sqlite").path))
    }

    @Test func reimportWithoutConfirmationNamesOverlap() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday.adding(days: -1), rowsPerDay: 7)
        let engine = try fixture.openEngine()
        let first = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        _ = engine.waitUntilFinished(first.id)

        let range = DayRange(yesterday.adding(days: -1), yesterday)!
        #expect {
            try engine.start(clientID: "acme", syncID: "orders", request: .dateRange(range, .reimportAll), confirmed: false, operatorName: "ops")
        } throws: { error in
            let message = (error as? RequestRejection)?.message ?? ""
            return message.contains("\(yesterday) (7 records)") && message.contains("acme/orders")
        }
        #expect(try fixture.destinationRowCount() == 14)
    }

    @Test(arguments: [("append", 2), ("upsert", 1), ("replace", 1)])
    func reimportByWriteMode(mode: String, copies: Int) throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday, rowsPerDay: 5, writeMode: mode)
        let engine = try fixture.openEngine()
        let first = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        _ = engine.waitUntilFinished(first.id)

        let second = try engine.start(clientID: "acme", syncID: "orders", request: .singleDate(yesterday), confirmed: true, operatorName: "ops")
        let execution = try #require(engine.waitUntilFinished(second.id))

        #expect(execution.status == .finished)
        #expect(execution.confirmed)
        #expect(try fixture.destinationRowCount(day: yesterday) == 5 * copies)
        let workspace = try fixture.loadWorkspace()
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        let ledger = try store.ledger(clientID: "acme", syncID: "orders").filter { $0.day == yesterday }
        #expect(ledger.map(\.executionID) == [first.id, second.id])
        #expect(try engine.coverage(clientID: "acme", syncID: "orders")[yesterday]?.executionID == second.id)
    }

    @Test func secondExecutionOfSyncWaitsQueued() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday.adding(days: -3), rowsPerDay: 20_000)
        let engine = try fixture.openEngine()
        let recorder = EventRecorder()
        engine.addObserver(recorder)

        let first = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        let second = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        #expect(second.status == .queued)
        _ = engine.waitUntilFinished(first.id)
        let queued = try #require(engine.waitUntilFinished(second.id))

        #expect(recorder.statuses(of: second.id).first == .queued)
        #expect(queued.status == .finished)
        #expect(queued.plannedDays.isEmpty, "the queued default run must not import the days the first run imported")
        #expect(try fixture.destinationRowCount() == 80_000)
    }

    @Test func retryRunsSameRequestAgain() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday, rowsPerDay: 3)
        try fixture.folder.remove("data/orders/\(yesterday).csv")
        let engine = try fixture.openEngine()
        let failed = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        #expect(engine.waitUntilFinished(failed.id)?.status == .error)

        try fixture.writeOrders(for: yesterday, rows: 3)
        let retried = try engine.retry(failed.id, operatorName: "lead")
        let execution = try #require(engine.waitUntilFinished(retried.id))

        #expect(execution.status == .finished)
        #expect(execution.retryOf == failed.id)
        #expect(execution.operatorName == "lead")
        #expect(try fixture.destinationRowCount() == 3)
    }

    @Test func executionOfDeadProcessBecomesError() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday)
        let workspace = try fixture.loadWorkspace()
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        let orphan = try store.createExecution(ExecutionDraft(
            clientID: "acme", syncID: "orders", request: .default, operatorName: "ops", confirmed: false,
            status: .inProgress, createdAt: Date(), plannedDays: [yesterday], retryOf: nil,
            owner: ExecutionOwner(host: ExecutionOwner.current.host, processID: deadProcessID())))

        let engine = try ExecutionEngine(workspace: workspace, store: store)
        let recovered = try #require(try engine.execution(id: orphan.id))

        #expect(recovered.status == .error)
        #expect(recovered.failure?.message.contains("stopped") == true)
    }

    @Test func logRecordsStartDaysAndEnd() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday, rowsPerDay: 2)
        let engine = try fixture.openEngine()
        let started = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        _ = engine.waitUntilFinished(started.id)

        let messages = try engine.logs(executionID: started.id).map(\.message)
        #expect(messages.first?.contains("started by ops") == true)
        #expect(messages.contains { $0.contains("\(yesterday): 2 records read, 2 written") })
        #expect(messages.last?.contains("FINISHED") == true)
    }

    /// Returns the id of a process that has just exited.
    private func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
