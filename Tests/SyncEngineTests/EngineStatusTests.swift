import Foundation
import SyncEngine
import SyncModel
import SyncStore
import Testing
import TestSupport

/// Executions that reach each status for real, on CSV files and SQLite databases in a temporary folder.
@Suite struct EngineStatusTests {
    let threeDaysAgo = WorkspaceFixture.yesterday.adding(days: -2)

    @Test func defaultRunFinishesAndFillsLedger() throws {
        let fixture = try WorkspaceFixture(firstDay: threeDaysAgo, rowsPerDay: 4)
        let engine = try fixture.openEngine()

        let started = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        let execution = try #require(engine.waitUntilFinished(started.id))

        #expect(execution.status == .finished)
        #expect(execution.progress.recordsWritten == 12)
        #expect(execution.progress.days.map(\.state) == [.imported, .imported, .imported])
        #expect(try fixture.destinationRowCount() == 12)
        #expect(try engine.coverage(clientID: "acme", syncID: "orders").latest.count == 3)
    }

    @Test func secondDefaultRunImportsNothing() throws {
        let fixture = try WorkspaceFixture(firstDay: threeDaysAgo, rowsPerDay: 4)
        let engine = try fixture.openEngine()
        let first = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        _ = engine.waitUntilFinished(first.id)

        let second = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        let execution = try #require(engine.waitUntilFinished(second.id))

        #expect(execution.status == .finished)
        #expect(execution.plannedDays.isEmpty)
        #expect(execution.progress.recordsWritten == 0)
        #expect(try fixture.destinationRowCount() == 12)
    }

    @Test func invalidRecordsFinishWithWarnings() throws {
        let fixture = try WorkspaceFixture(firstDay: threeDaysAgo, rowsPerDay: 5)
        try fixture.writeOrders(for: threeDaysAgo.next, rows: 5, invalid: 3)
        let engine = try fixture.openEngine()

        let started = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        let execution = try #require(engine.waitUntilFinished(started.id))

        #expect(execution.status == .finishedWithWarnings)
        #expect(execution.progress.recordsRead == 18)
        #expect(execution.progress.recordsWritten == 15)
        #expect(execution.progress.recordsRejected == 3)
        #expect(execution.warnings.map(\.kind) == [.invalidValue])
        #expect(execution.warnings.first?.count == 3)
        #expect(execution.warnings.first?.examples.first?.line == 7)
        #expect(execution.warnings.first?.examples.first?.field == "id")
        #expect(try fixture.destinationRowCount() == 15)
    }

    @Test func missingFileEndsInError() throws {
        let fixture = try WorkspaceFixture(firstDay: threeDaysAgo, rowsPerDay: 2)
        let missing = threeDaysAgo.next
        try fixture.folder.remove("data/orders/\(missing).csv")
        let engine = try fixture.openEngine()

        let started = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        let execution = try #require(engine.waitUntilFinished(started.id))

        #expect(execution.status == .error)
        #expect(execution.failure?.category == .technical)
        #expect(execution.failure?.day == missing)
        #expect(execution.failure?.message.contains("\(missing).csv") == true)
        #expect(execution.progress.days.map(\.state) == [.imported, .failed, .skipped])
        #expect(try fixture.destinationRowCount(day: threeDaysAgo) == 2)
        #expect(try fixture.destinationRowCount(day: missing) == 0)
        #expect(try engine.coverage(clientID: "acme", syncID: "orders").latest.keys.sorted() == [threeDaysAgo])
    }

    @Test func cancelKeepsCompletedDaysOnly() throws {
        let firstDay = WorkspaceFixture.yesterday.adding(days: -5)
        let rows = 30_000
        let fixture = try WorkspaceFixture(firstDay: firstDay, rowsPerDay: rows)
        let engine = try fixture.openEngine()
        let recorder = EventRecorder()
        engine.addObserver(recorder)

        let started = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        let secondDayRunning = recorder.waitForUpdate { execution in
            execution.id == started.id && execution.progress.days.count > 1 && execution.progress.days[1].state == .running
        }
        #expect(secondDayRunning != nil)
        engine.cancel(started.id)
        let execution = try #require(engine.waitUntilFinished(started.id))

        #expect(execution.status == .canceled)
        #expect(recorder.statuses(of: started.id).contains(.canceling))
        let imported = execution.progress.days.filter { $0.state == .imported }.map(\.day)
        #expect(!imported.isEmpty)
        #expect(imported.count < 6)
        for day in DayRange(firstDay, WorkspaceFixture.yesterday)! {
            let count = try fixture.destinationRowCount(day: day)
            #expect(count == (imported.contains(day) ? rows : 0), "day \(day) has \(count) rows")
        }
        #expect(try engine.coverage(clientID: "acme", syncID: "orders").latest.keys.sorted() == imported)
    }

    @Test func missingOnlyRunCompletesCanceledWork() throws {
        let fixture = try WorkspaceFixture(firstDay: threeDaysAgo, rowsPerDay: 3)
        try fixture.folder.remove("data/orders/\(threeDaysAgo.next).csv")
        let engine = try fixture.openEngine()
        let failed = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        _ = engine.waitUntilFinished(failed.id)

        try fixture.writeOrders(for: threeDaysAgo.next, rows: 3)
        let range = DayRange(threeDaysAgo, WorkspaceFixture.yesterday)!
        let rerun = try engine.start(clientID: "acme", syncID: "orders", request: .dateRange(range, .missingOnly),
                                     confirmed: false, operatorName: "ops")
        let execution = try #require(engine.waitUntilFinished(rerun.id))

        #expect(execution.status == .finished)
        #expect(execution.plannedDays.count == 2)
        #expect(try fixture.destinationRowCount() == 9)
    }

    @Test func snapshotSyncImportsWholeFile() throws {
        let fixture = try WorkspaceFixture(firstDay: threeDaysAgo)
        let engine = try fixture.openEngine()

        let started = try engine.start(clientID: "acme", syncID: "customers", request: .default, confirmed: false, operatorName: "ops")
        let execution = try #require(engine.waitUntilFinished(started.id))

        #expect(execution.status == .finished)
        #expect(execution.progress.unitsDone == 1)
        #expect(try fixture.destinationRowCount(table: "customers") == 2)
    }
}
