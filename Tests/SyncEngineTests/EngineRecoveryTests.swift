import Foundation
import SyncEngine
import SyncModel
import SyncStore
import Testing
import TestSupport

/// The ledger rebuilt from the destination's record of committed days when an engine opens.
@Suite struct EngineRecoveryTests {
    let firstDay = WorkspaceFixture.yesterday.adding(days: -2)

    /// Imports every day with one engine, then deletes the ledger entry of `lost` as a state
    /// database that refused the write after the destination committed would leave it.
    private func importThenLoseLedger(_ fixture: WorkspaceFixture, lost: Day) throws -> Execution {
        let engine = try fixture.openEngine()
        let started = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        let execution = try #require(engine.waitUntilFinished(started.id))
        let state = try SQLiteConnection(path: try fixture.loadWorkspace().stateDatabaseURL.path)
        try state.query("DELETE FROM ledger WHERE day = ?", [.text(lost.description)])
        return execution
    }

    @Test func opening_restoresLostLedgerEntry() throws {
        let fixture = try WorkspaceFixture(firstDay: firstDay, rowsPerDay: 4)
        let execution = try importThenLoseLedger(fixture, lost: firstDay.next)

        let engine = try fixture.openEngine()
        let entry = try engine.coverage(clientID: "acme", syncID: "orders")[firstDay.next]

        #expect(entry?.executionID == execution.id)
        #expect(entry?.records == 4)
    }

    @Test func opening_logsRestoredDay() throws {
        let fixture = try WorkspaceFixture(firstDay: firstDay, rowsPerDay: 4)
        let execution = try importThenLoseLedger(fixture, lost: firstDay.next)

        let engine = try fixture.openEngine()
        let messages = try engine.logs(executionID: execution.id).map(\.message)
        #expect(messages.contains { $0.hasPrefix("recovery: \(firstDay.next) was committed to the destination") })
    }

    @Test func restoredDay_isNotImportedAgain() throws {
        let fixture = try WorkspaceFixture(firstDay: firstDay, rowsPerDay: 4)
        _ = try importThenLoseLedger(fixture, lost: firstDay.next)

        let engine = try fixture.openEngine()
        let rerun = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        let execution = try #require(engine.waitUntilFinished(rerun.id))

        #expect(execution.plannedDays.isEmpty)
        #expect(try fixture.destinationRowCount() == 12)
    }

    @Test func runningExecution_isLeftToItsProcess() throws {
        let fixture = try WorkspaceFixture(firstDay: firstDay, rowsPerDay: 4)
        let execution = try importThenLoseLedger(fixture, lost: firstDay.next)
        let state = try SQLiteConnection(path: try fixture.loadWorkspace().stateDatabaseURL.path)
        // As if the process that ran it were alive and about to write the entry itself.
        try state.query("UPDATE executions SET status = 'IN_PROGRESS', owner_pid = ? WHERE id = ?",
                        [.integer(Int64(getppid())), .integer(execution.id)])

        let engine = try fixture.openEngine()
        #expect(try engine.coverage(clientID: "acme", syncID: "orders")[firstDay.next] == nil)
    }

    @Test func interruptedExecution_keepsUnfinishedDaysMissing() throws {
        let fixture = try WorkspaceFixture(firstDay: firstDay, rowsPerDay: 4)
        let workspace = try fixture.loadWorkspace()
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        var orphan = try store.createExecution(ExecutionDraft(
            clientID: "acme", syncID: "orders", request: .default, operatorName: "ops", confirmed: false,
            status: .inProgress, createdAt: Date(), plannedDays: [firstDay, firstDay.next], retryOf: nil,
            owner: ExecutionOwner(host: ExecutionOwner.current.host, processID: try exitedProcessID())))
        orphan.progress.days = [DayProgress(day: firstDay, state: .imported), DayProgress(day: firstDay.next, state: .running)]
        try store.saveExecution(orphan)

        let engine = try ExecutionEngine(workspace: workspace, store: store)
        let recovered = try #require(try engine.execution(id: orphan.id))

        #expect(recovered.status == .error)
        #expect(recovered.progress.days.map(\.state) == [.imported, .failed])
        #expect(try engine.plan(clientID: "acme", syncID: "orders", request: .default).days.count == 3)
    }

    private func exitedProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
