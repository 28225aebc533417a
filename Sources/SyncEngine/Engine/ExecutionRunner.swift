import Foundation
import SyncModel
import SyncStore

/// Runs one execution on the calling thread, from its first day to its final status.
///
/// Each day is read, checked and written as a whole; the ledger entry follows the commit.
/// Finished days are committed together four times a second, because each durable commit waits
/// for the disk. A cancel or a failure rolls back the current day only and commits the days
/// finished before it, so they stay imported and no day is ever partly written.
final class ExecutionRunner {
    private var execution: Execution
    private let sync: SyncDefinition
    private let workspace: Workspace
    private let store: any StateStore
    private let connectors: any ConnectorFactory
    private let cancellation: CancellationFlag
    private let publish: (ExecutionEvent) -> Void
    private let now: () -> Date
    private var lastPublished = Date.distantPast
    private var lastSaved = Date.distantPast

    /// How often progress is reported while a day is being read.
    private static let progressInterval: TimeInterval = 0.2
    /// How often progress is saved to the store while days complete.
    private static let saveInterval: TimeInterval = 1
    /// How long finished days wait for a commit, in seconds: a year of small days commits a few
    /// dozen times rather than 365 times, and a crash loses at most this much work.
    private static let commitInterval: TimeInterval = 0.25

    /// Days finished in the destination and waiting for its next commit, in order.
    private var uncommittedDays: [(index: Int, day: Day?, counts: UnitCounts)] = []
    private var lastCommit = Date.distantPast

    init(execution: Execution, sync: SyncDefinition, workspace: Workspace, store: any StateStore,
         connectors: any ConnectorFactory, cancellation: CancellationFlag,
         now: @escaping () -> Date, publish: @escaping (ExecutionEvent) -> Void) {
        self.execution = execution
        self.sync = sync
        self.workspace = workspace
        self.store = store
        self.connectors = connectors
        self.cancellation = cancellation
        self.now = now
        self.publish = publish
    }

    /// Runs the execution and returns it in its final state.
    func run() -> Execution {
        begin()

        do {
            let source = try connectors.makeSource(for: sync, in: workspace)
            let destination = try connectors.makeDestination(for: sync, in: workspace)
            defer { destination.close() }
            try destination.prepare()
            try importUnits(from: source, into: destination)
            finish()
        } catch let failure as ExecutionFailure {
            fail(failure)
        } catch {
            fail(ExecutionFailure(.technical, "unexpected error: \(error)",
                                  hint: "Check the log of this execution, then retry it.", day: currentDay))
        }
        return execution
    }

    // MARK: - Steps

    private func begin() {
        execution.status = .inProgress
        execution.startedAt = now()
        execution.progress.unitsTotal = execution.plannedDays.isEmpty && !sync.supportsPeriods ? 1 : execution.plannedDays.count
        execution.progress.days = execution.plannedDays.map { DayProgress(day: $0) }
        save()

        let confirmation = execution.confirmed ? ", re-import confirmed" : ""
        log(.info, "started by \(execution.operatorName): \(execution.request.summary)\(confirmation)")
        if let original = execution.retryOf {
            log(.info, "retry of #\(original): imports only what #\(original) did not complete")
        }
        if sync.supportsPeriods {
            let span = execution.plannedDays.isEmpty ? "no missing days" : describe(execution.plannedDays)
            log(.info, "plan: \(span)")
        } else {
            log(.info, "plan: import the snapshot")
        }
    }

    private func importUnits(from source: any RecordSource, into destination: any Destination) throws {
        let units: [Day?] = sync.supportsPeriods ? execution.plannedDays.map { $0 } : [nil]
        let pipeline = RecordPipeline(units: units, source: source, schema: sync.schema,
                                      timeZone: workspace.client(id: execution.clientID)?.timeZone,
                                      cancellation: cancellation)
        pipeline.start()
        defer { pipeline.stop() }

        lastCommit = now()
        do {
            try writeUnits(from: pipeline, into: destination)
        } catch {
            // The days finished before the failing one stay imported, as they would have if
            // each had committed alone.
            pipeline.stop()
            do {
                try commitFinishedDays(destination)
            } catch {
                log(.error, "\(error)")
            }
            throw error
        }
        currentDay = nil
        try commitFinishedDays(destination)
    }

    /// A day being written: its place in the plan, its batch and its counts so far.
    private struct OpenUnit {
        let index: Int
        let day: Day?
        let batch: any DestinationBatch
        var counts = UnitCounts()
    }

