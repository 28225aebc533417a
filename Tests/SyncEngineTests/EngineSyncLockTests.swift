import Foundation
import SyncEngine
import SyncModel
import SyncStore
import Testing
import TestSupport

/// The sync lock in the state database, held by real processes: this test process's parent
/// (alive and not this process) and a process that has exited.
@Suite struct EngineSyncLockTests {
    let yesterday = WorkspaceFixture.yesterday

    /// Stores an execution holding the orders sync's lock for process `pid` on this host.
    private func holdSync(_ store: SQLiteStateStore, pid: Int32, operatorName: String = "maria") throws -> Execution {
        let draft = ExecutionDraft(clientID: "acme", syncID: "orders", request: .default, operatorName: operatorName,
                                   confirmed: false, status: .inProgress, createdAt: Date(), plannedDays: [yesterday],
                                   retryOf: nil, owner: ExecutionOwner(host: ExecutionOwner.current.host, processID: pid))
        guard case .acquired(let execution) = try store.createExecutionHoldingSync(draft, isOwnerAlive: { _ in true }) else {
            throw RequestRejection(.syncBusy, "the fixture could not take the lock")
        }
        return execution
    }

    private func exitedProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func liveHolder_rejectsStart() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday)
        let workspace = try fixture.loadWorkspace()
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        let holder = try holdSync(store, pid: getppid())
        let engine = try ExecutionEngine(workspace: workspace, store: store)

        let rejection = try #require(throws: RequestRejection.self) {
            try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        }
        #expect(rejection.reason == .syncBusy)
        #expect(rejection.message.contains("execution #\(holder.id)"))
        #expect(rejection.message.contains("started by maria, pid \(getppid()) on \(ExecutionOwner.current.host)"))
    }

    @Test func liveHolder_storesNothing() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday)
        let workspace = try fixture.loadWorkspace()
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        _ = try holdSync(store, pid: getppid())
        let engine = try ExecutionEngine(workspace: workspace, store: store)

        _ = try? engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        #expect(try store.executions(ExecutionQuery()).count == 1)
        #expect(!FileManager.default.fileExists(atPath: fixture.url.appendingPathComponent("out/acme.sqlite").path))
    }

    @Test func liveHolder_leavesOtherSyncsFree() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday)
        let workspace = try fixture.loadWorkspace()
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        _ = try holdSync(store, pid: getppid())
        let engine = try ExecutionEngine(workspace: workspace, store: store)

        let started = try engine.start(clientID: "acme", syncID: "customers", request: .default, confirmed: false, operatorName: "ops")
        #expect(engine.waitUntilFinished(started.id)?.status == .finished)
    }

    @Test func deadHolder_isTakenOver() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday)
        let workspace = try fixture.loadWorkspace()
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        let engine = try ExecutionEngine(workspace: workspace, store: store)
        // The holder dies while this engine is open, so only the start can notice it.
        let orphan = try holdSync(store, pid: try exitedProcessID())

        let started = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        let execution = try #require(engine.waitUntilFinished(started.id))

        #expect(execution.status == .finished)
        #expect(try store.execution(id: orphan.id)?.status == .error)
    }

    @Test func endedExecutions_releaseLock() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday)
        let workspace = try fixture.loadWorkspace()
        let first = try ExecutionEngine(workspace: workspace, store: try SQLiteStateStore(path: workspace.stateDatabaseURL.path))
        let started = try first.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        _ = first.waitUntilFinished(started.id)

        let second = try ExecutionEngine(workspace: workspace, store: try SQLiteStateStore(path: workspace.stateDatabaseURL.path))
        let next = try second.start(clientID: "acme", syncID: "orders", request: .singleDate(yesterday), confirmed: true,
                                    operatorName: "ops")
        #expect(second.waitUntilFinished(next.id)?.status == .finished)
    }

    @Test func queuedExecution_keepsLockForProcess() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday.adding(days: -3), rowsPerDay: 20_000)
        let workspace = try fixture.loadWorkspace()
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        let engine = try ExecutionEngine(workspace: workspace, store: store)
        let first = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        let second = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        _ = engine.waitUntilFinished(first.id)

        // Another process asking now, between the two, must still find the sync taken.
        let other = ExecutionDraft(clientID: "acme", syncID: "orders", request: .default, operatorName: "other",
                                   confirmed: false, status: .inProgress, createdAt: Date(), plannedDays: [], retryOf: nil,
                                   owner: ExecutionOwner(host: ExecutionOwner.current.host, processID: getppid()))
        let claim = try store.createExecutionHoldingSync(other, isOwnerAlive: { _ in true })
        _ = engine.waitUntilFinished(second.id)

        if case .held(let holder) = claim {
            #expect(holder.executionID == second.id)
        } else {
            Issue.record("another process got the sync while execution #\(second.id) was queued in this one")
        }
    }
}
