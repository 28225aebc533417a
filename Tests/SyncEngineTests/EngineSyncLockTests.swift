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
        let fixture = try WorkspaceFixture(firstDay: yesterday.adding(days: -1), rowsPerDay: 1_000)
        let workspace = try fixture.loadWorkspace()
        let engine = try ExecutionEngine(workspace: workspace, store: try SQLiteStateStore(path: workspace.stateDatabaseURL.path))
        // Another process asks for the sync at the moment the first execution is saved as ended
        // while the second still waits as QUEUED behind it.
        let other = OtherProcessClaim(store: try SQLiteStateStore(path: workspace.stateDatabaseURL.path))
        engine.addObserver(other)

        let first = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        other.watched = first.id
        let second = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        _ = engine.waitUntilFinished(first.id)
        _ = engine.waitUntilFinished(second.id)

        guard case .held(let holder)? = other.claim else {
            Issue.record("another process got the sync while execution #\(second.id) was queued in this one: \(String(describing: other.claim))")
            return
        }
        #expect(holder.executionID == second.id)
    }
}

/// An observer that, when the watched execution ends, asks for its sync's lock as another
/// live process would, and keeps the answer.
private final class OtherProcessClaim: ExecutionObserver, @unchecked Sendable {
    private let store: SQLiteStateStore
    private let lock = NSLock()
    private var watchedID: ExecutionID?
    private var result: SyncClaim?

    init(store: SQLiteStateStore) {
        self.store = store
    }

    var watched: ExecutionID? {
        get { lock.withLock { watchedID } }
        set { lock.withLock { watchedID = newValue } }
    }

    var claim: SyncClaim? { lock.withLock { result } }

    func executionDidChange(_ event: ExecutionEvent) {
        guard case .updated(let execution) = event, execution.status.isFinal, execution.id == watched,
              lock.withLock({ result == nil }) else { return }
        let draft = ExecutionDraft(clientID: "acme", syncID: "orders", request: .default, operatorName: "other",
                                   confirmed: false, status: .inProgress, createdAt: Date(), plannedDays: [], retryOf: nil,
                                   owner: ExecutionOwner(host: ExecutionOwner.current.host, processID: getppid()))
        let outcome = try? store.createExecutionHoldingSync(draft, isOwnerAlive: { _ in true })
        lock.withLock { result = outcome }
    }
}