    /// Writes the records that `pipeline` reads, day by day, until the plan is done, a cancel
    /// stops it, or a day fails.
    private func writeUnits(from pipeline: RecordPipeline, into destination: any Destination) throws {
        var open: OpenUnit?
        while let message = pipeline.next() {
            switch message {
            case .logged(let level, let text):
                log(level, text)

            case .dayStarted(let index, let day):
                if cancellation.isCanceled {
                    return
                }
                currentDay = day
                setDayState(index, .running)
                publishUpdate(force: true)
                do {
                    open = OpenUnit(index: index, day: day, batch: try destination.begin(day: day, executionID: execution.id))
                } catch {
                    setDayState(index, .failed)
                    throw error
                }

            case .records(let items):
                guard var unit = open else { continue }
                do {
                    try write(items, into: &unit)
                } catch {
                    abandon(unit, state: .failed)
                    throw error
                }
                if cancellation.isCanceled {
                    abandonCanceled(unit)
                    return
                }
                open = unit
                updateDayCounts(unit.index, unit.counts)
                publishUpdate(force: false)

            case .dayEnded:
                guard let unit = open else { continue }
                open = nil
                if cancellation.isCanceled {
                    abandonCanceled(unit)
                    return
                }
                try finishUnit(unit, destination)

            case .failed(let error):
                // The day's batch is open: `dayStarted` always comes first and begins it.
                if let unit = open {
                    abandon(unit, state: .failed)
                }
                throw error
            }
        }
        // The reading stopped within a day: only a cancel does that.
        if let unit = open {
            abandonCanceled(unit)
        }
    }

    private func write(_ items: [RecordPipeline.CheckedItem], into unit: inout OpenUnit) throws {
        for item in items {
            unit.counts.read += 1
            execution.progress.recordsRead += 1
            switch item {
            case .valid(let record):
                try unit.batch.write(record)
                unit.counts.written += 1
            case .rejected(let issue):
                reject(issue, counts: &unit.counts)
            }
        }
    }

    /// Ends the day in the destination and commits the finished days when their time has come.
    private func finishUnit(_ unit: OpenUnit, _ destination: any Destination) throws {
        do {
            try unit.batch.finish()
        } catch {
            abandon(unit, state: .failed)
            throw error
        }
        // The day stays shown as running until its commit.
        updateDayCounts(unit.index, unit.counts)
        uncommittedDays.append((unit.index, unit.day, unit.counts))
        if now().timeIntervalSince(lastCommit) >= ExecutionRunner.commitInterval {
            try commitFinishedDays(destination)
        }
    }

    private func abandonCanceled(_ unit: OpenUnit) {
        abandon(unit, state: .skipped)
        log(.info, "\(unitName(unit.day)): canceled while importing; its rows were rolled back")
    }

    /// Rolls the day's rows back and shows it with nothing written.
    private func abandon(_ unit: OpenUnit, state: DayProgress.State) {
        unit.batch.rollback()
        updateDayCounts(unit.index, unit.counts)
        discardDayCounts(unit.index)
        setDayState(unit.index, state)
    }

    /// Commits the finished days, then records each in the ledger and shows it imported.
    private func commitFinishedDays(_ destination: any Destination) throws {
        lastCommit = now()
        guard !uncommittedDays.isEmpty else { return }
        let days = uncommittedDays
        uncommittedDays = []
        do {
            try destination.commitFinishedDays()
        } catch {
            for finished in days {
                discardDayCounts(finished.index)
                setDayState(finished.index, .failed)
            }
            throw error
        }
        for finished in days {
            try recordImport(finished.day, counts: finished.counts)
            completeUnit(finished.index, day: finished.day, counts: finished.counts)
        }
    }

    private func reject(_ issue: RecordIssue, counts: inout UnitCounts) {
        counts.rejected += 1
        execution.progress.recordsRejected += 1
        execution.warnings.add(issue)
    }

    private func recordImport(_ day: Day?, counts: UnitCounts) throws {
        guard let day else { return }
        let entry = LedgerEntry(clientID: execution.clientID, syncID: execution.syncID, day: day,
                                executionID: execution.id, importedAt: now(), records: counts.written)
        do {
            try store.recordImport(entry)
        } catch {
            // The rows are committed and the destination records the import, so recovery can
            // restore this entry. The execution still stops, because the ledger must not lag.
            throw ExecutionFailure(.technical, "the rows of \(day) were written but the ledger could not record them: \(error)",
                                   hint: "Restart SyncDeck: it restores the ledger from the destination. Then retry.",
                                   day: day)
        }
    }

