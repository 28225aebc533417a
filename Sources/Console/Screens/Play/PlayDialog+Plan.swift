import SyncModel

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

    /// Reads the imported days from the ledger and the running and failed days from the live
    /// executions of this sync.
    mutating func refreshMarks(context: ConsoleContext) {
        guard sync.supportsPeriods else { return }
        context.invalidateCoverage(clientID: client.id, syncID: sync.id)
        let coverage = context.coverage(of: client, sync)
        marks.imported = Set(coverage.latest.keys)
        var running: Set<Day> = []
        var failed: Set<Day> = []
        for execution in context.executions.of(clientID: client.id, syncID: sync.id).reversed() {
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

    /// Takes in a change of an execution of this sync: the ledger and the plan may have moved.
    mutating func executionDidChange(_ execution: Execution, context: ConsoleContext) {
        guard execution.clientID == client.id, execution.syncID == sync.id else { return }
        refreshMarks(context: context)
        let error = startError
        replan(context: context)
        startError = error
    }
}
