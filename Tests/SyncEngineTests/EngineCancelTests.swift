import Foundation
import SyncEngine
import SyncModel
import SyncStore
import Testing
import TestSupport

/// A cancel during a real import: what the engine reports and what the destination keeps.
@Suite struct EngineCancelTests {
    static let rowsPerDay = 20_000
    let firstDay = WorkspaceFixture.yesterday.adding(days: -5)

    /// Starts a default run, cancels it while its second day is being imported, and returns the
    /// execution once ended with the events it sent.
    private func cancelDuringSecondDay() throws -> (Execution, EventRecorder, WorkspaceFixture) {
        let fixture = try WorkspaceFixture(firstDay: firstDay, rowsPerDay: Self.rowsPerDay)
        let engine = try fixture.openEngine()
        let recorder = EventRecorder()
        engine.addObserver(recorder)
        let started = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "ops")
        recorder.waitForUpdate { $0.id == started.id && $0.progress.days.count > 1 && $0.progress.days[1].state == .running }
        engine.cancel(started.id)
        return (try #require(engine.waitUntilFinished(started.id)), recorder, fixture)
    }

    @Test func statuses_cancelingThenCanceled() throws {
        let (execution, recorder, _) = try cancelDuringSecondDay()
        #expect(Array(recorder.statuses(of: execution.id).suffix(2)) == [.canceling, .canceled])
    }

    @Test func noDayStartsAfterCancel() throws {
        let (execution, recorder, _) = try cancelDuringSecondDay()
        let updates = recorder.updates(of: execution.id)
        let cancelIndex = try #require(updates.firstIndex { $0.status == .canceling })
        let runningAtCancel = Set(updates[cancelIndex].progress.days.filter { $0.state == .running }.map(\.day))

        for update in updates[cancelIndex...] {
            let running = Set(update.progress.days.filter { $0.state == .running }.map(\.day))
            #expect(running.isSubset(of: runningAtCancel), "day \(running.subtracting(runningAtCancel)) started after the cancel")
        }
    }

    @Test func log_namesCompletedDays() throws {
        let (execution, recorder, _) = try cancelDuringSecondDay()
        let imported = execution.progress.days.filter { $0.state == .imported }.map(\.day)
        let expected = imported.count == 1 ? "1 day, \(imported[0])" : "\(imported.count) days, \(imported[0]) to \(imported[imported.count - 1])"

        let last = recorder.logLines(of: execution.id).last?.message
        #expect(last == "canceled by request; days completed: \(expected)")
    }

    @Test func unfinishedDays_areSkippedAndEmpty() throws {
        let (execution, _, fixture) = try cancelDuringSecondDay()
        for day in execution.progress.days where day.state != .imported {
            #expect(day.state == .skipped)
            #expect(try fixture.destinationRowCount(day: day.day) == 0)
        }
    }
}