    private func completeUnit(_ index: Int, day: Day?, counts: UnitCounts) {
        updateDayCounts(index, counts)
        setDayState(index, .imported)
        execution.progress.unitsDone += 1
        execution.progress.recordsWritten += counts.written
        saveProgress()

        let rejected = counts.rejected > 0 ? ", \(counts.rejected) rejected" : ""
        log(counts.rejected > 0 ? .warning : .info,
            "\(unitName(day)): \(counts.read) records read, \(counts.written) written\(rejected)")
        if counts.read == 0 {
            log(.warning, "\(unitName(day)): the source has no records")
        } else if counts.written == 0 {
            log(.warning, "\(unitName(day)): every record was rejected, so nothing was imported")
        }
    }

    private func finish() {
        if cancellation.isCanceled {
            markRemainingDays(.skipped)
            end(.canceled)
            let done = execution.progress.days.filter { $0.state == .imported }.map(\.day)
            log(.info, "canceled by request; days completed: \(done.isEmpty ? "none" : describe(done))")
            return
        }

        let status: ExecutionStatus = execution.warnings.isEmpty ? .finished : .finishedWithWarnings
        end(status)
        let progress = execution.progress
        log(status == .finished ? .info : .warning,
            "\(status.label()): \(progress.recordsWritten) records written, \(progress.recordsRejected) rejected")
    }

    private func fail(_ failure: ExecutionFailure) {
        // A day still marked running failed with the execution, whatever step threw.
        for index in execution.progress.days.indices where execution.progress.days[index].state == .running {
            execution.progress.days[index].state = .failed
        }
        markRemainingDays(.skipped)
        execution.failure = failure
        end(.error)
        log(.error, failure.description)
    }

    private func end(_ status: ExecutionStatus) {
        execution.status = status
        execution.finishedAt = now()
        save()
    }

    // MARK: - Progress

    private var currentDay: Day?

    private struct UnitCounts {
        var read = 0
        var written = 0
        var rejected = 0
    }

    private func setDayState(_ index: Int, _ state: DayProgress.State) {
        guard execution.progress.days.indices.contains(index) else { return }
        execution.progress.days[index].state = state
    }

    private func updateDayCounts(_ index: Int, _ counts: UnitCounts) {
        guard execution.progress.days.indices.contains(index) else { return }
        execution.progress.days[index].recordsRead = counts.read
        execution.progress.days[index].recordsWritten = counts.written
        execution.progress.days[index].recordsRejected = counts.rejected
    }

    /// Shows a rolled-back day with nothing written, since none of its rows stayed.
    private func discardDayCounts(_ index: Int) {
        guard execution.progress.days.indices.contains(index) else { return }
        execution.progress.days[index].recordsWritten = 0
    }

    private func markRemainingDays(_ state: DayProgress.State) {
        for index in execution.progress.days.indices where execution.progress.days[index].state == .pending {
            execution.progress.days[index].state = state
        }
    }

    private func publishUpdate(force: Bool) {
        let time = now()
        guard force || time.timeIntervalSince(lastPublished) >= ExecutionRunner.progressInterval else { return }
        lastPublished = time
        publish(.updated(execution))
    }

    /// Saves the progress after a completed day at most once a second: saving encodes every
    /// day's progress, so saving after each of many short days grows with the square of their
    /// number. The ledger, not this progress, records what was imported, and observers still get
    /// every day.
    private func saveProgress() {
        let time = now()
        let isLast = execution.progress.unitsDone >= execution.progress.unitsTotal
        guard isLast || time.timeIntervalSince(lastSaved) >= ExecutionRunner.saveInterval else {
            publishUpdate(force: true)
            return
        }
        save()
    }

    private func save() {
        lastSaved = now()
        // The engine shows CANCELING as soon as cancel is requested; progress saved later keeps it.
        if cancellation.isCanceled && !execution.status.isFinal {
            execution.status = .canceling
        }
        do {
            try store.saveExecution(execution)
        } catch {
            // The execution goes on; its final state is saved again at the end.
            publish(.logged(LogLine(executionID: execution.id, sequence: 0, time: now(), level: .error,
                                    message: "could not save the execution's state: \(error)")))
        }
        publishUpdate(force: true)
    }

    private func log(_ level: LogLine.Level, _ message: String) {
        do {
            let line = try store.appendLog(executionID: execution.id, level: level, message: message, time: now())
            publish(.logged(line))
        } catch {
            publish(.logged(LogLine(executionID: execution.id, sequence: 0, time: now(), level: level, message: message)))
        }
    }

    private func unitName(_ day: Day?) -> String {
        day.map(\.description) ?? "snapshot"
    }

    private func describe(_ days: [Day]) -> String {
        guard let first = days.first, let last = days.last else { return "no days" }
        if days.count == 1 { return "1 day, \(first)" }
        return "\(days.count) days, \(first) to \(last)"
    }
}
