import SyncModel
import SyncStore

/// Planning the dialog's request with the engine, and the calendar marks from the ledger.
extension PlayDialog {
    /// Asks the engine what the current request would do.
    ///
    /// A confirmation is for one exact set of days, so any change of the request clears it.
    mutating func replan(context: ConsoleContext) {
        let previous = plan
        startError = nil
        switch request {
        case .failure(let rejection):
            plan = .failure(rejection)
        case .success(let request):
            do {
                plan = .success(try context.engine.plan(clientID: client.id, syncID: sync.id, request: request))
            } catch let rejection as RequestRejection {
                plan = .failure(rejection)
            } catch {
                plan = .failure(RequestRejection(.unknownSync, String(describing: error)))
            }
        }
        if case .success(let plan) = plan, let span = plan.span {
            self.span = span
            marks.span = span
        }
        if previous != plan {
            confirmed = false
        }
        if !controls.contains(focus) {
            focus = .execute
        }
    }

    /// How many of the sync's newest executions the calendar reads for running and failed days.
    static let markedExecutionLimit = 200

    /// Reads the imported days from the ledger and the running and failed days from the newest
    /// executions of this sync: a day is failed when the latest execution that reached it failed
    /// on it, and running while a running execution imports it.
    mutating func refreshMarks(context: ConsoleContext) {
        guard sync.supportsPeriods else { return }
        context.invalidateCoverage(clientID: client.id, syncID: sync.id)
        let coverage = context.coverage(of: client, sync)
        marks.imported = Set(coverage.latest.keys)
        var running: Set<Day> = []
        var failed: Set<Day> = []
        for execution in recentExecutions(context: context).reversed() {
            for progress in execution.progress.days {
                switch progress.state {
                case .running where !execution.status.isFinal: running.insert(progress.day)
                case .failed: failed.insert(progress.day)
                case .imported: failed.remove(progress.day)
                default: break
                }
            }
        }
        marks.running = running
        marks.failed = failed
    }

    /// The newest executions of this sync, newest first: from the store, with the live copies
    /// of the console taking precedence since events may be newer than the last save, and the
    /// live ones the store did not return yet.
    private func recentExecutions(context: ConsoleContext) -> [Execution] {
        let query = ExecutionQuery(clientID: client.id, syncID: sync.id, limit: Self.markedExecutionLimit)
        do {
            let stored = try context.engine.executions(query)
            let storedIDs = Set(stored.map(\.id))
            let liveOnly = context.executions.of(clientID: client.id, syncID: sync.id).filter { !storedIDs.contains($0.id) }
            let merged = stored.map { context.executions.execution(id: $0.id) ?? $0 } + liveOnly
            return merged.sorted { $0.id > $1.id }
        } catch {
            context.report(error, doing: "reading the executions of \(client.id)/\(sync.id)")
            return context.executions.of(clientID: client.id, syncID: sync.id)
        }
    }

    /// Takes in a change of an execution of this sync: the ledger and the plan may have moved.
    mutating func executionDidChange(_ execution: Execution, context: ConsoleContext) {
        guard execution.clientID == client.id, execution.syncID == sync.id else { return }
        refreshMarks(context: context)
        let error = startError
        replan(context: context)
        startError = error
    }
}
