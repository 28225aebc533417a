import Foundation
import SyncEngine
import SyncModel
import SyncStore
import Testing
import TestSupport

/// Retries import only what the original execution did not complete, so a retry never
/// duplicates a day by accident.
@Suite struct EngineRetryTests {
    let yesterday = WorkspaceFixture.yesterday

    @Test func reimportRetry_skipsCompletedDays() throws {
        let firstDay = yesterday.adding(days: -3)
        let fixture = try WorkspaceFixture(firstDay: firstDay, rowsPerDay: 4)
        let engine = try fixture.openEngine()
        let initial = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        _ = engine.waitUntilFinished(initial.id)

        let broken = firstDay.adding(days: 2)
        try fixture.folder.remove("data/orders/\(broken).csv")
        let range = DayRange(firstDay, yesterday)!
        let reimport = try engine.start(clientID: "acme", syncID: "orders", request: .dateRange(range, .reimportAll),
                                        confirmed: true, operatorName: "ops")
        #expect(engine.waitUntilFinished(reimport.id)?.status == .error)

        try fixture.writeOrders(for: broken, rows: 4)
        let retried = try engine.retry(reimport.id, operatorName: "lead")
        let execution = try #require(engine.waitUntilFinished(retried.id))

        #expect(execution.status == .finished)
        #expect(execution.plannedDays == [broken, yesterday])
        #expect(execution.confirmed)
        for day in range {
            #expect(try fixture.destinationRowCount(day: day) == 8, "day \(day) must hold two imports, not three")
        }
    }

    @Test func secondRetry_skipsDaysTheFirstRetryImported() throws {
        let firstDay = yesterday.adding(days: -2)
        let fixture = try WorkspaceFixture(firstDay: firstDay, rowsPerDay: 3)
        let engine = try fixture.openEngine()
        let missing = firstDay.next
        try fixture.folder.remove("data/orders/\(missing).csv")
        let range = DayRange(firstDay, yesterday)!
        let failed = try engine.start(clientID: "acme", syncID: "orders", request: .dateRange(range, .reimportAll),
                                      confirmed: true, operatorName: "ops")
        #expect(engine.waitUntilFinished(failed.id)?.status == .error)
        try fixture.writeOrders(for: missing, rows: 3)
        let first = try engine.retry(failed.id, operatorName: "ops")
        #expect(engine.waitUntilFinished(first.id)?.status == .finished)

        #expect {
            try engine.retry(failed.id, operatorName: "ops")
        } throws: { error in
            (error as? RequestRejection)?.reason == .notRetryable
        }
        for day in range {
            #expect(try fixture.destinationRowCount(day: day) == 3, "day \(day)")
        }
    }

    @Test func finishedExecution_isNotRetried() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday, rowsPerDay: 2)
        let engine = try fixture.openEngine()
        let started = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        _ = engine.waitUntilFinished(started.id)

        #expect {
            try engine.retry(started.id, operatorName: "ops")
        } throws: { error in
            (error as? RequestRejection)?.reason == .notRetryable
        }
    }

    @Test func unneededConfirmation_isNotRecorded() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday, rowsPerDay: 2)
        let engine = try fixture.openEngine()

        let started = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: true, operatorName: "ops")
        let execution = try #require(engine.waitUntilFinished(started.id))

        #expect(!execution.confirmed)
    }

    @Test func canceledQueuedExecution_isReadCanceled() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday.adding(days: -3), rowsPerDay: 20_000)
        let engine = try fixture.openEngine()
        let running = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        let queued = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")

        engine.cancel(queued.id)
        let read = try #require(engine.waitUntilFinished(queued.id))

        #expect(read.status == .canceled)
        #expect(read.startedAt == nil)
        _ = engine.waitUntilFinished(running.id)
    }

    @Test func lockedDestination_leavesNoDayRunning() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday, rowsPerDay: 2)
        let engine = try fixture.openEngine()
        let first = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        _ = engine.waitUntilFinished(first.id)
        let holder = try SQLiteConnection(path: fixture.url.appendingPathComponent("out/acme.sqlite").path)
        try holder.execute("BEGIN EXCLUSIVE")
        defer { try? holder.execute("ROLLBACK") }

        let blocked = try engine.start(clientID: "acme", syncID: "orders", request: .singleDate(yesterday),
                                       confirmed: true, operatorName: "ops")
        let execution = try #require(engine.waitUntilFinished(blocked.id))

        #expect(execution.status == .error)
        #expect(execution.failure?.category == .connectivity)
        #expect(!execution.progress.days.contains { $0.state == .running })
    }

    @Test func canceledDay_showsNothingWritten() throws {
        let firstDay = yesterday.adding(days: -4)
        let fixture = try WorkspaceFixture(firstDay: firstDay, rowsPerDay: 30_000)
        let engine = try fixture.openEngine()
        let recorder = EventRecorder()
        engine.addObserver(recorder)

        let started = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        recorder.waitForUpdate { $0.id == started.id && ($0.progress.days.first?.recordsWritten ?? 0) > 0 && $0.progress.days.first?.state == .running }
        engine.cancel(started.id)
        let execution = try #require(engine.waitUntilFinished(started.id))

        for day in execution.progress.days where day.state != .imported {
            #expect(day.recordsWritten == 0, "day \(day.day) was rolled back")
        }
    }
}
