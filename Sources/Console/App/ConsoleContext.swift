import Foundation
import SyncEngine
import SyncModel
import SyncStore

/// The state every screen reads and changes: the engine, the operator, the live executions and the
/// message of the status line.
public final class ConsoleContext {
    public let engine: ExecutionEngine
    public let operatorName: String
    public var executions: LiveExecutions
    /// Whether the terminal shows Unicode glyphs; set by each render.
    public var unicode = true
    /// A message for the status line, shown until the next key.
    public var notice: StyledSpan?
    /// Executions the operator asked to cancel; they show `CANCELING` until the engine reports
    /// their end, even before the engine's own `CANCELING` event arrives.
    var cancelRequested: Set<ExecutionID> = []
    private var coverageCache: [String: LedgerCoverage] = [:]
    let now: () -> Date

    init(engine: ExecutionEngine, operatorName: String, now: @escaping () -> Date) {
        self.engine = engine
        self.operatorName = operatorName
        self.now = now
        self.executions = LiveExecutions()
    }

    /// Loads the newest executions, or leaves an error notice that explains what to do.
    func loadExecutions() {
        do {
            executions = LiveExecutions(try engine.executions(ExecutionQuery(limit: LiveExecutions.initialLimit)))
        } catch {
            report(error, doing: "reading the executions")
        }
    }

    /// Reads execution `id` from the store when the live list lacks it, as for an execution
    /// paged in from older history, so that its details can be shown and kept current.
    func ensureLoaded(_ id: ExecutionID) {
        guard executions.execution(id: id) == nil else { return }
        do {
            if let execution = try engine.execution(id: id) {
                executions.update(execution)
            }
        } catch {
            report(error, doing: "reading execution #\(id)")
        }
    }

    /// Shows `error` on the status line, escaped, with what the console was doing.
    func report(_ error: Error, doing action: String) {
        let message = (error as? RequestRejection)?.message ?? String(describing: error)
        notice = StyledSpan(TerminalText.escape("Error \(action): \(message)"), .error)
    }

    /// The span of a daily sync at the console's current time.
    func span(of sync: SyncDefinition, in client: Client) -> DayRange? {
        sync.span(in: client.timeZone, now: now())
    }

    /// The imported days of a daily sync, read once and kept until an execution of the sync
    /// changes; an empty coverage after reporting a read error.
    func coverage(of client: Client, _ sync: SyncDefinition) -> LedgerCoverage {
        guard sync.supportsPeriods else { return LedgerCoverage(entries: []) }
        let key = "\(client.id)/\(sync.id)"
        if let cached = coverageCache[key] {
            return cached
        }
        do {
            let coverage = try engine.coverage(clientID: client.id, syncID: sync.id)
            coverageCache[key] = coverage
            return coverage
        } catch {
            report(error, doing: "reading the ledger of \(key)")
            return LedgerCoverage(entries: [])
        }
    }

    /// Forgets the cached ledger of one sync, so the next read finds new imports.
    func invalidateCoverage(clientID: String, syncID: String) {
        coverageCache["\(clientID)/\(syncID)"] = nil
    }

    /// Takes in a changed execution: stores it and forgets the coverage of its sync, whose
    /// ledger may have grown.
    func update(_ execution: Execution) {
        executions.update(execution)
        coverageCache[execution.syncPath] = nil
        if execution.status.isFinal {
            cancelRequested.remove(execution.id)
        }
    }

    /// The status to show: `CANCELING` from the moment the operator canceled.
    func displayedStatus(of execution: Execution) -> ExecutionStatus {
        if cancelRequested.contains(execution.id), !execution.status.isFinal {
            return .canceling
        }
        return execution.status
    }

    /// Retries execution `id` and returns the new execution, or reports why it could not.
    func retry(_ execution: Execution) -> Execution? {
        guard execution.status == .error || execution.status == .canceled else {
            notice = StyledSpan("Execution #\(execution.id) is \(execution.status.label(unicode: unicode)); only an ERROR or CANCELED execution can be retried", .error)
            return nil
        }
        do {
            let retried = try engine.retry(execution.id, operatorName: operatorName)
            update(retried)
            notice = StyledSpan("Started execution #\(retried.id), retrying #\(execution.id)", .hint)
            return retried
        } catch {
            report(error, doing: "retrying execution #\(execution.id)")
            return nil
        }
    }

    /// The question to ask before retrying, naming what the retry will import, or `nil` after
    /// reporting why the execution cannot be retried.
    func retryPrompt(for execution: Execution) -> ConsolePrompt? {
        let plan: (execution: Execution, days: [Day]?)
        do {
            plan = try engine.retryPlan(execution.id)
        } catch {
            report(error, doing: "retrying execution #\(execution.id)")
            return nil
        }

        let what = plan.days.map { retriedDaysText($0, of: execution) } ?? replannedText(of: execution)
        let message = "Retry execution #\(execution.id) of \(execution.syncPath) (\(execution.request.summary))? It \(what)"
        return ConsolePrompt(title: "Retry execution", message: TerminalText.escape(message), action: .retryExecution(execution.id))
    }

    /// Describes what a retry limited to `days` imports, and what the write mode does to them.
    private func retriedDaysText(_ days: [Day], of execution: Execution) -> String {
        let sync = try? engine.workspace.sync(clientID: execution.clientID, syncID: execution.syncID).1
        let effect = sync.map { " Its confirmation still applies: \($0.destination.writeMode.reimportEffect)." } ?? ""
        return "imports only the \(DisplayFormat.count(days.count, "day")) it did not complete: \(DisplayFormat.days(days)).\(effect)"
    }

    /// Describes what a retry that plans its days again from the ledger imports now.
    private func replannedText(of execution: Execution) -> String {
        guard let plan = try? engine.plan(clientID: execution.clientID, syncID: execution.syncID, request: execution.request) else {
            return "plans its days again from the ledger, so only days still missing are imported."
        }
        if plan.isSnapshot {
            return "imports the snapshot again."
        }
        if plan.days.isEmpty {
            return "plans its days again from the ledger, which has no missing day now, so it imports nothing."
        }
        return "plans its days again from the ledger and imports the \(DisplayFormat.count(plan.days.count, "day")) still missing: \(DisplayFormat.days(plan.days))."
    }

    /// The question to ask before canceling, or `nil` after reporting why it cannot be canceled.
    func cancelPrompt(for execution: Execution) -> ConsolePrompt? {
        guard displayedStatus(of: execution).isCancelable else {
            notice = StyledSpan("Execution #\(execution.id) is \(displayedStatus(of: execution).label(unicode: unicode)); there is nothing to cancel", .error)
            return nil
        }
        guard engine.isActiveHere(execution.id) else {
            notice = StyledSpan("Execution #\(execution.id) runs in another SyncDeck process; cancel it there (Ctrl-C in its terminal)", .error)
            return nil
        }
        let message = "Cancel execution #\(execution.id) of \(execution.syncPath) (\(execution.request.summary))? The day being imported is rolled back; days already imported stay."
        return ConsolePrompt(title: "Cancel execution", message: TerminalText.escape(message), action: .cancelExecution(execution.id))
    }

    /// Asks the engine to cancel `id` and shows it as canceling.
    func cancel(_ id: ExecutionID) {
        cancelRequested.insert(id)
        engine.cancel(id)
        notice = StyledSpan("Canceling execution #\(id)", .hint)
    }
}
