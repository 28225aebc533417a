import Foundation
import SyncModel
import SyncStore
import Testing

@Suite("SQLiteStateStore executions")
struct ExecutionStoreTests {
    @Test
    func create_readsBackEqual() throws {
        try withStore { store, _ in
            let subMillisecond = Date(timeIntervalSince1970: 1_780_000_000.123_456)
            let created = try store.createExecution(draft(createdAt: subMillisecond, plannedDays: [try day("2026-01-02")]))

            #expect(created.id == 1)
            #expect(created.createdAt == subMillisecond.roundedToStoredPrecision)
            #expect(try store.execution(id: created.id) == created)
        }
    }

    @Test(arguments: [
        ExecutionRequest.default,
        .singleDate(Day(ordinal: 20_455)),
        .dateRange(DayRange(single: Day(ordinal: 20_455)), .missingOnly),
        .dateRange(DayRange(Day(ordinal: 20_450), Day(ordinal: 20_480)) ?? DayRange(single: Day(ordinal: 0)), .reimportAll),
    ])
    func roundTrip_requestKinds(request: ExecutionRequest) throws {
        try withStore { store, _ in
            let created = try store.createExecution(draft(request: request))
            #expect(try store.execution(id: created.id)?.request == request)
        }
    }

    @Test
    func save_roundTripsEveryField() throws {
        try withStore { store, _ in
            let first = try day("2026-01-02"), second = try day("2026-01-03")
            let original = try store.createExecution(draft(request: .dateRange(try range("2026-01-02", "2026-01-03"), .reimportAll),
                                                           plannedDays: [first, second]))
            let retry = try store.createExecution(draft(retryOf: original.id))

            var execution = retry
            execution.status = .finishedWithWarnings
            execution.startedAt = referenceTime.addingTimeInterval(1.5)
            execution.finishedAt = referenceTime.addingTimeInterval(62.25)
            execution.plannedDays = [first, second]
            execution.progress = ExecutionProgress(
                unitsTotal: 2, unitsDone: 1, recordsRead: 10, recordsWritten: 8, recordsRejected: 2,
                days: [DayProgress(day: first, state: .imported, recordsRead: 10, recordsWritten: 8, recordsRejected: 2),
                       DayProgress(day: second, state: .failed)])
            execution.warnings = [
                WarningSummary(kind: .invalidValue, count: 2, examples: [
                    RecordIssue(kind: .invalidValue, day: first, location: "data/orders/2026-01-02.csv", line: 4,
                                field: "amount", message: "\"12,5\" is not a decimal"),
                    RecordIssue(kind: .invalidValue, day: nil, location: "data/orders.csv", line: nil, field: nil,
                                message: "id is required"),
                ]),
            ]
            execution.failure = ExecutionFailure(.connectivity, "could not reach out/acme.sqlite", hint: "Check the disk", day: second)
            try store.saveExecution(execution)

            #expect(try store.execution(id: retry.id) == execution)
        }
    }

    @Test
    func save_unknownID() throws {
        try withStore { store, _ in
            let ghost = Execution(id: 77, clientID: "acme", syncID: "orders", request: .default,
                                  operatorName: "maria", confirmed: false)
            let error = try #require(throws: StateStoreError.self) { try store.saveExecution(ghost) }
            #expect(error.code == .unknownExecution)
            #expect(error.description.contains("execution 77"))
        }
    }

    @Test
    func execution_unknownID() throws {
        try withStore { store, _ in
            let execution = try store.execution(id: 5)
            #expect(execution == nil)
        }
    }

    @Test
    func executions_newestFirst() throws {
        try withStore { store, _ in
            for _ in 0..<3 { _ = try store.createExecution(draft()) }
            #expect(try store.executions(ExecutionQuery()).map(\.id) == [3, 2, 1])
        }
    }

    @Test
    func executions_statusFilter() throws {
        try withStore { store, _ in
            _ = try store.createExecution(draft(status: .queued))
            _ = try store.createExecution(draft(status: .error))
            _ = try store.createExecution(draft(status: .finished))
            let listed = try store.executions(ExecutionQuery(statuses: [.queued, .finished]))
            #expect(listed.map(\.id) == [3, 1])
        }
    }

    @Test
    func executions_emptyStatusFilter() throws {
        try withStore { store, _ in
            _ = try store.createExecution(draft())
            #expect(try store.executions(ExecutionQuery(statuses: [])).isEmpty)
        }
    }

    @Test
    func executions_syncFilter() throws {
        try withStore { store, _ in
            _ = try store.createExecution(draft(client: "acme", sync: "orders"))
            _ = try store.createExecution(draft(client: "acme", sync: "customers"))
            _ = try store.createExecution(draft(client: "globex", sync: "orders"))
            let listed = try store.executions(ExecutionQuery(clientID: "acme", syncID: "orders"))
            #expect(listed.map(\.id) == [1])
        }
    }

    @Test
    func executions_limit() throws {
        try withStore { store, _ in
            for _ in 0..<5 { _ = try store.createExecution(draft()) }
            #expect(try store.executions(ExecutionQuery(limit: 2)).map(\.id) == [5, 4])
        }
    }

    @Test
    func executions_largeStore() throws {
        try withStore { store, _ in
            let drafts = (0..<100_000).map { (index: Int) -> ExecutionDraft in
                let sync = index % 2 == 0 ? "orders" : "customers"
                let status: ExecutionStatus = index % 10 == 0 ? .error : .finished
                return draft(sync: sync, status: status, createdAt: referenceTime.addingTimeInterval(Double(index)))
            }
            let created = try store.createExecutions(drafts)

            let newest = try store.executions(ExecutionQuery(limit: 200))
            #expect(newest.count == 200)
            #expect(newest.first == created.last)
            #expect(newest.map(\.id) == Array((99_801...100_000).reversed()))

            let errors = try store.executions(ExecutionQuery(clientID: "acme", syncID: "orders", statuses: [.error], limit: 200))
            #expect(errors.count == 200)
        }
    }
}
