import Foundation
import SyncModel
import SyncStore
import Testing

@Suite("SQLiteStateStore recovery")
struct RecoveryTests {
    private let dead = ExecutionOwner(host: "deck-1", processID: 1001)
    private let alive = ExecutionOwner(host: "deck-1", processID: 1002)

    /// Stores an execution of `owner` in `status`, with one imported and one running day.
    private func running(_ store: SQLiteStateStore, owner: ExecutionOwner,
                         status: ExecutionStatus = .inProgress) throws -> Execution {
        let first = try day("2026-01-02"), second = try day("2026-01-03")
        var execution = try store.createExecution(draft(status: status, plannedDays: [first, second], owner: owner))
        execution.startedAt = referenceTime
        execution.progress.days = [DayProgress(day: first, state: .imported), DayProgress(day: second, state: .running)]
        try store.saveExecution(execution)
        return execution
    }

    @Test
    func recover_deadOwner() throws {
        try withStore { store, _ in
            let execution = try running(store, owner: dead)
            let recovered = try store.recoverInterrupted { $0 != dead }

            #expect(recovered.map(\.id) == [execution.id])
            #expect(try store.execution(id: execution.id)?.status == .error)
        }
    }

    @Test
    func recover_storedAsReturned() throws {
        try withStore { store, _ in
            let execution = try running(store, owner: dead)
            let recovered = try store.recoverInterrupted { $0 != dead }
            #expect(try store.execution(id: execution.id) == recovered.first)
        }
    }

    @Test
    func recover_failure() throws {
        try withStore { store, _ in
            _ = try running(store, owner: dead)
            let failure = try #require(try store.recoverInterrupted { $0 != dead }.first?.failure)

            #expect(failure.category == .technical)
            #expect(failure.message.contains("pid 1001 on deck-1"))
            #expect(failure.day == (try day("2026-01-03")))
        }
    }

    @Test
    func recover_days() throws {
        try withStore { store, _ in
            _ = try running(store, owner: dead)
            let recovered = try #require(try store.recoverInterrupted { $0 != dead }.first)
            #expect(recovered.progress.days.map(\.state) == [.imported, .failed])
        }
    }

    @Test
    func recover_finishedAndLogged() throws {
        try withStore { store, _ in
            let execution = try running(store, owner: dead)
            let recovered = try #require(try store.recoverInterrupted { $0 != dead }.first)

            #expect(recovered.finishedAt != nil)
            #expect(try store.logs(executionID: execution.id, after: 0, limit: 10).first?.level == .error)
        }
    }

    @Test
    func recover_queuedAndCanceling() throws {
        try withStore { store, _ in
            _ = try running(store, owner: dead, status: .queued)
            _ = try running(store, owner: dead, status: .canceling)
            #expect(try store.recoverInterrupted { $0 != dead }.count == 2)
        }
    }

    @Test
    func recover_liveOwner() throws {
        try withStore { store, _ in
            let execution = try running(store, owner: alive)
            #expect(try store.recoverInterrupted { $0 != dead }.isEmpty)
            #expect(try store.execution(id: execution.id) == execution)
        }
    }

    @Test
    func recover_endedExecution() throws {
        try withStore { store, _ in
            _ = try running(store, owner: dead, status: .finished)
            #expect(try store.recoverInterrupted { _ in false }.isEmpty)
        }
    }
}
