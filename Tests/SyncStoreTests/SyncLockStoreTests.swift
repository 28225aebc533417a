import Foundation
import SyncModel
import SyncStore
import Testing

@Suite("SQLiteStateStore sync locks")
struct SyncLockStoreTests {
    private let first = ExecutionOwner(host: "deck-1", processID: 1001)
    private let second = ExecutionOwner(host: "deck-2", processID: 2002)

    private func claim(_ store: SQLiteStateStore, _ owner: ExecutionOwner, alive: Set<ExecutionOwner>,
                       sync: String = "orders") throws -> SyncClaim {
        try store.createExecutionHoldingSync(draft(sync: sync, owner: owner), isOwnerAlive: { alive.contains($0) })
    }

    @Test
    func claim_freeSync() throws {
        try withStore { store, _ in
            guard case .acquired(let execution) = try claim(store, first, alive: [first]) else {
                Issue.record("a free sync was refused")
                return
            }
            #expect(try store.execution(id: execution.id) == execution)
        }
    }

    @Test
    func claim_heldByLiveProcess() throws {
        try withStore { store, _ in
            _ = try claim(store, first, alive: [first, second])
            let outcome = try claim(store, second, alive: [first, second])

            guard case .held(let holder) = outcome else {
                Issue.record("the second process got a sync the first one holds")
                return
            }
            #expect(holder.executionID == 1)
            #expect(holder.owner == first)
            #expect(holder.operatorName == "maria")
        }
    }

    @Test
    func claim_refusedStoresNothing() throws {
        try withStore { store, _ in
            _ = try claim(store, first, alive: [first, second])
            _ = try claim(store, second, alive: [first, second])
            #expect(try store.executions(ExecutionQuery()).count == 1)
        }
    }

    @Test
    func claim_otherSync() throws {
        try withStore { store, _ in
            _ = try claim(store, first, alive: [first, second])
            guard case .acquired = try claim(store, second, alive: [first, second], sync: "customers") else {
                Issue.record("a lock on orders blocked customers")
                return
            }
        }
    }

    @Test
    func claim_deadHolderTakenOver() throws {
        try withStore { store, _ in
            _ = try claim(store, first, alive: [first, second])
            guard case .acquired = try claim(store, second, alive: [second]) else {
                Issue.record("a dead process kept the sync")
                return
            }
        }
    }

    @Test
    func claim_endedHolderTakenOver() throws {
        try withStore { store, _ in
            guard case .acquired(var execution) = try claim(store, first, alive: [first, second]) else { return }
            execution.status = .finished
            try store.saveExecution(execution)
            guard case .acquired = try claim(store, second, alive: [first, second]) else {
                Issue.record("a process whose executions ended kept the sync")
                return
            }
        }
    }

    @Test
    func release_freesSync() throws {
        try withStore { store, _ in
            guard case .acquired(let execution) = try claim(store, first, alive: [first, second]) else { return }
            try store.releaseSyncLock(clientID: "acme", syncID: "orders", executionID: execution.id)
            #expect(try scalar("SELECT count(*) FROM sync_locks", at: store.path) == .integer(0))
        }
    }

    @Test
    func pass_movesLock() throws {
        try withStore { store, _ in
            guard case .acquired(let running) = try claim(store, first, alive: [first]) else { return }
            let queued = try store.createExecution(draft(status: .queued, owner: first))
            try store.passSyncLock(clientID: "acme", syncID: "orders", from: running.id, to: queued.id)
            #expect(try scalar("SELECT execution_id FROM sync_locks", at: store.path) == .integer(queued.id))
        }
    }

    @Test
    func heartbeat_updatesExecutionAndLock() throws {
        try withStore { store, _ in
            guard case .acquired(let execution) = try claim(store, first, alive: [first]) else { return }
            try SQLiteConnection(path: store.path).execute("UPDATE executions SET heartbeat_at = 0; UPDATE sync_locks SET heartbeat_at = 0")

            try store.recordHeartbeat(executionID: execution.id)

            #expect(try scalar("SELECT heartbeat_at > 0 FROM executions", at: store.path) == .integer(1))
            #expect(try scalar("SELECT heartbeat_at > 0 FROM sync_locks", at: store.path) == .integer(1))
        }
    }

    @Test
    func heartbeat_unknownExecution() throws {
        try withStore { store, _ in
            let error = try #require(throws: StateStoreError.self) { try store.recordHeartbeat(executionID: 9) }
            #expect(error.code == .unknownExecution)
        }
    }
}
