import Foundation
import SyncModel
import SyncStore

/// Runs the executions of one workspace in the background and reports every change to its
/// observers.
///
/// Each execution runs on a thread of its own with its own store connection. Two executions of
/// the same sync never run at once: in one engine the second waits as `QUEUED`, and a sync
/// that another process runs is refused, through a lock kept in the state store. All methods
/// may be called from any thread.
public final class ExecutionEngine: @unchecked Sendable {
    public let workspace: Workspace
    let store: any StateStore
    let connectors: any ConnectorFactory
    let now: @Sendable () -> Date
    /// The login and SSH address of this process, recorded with every execution it starts.
    let identity: OperatorIdentity

    private let lock = NSCondition()
    private var observers: [ObjectIdentifier: any ExecutionObserver] = [:]
    /// Executions of this engine that have not ended, by id.
    private var active: [ExecutionID: ActiveExecution] = [:]
    /// Queued executions per sync path, in the order they were requested.
    private var queues: [String: [ExecutionID]] = [:]
    /// The execution running per sync path.
    private var running: [String: ExecutionID] = [:]

    private struct ActiveExecution {
        var execution: Execution
        let cancellation: CancellationFlag
    }

    /// Opens the engine, marks executions left running by a dead process as interrupted, and
    /// completes the ledger from the destinations' own records of committed days.
    ///
    /// - Parameter connectors: builds sources and destinations; the default reads files and writes SQLite.
    /// - Parameter identity: the login and SSH address recorded with each execution; the
    ///   current process's by default.
    public init(workspace: Workspace, store: any StateStore, connectors: (any ConnectorFactory)? = nil,
                identity: OperatorIdentity = .current(), now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.workspace = workspace
        self.store = store
        self.connectors = connectors ?? StandardConnectors()
        self.identity = identity
        self.now = now
        try recoverInterruptedExecutions()
        reconcileLedgers()
    }

    // MARK: - Observers

    public func addObserver(_ observer: any ExecutionObserver) {
        lock.lock()
        observers[ObjectIdentifier(observer)] = observer
        lock.unlock()
    }

    public func removeObserver(_ observer: any ExecutionObserver) {
        lock.lock()
        observers[ObjectIdentifier(observer)] = nil
        lock.unlock()
    }

    // MARK: - Planning

    /// Returns what `request` would import on the sync, without running anything.
    ///
    /// - Throws: `RequestRejection` for an unknown sync or days outside its span.
    public func plan(clientID: String, syncID: String, request: ExecutionRequest) throws -> ExecutionPlan {
        let (client, sync) = try workspace.sync(clientID: clientID, syncID: syncID)
        let coverage = try self.coverage(clientID: clientID, syncID: syncID)
        return try ExecutionPlanner.plan(request, for: sync, span: sync.span(in: client.timeZone, now: now()),
                                         coverage: coverage)
    }

    /// Returns the latest ledger entry of each imported day of a sync.
    public func coverage(clientID: String, syncID: String) throws -> LedgerCoverage {
        LedgerCoverage(entries: try store.ledger(clientID: clientID, syncID: syncID))
    }

    // MARK: - Starting and stopping

    /// Starts an execution, or queues it behind a running execution of the same sync.
    ///
    /// - Parameter confirmed: whether the operator confirmed a re-import; required when the plan
    ///   requires it.
    /// - Throws: `RequestRejection`, with reason `confirmationRequired` when a needed confirmation
    ///   is missing, or `syncBusy` naming the execution when another process runs the sync;
    ///   nothing is started then.
    @discardableResult
    public func start(clientID: String, syncID: String, request: ExecutionRequest, confirmed: Bool,
                      operatorName: String) throws -> Execution {
        try start(clientID: clientID, syncID: syncID, request: request, confirmed: confirmed,
                  operatorName: operatorName, retryOf: nil)
    }

    /// Starts again the part of execution `id` that did not complete, for `operatorName`.
    ///
    /// A retry never imports a day twice by accident. A default or missing-only request is
    /// planned again from the ledger. A single date or re-import-all range imports only the
    /// days the original execution did not complete, under the original's confirmation.
    ///
    /// - Throws: `RequestRejection` when the execution does not exist, has not ended, finished,
    ///   or left no day to import.
    @discardableResult
    public func retry(_ id: ExecutionID, operatorName: String) throws -> Execution {
        let (original, days) = try retryPlan(id)
        return try start(clientID: original.clientID, syncID: original.syncID, request: original.request,
                         confirmed: original.confirmed, operatorName: operatorName, retryOf: id, days: days)
    }

    /// Returns execution `id` and the days a retry of it would import, or `nil` days when the
    /// retry plans them from the ledger as its request defines.
    ///
    /// - Throws: `RequestRejection` as `retry(_:operatorName:)` does.
    public func retryPlan(_ id: ExecutionID) throws -> (execution: Execution, days: [Day]?) {
        guard let original = try store.execution(id: id) else {
            throw RequestRejection(.unknownExecution, "execution #\(id) does not exist in this workspace")
        }
        guard original.status == .error || original.status == .canceled else {
            let advice = original.status.isFinal ? "start a new execution instead" : "wait until it ends to retry it"
            throw RequestRejection(.notRetryable, "execution #\(id) is \(original.status.label()); only ERROR and CANCELED executions can be retried, so \(advice)")
        }

        switch original.request {
        case .default, .dateRange(_, .missingOnly):
            return (original, nil)
        case .singleDate, .dateRange(_, .reimportAll):
            let completed = try daysCompleted(byRetryChainOf: original)
            let remaining = original.plannedDays.filter { !completed.contains($0) }
            guard !remaining.isEmpty else {
                throw RequestRejection(.notRetryable, "execution #\(id) and its retries imported every day it planned, so a retry has nothing to import")
            }
            return (original, remaining)
        }
    }

    /// Returns `plan` limited to `days`, as a retry imports them: it needs confirmation when it
    /// is a single date or when one of those days is in the ledger.
    private func narrowed(_ plan: ExecutionPlan, to days: [Day], clientID: String, syncID: String) throws -> ExecutionPlan {
        let coverage = try self.coverage(clientID: clientID, syncID: syncID)
        var narrowed = plan
        narrowed.days = days
        narrowed.overlap = days.compactMap { coverage[$0] }
        narrowed.repeatedImports = plan.repeatedImports.filter { days.contains($0.key) }
        if case .singleDate = plan.request {
            narrowed.requiresConfirmation = true
        } else {
            narrowed.requiresConfirmation = !narrowed.overlap.isEmpty
        }
        return narrowed
    }

    /// Returns the days that `original` and every later retry of it, directly or through
    /// another retry, imported. A second retry of the same execution must not import them again.
    ///
    /// - Throws: `RequestRejection` when one of those retries has not ended yet.
    private func daysCompleted(byRetryChainOf original: Execution) throws -> Set<Day> {
        var completed = Set(original.progress.days.filter { $0.state == .imported }.map(\.day))
        var chain: Set<ExecutionID> = [original.id]
        let later = try store.executions(ExecutionQuery(clientID: original.clientID, syncID: original.syncID,
                                                        afterID: original.id, order: .oldestFirst))
        for execution in later {
            guard let retryOf = execution.retryOf, chain.contains(retryOf) else { continue }
            guard execution.status.isFinal else {
                throw RequestRejection(.notRetryable, "execution #\(execution.id) is already retrying #\(original.id) and is \(execution.status.label()); wait until it ends")
            }
            chain.insert(execution.id)
            completed.formUnion(execution.progress.days.filter { $0.state == .imported }.map(\.day))
        }
        return completed
    }

    private func start(clientID: String, syncID: String, request: ExecutionRequest, confirmed: Bool,
                       operatorName: String, retryOf: ExecutionID?, days: [Day]? = nil) throws -> Execution {
        var plan = try self.plan(clientID: clientID, syncID: syncID, request: request)
        if let days {
            plan = try narrowed(plan, to: days, clientID: clientID, syncID: syncID)
        }
        if plan.requiresConfirmation && !confirmed {
            throw RequestRejection(.confirmationRequired, confirmationMessage(plan, clientID: clientID, syncID: syncID))
        }
        // A confirmation is recorded only where one was needed, so the audit shows real re-imports.
        let confirmed = confirmed && plan.requiresConfirmation

        lock.lock()
        let path = "\(clientID)/\(syncID)"
        let waits = running[path] != nil
        let draft = ExecutionDraft(clientID: clientID, syncID: syncID, request: request, operatorName: operatorName,
                                   confirmed: confirmed, status: .queued, createdAt: now(),
                                   plannedDays: plan.days, retryOf: retryOf, owner: .current,
                                   operatorLogin: identity.login, operatorAddress: identity.address)
        var execution: Execution
        do {
            // This engine already holds the sync's lock while one of its executions runs it.
            execution = waits ? try store.createExecution(draft) : try createHoldingSync(draft)
        } catch {
            lock.unlock()
            throw error
        }
        active[execution.id] = ActiveExecution(execution: execution, cancellation: CancellationFlag())
        if !waits {
            execution.status = .inProgress
        }
        if waits {
            queues[path, default: []].append(execution.id)
        } else {
            launch(execution.id, path: path)
        }
        lock.unlock()

        if waits {
            notify(.updated(execution))
        }
        return execution
    }

    /// Asks execution `id` to stop: it becomes `CANCELING` until the current day is rolled back,
    /// then `CANCELED`. A queued execution is canceled at once. Does nothing for an execution
    /// that has ended or that another process runs.
    public func cancel(_ id: ExecutionID) {
        lock.lock()
        guard var entry = active[id], entry.execution.status.isCancelable else {
            lock.unlock()
            return
        }

        let path = entry.execution.syncPath
        let message: String
        if let position = queues[path]?.firstIndex(of: id) {
            queues[path]?.remove(at: position)
            entry.execution.status = .canceled
            entry.execution.finishedAt = now()
            // Saved before the waiters wake, so `waitUntilFinished` reads CANCELED, not QUEUED.
            save(entry.execution)
            active[id] = nil
            message = "canceled by request before it started"
            lock.broadcast()
        } else {
            entry.cancellation.cancel()
            entry.execution.status = .canceling
            active[id] = entry
            message = "cancel requested; stopping after the current record and rolling back the current day"
        }
        lock.unlock()

        // A running execution's runner saves CANCELING itself, so that no save of the engine can
        // land after the runner's final one.
        appendLog(id, .info, message)
        notify(.updated(entry.execution))
    }

    /// Cancels every execution of this engine that has not ended.
    public func cancelAll() {
        lock.lock()
        let ids = Array(active.keys)
        lock.unlock()
        // Queued executions first, so none of them starts when a running one ends.
        for id in ids.sorted(by: >) {
            cancel(id)
        }
    }

    /// Blocks until execution `id` has ended, and returns it.
    public func waitUntilFinished(_ id: ExecutionID) -> Execution? {
        lock.lock()
        while active[id] != nil {
            lock.wait()
        }
        lock.unlock()
        return try? store.execution(id: id)
    }

    /// Blocks until every execution of this engine has ended, or `timeout` seconds have passed.
    ///
    /// - Returns: whether they all ended.
    @discardableResult
    public func waitForAll(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        lock.lock()
        defer { lock.unlock() }
        while !active.isEmpty {
            if !lock.wait(until: deadline) { return active.isEmpty }
        }
        return true
    }

    /// Returns whether execution `id` runs or waits in this engine, so that `cancel(_:)` can
    /// reach it. An execution started by another process does not.
    public func isActiveHere(_ id: ExecutionID) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return active[id] != nil
    }

    /// Whether an execution of this engine has not ended yet.
    public var hasActiveExecutions: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !active.isEmpty
    }

    // MARK: - Reading state

    /// Returns executions of the workspace newest first, as the store has them.
    public func executions(_ query: ExecutionQuery) throws -> [Execution] {
        try store.executions(query)
    }

    public func execution(id: ExecutionID) throws -> Execution? {
        lock.lock()
        let live = active[id]?.execution
        lock.unlock()
        return try live ?? store.execution(id: id)
    }

    /// Returns the log lines of execution `id` after `sequence`, oldest first.
    public func logs(executionID: ExecutionID, after sequence: Int = 0, limit: Int = 1000) throws -> [LogLine] {
        try store.logs(executionID: executionID, after: sequence, limit: limit)
    }

    // MARK: - Running

    /// Starts the thread of execution `id`; called with the lock held.
    private func launch(_ id: ExecutionID, path: String) {
        guard let entry = active[id] else { return }
        running[path] = id

        let thread = Thread { [self] in
            self.run(entry.execution, cancellation: entry.cancellation, path: path)
        }
        thread.name = "syncdeck execution \(id)"
        thread.start()
    }

    private func run(_ queued: Execution, cancellation: CancellationFlag, path: String) {
        var execution = queued
        let final: Execution
        do {
            let (_, sync) = try workspace.sync(clientID: execution.clientID, syncID: execution.syncID)
            execution.plannedDays = try replannedDays(for: execution)
            let connection = try store.connect()
            let heartbeat = HeartbeatTimer(executionID: execution.id, store: connection)
            defer { heartbeat.stop() }
            let runner = ExecutionRunner(execution: execution, sync: sync, workspace: workspace, store: connection,
                                         connectors: connectors, cancellation: cancellation, now: now,
                                         publish: { [weak self] event in self?.publish(event) })
            final = runner.run()
        } catch {
            final = failBeforeStart(execution, error: error)
        }
        finished(final, path: path)
    }

    /// Plans a queued execution again when it starts, since the ledger may have changed while it
    /// waited: a default run queued behind another default run then imports nothing twice.
    private func replannedDays(for execution: Execution) throws -> [Day] {
        switch execution.request {
        case .default, .dateRange(_, .missingOnly):
            return try plan(clientID: execution.clientID, syncID: execution.syncID, request: execution.request).days
        case .singleDate, .dateRange(_, .reimportAll):
            return execution.plannedDays
        }
    }

    private func failBeforeStart(_ execution: Execution, error: Error) -> Execution {
        var failed = execution
        failed.status = .error
        failed.startedAt = failed.startedAt ?? now()
        failed.finishedAt = now()
        if let failure = error as? ExecutionFailure {
            failed.failure = failure
        } else if let rejection = error as? RequestRejection {
            failed.failure = ExecutionFailure(.configuration, rejection.message,
                                              hint: "Fix the workspace file or the request, then start a new execution.")
        } else {
            failed.failure = ExecutionFailure(.technical, "could not start: \(error)",
                                              hint: "Check that the state database is writable, then retry.")
        }
        save(failed)
        appendLog(failed.id, .error, failed.failure?.description ?? "could not start")
        return failed
    }

    private func finished(_ execution: Execution, path: String) {
        lock.lock()
        active[execution.id] = nil
        running[path] = nil
        var next: ExecutionID?
        if var queue = queues[path], !queue.isEmpty {
            next = queue.removeFirst()
            queues[path] = queue.isEmpty ? nil : queue
        }
        // The lock row follows the running execution, so heartbeats and messages name it.
        if let next {
            try? store.passSyncLock(clientID: execution.clientID, syncID: execution.syncID, from: execution.id, to: next)
            launch(next, path: path)
        } else {
            try? store.releaseSyncLock(clientID: execution.clientID, syncID: execution.syncID, executionID: execution.id)
        }
        lock.broadcast()
        lock.unlock()
        notify(.updated(execution))
    }

    private func publish(_ event: ExecutionEvent) {
        if case .updated(let execution) = event {
            lock.lock()
            if var entry = active[execution.id] {
                // A cancel that arrived while the runner reported progress must stay visible.
                let canceling = entry.execution.status == .canceling && !execution.status.isFinal
                entry.execution = execution
                if canceling { entry.execution.status = .canceling }
                active[execution.id] = entry
                lock.unlock()
                notify(.updated(entry.execution))
                return
            }
            lock.unlock()
        }
        notify(event)
    }

    private func notify(_ event: ExecutionEvent) {
        lock.lock()
        let current = Array(observers.values)
        lock.unlock()
        for observer in current {
            observer.executionDidChange(event)
        }
    }

    private func save(_ execution: Execution) {
        try? store.saveExecution(execution)
    }

    private func appendLog(_ id: ExecutionID, _ level: LogLine.Level, _ message: String) {
        if let line = try? store.appendLog(executionID: id, level: level, message: message, time: now()) {
            notify(.logged(line))
        }
    }

    private func confirmationMessage(_ plan: ExecutionPlan, clientID: String, syncID: String) -> String {
        if plan.overlap.isEmpty {
            return "a single-date execution of \(clientID)/\(syncID) re-imports \(plan.days.first.map(\.description) ?? "the day") as if nothing had been imported; confirm it with the client, then confirm the request"
        }
        let days = plan.overlap.prefix(5).map { "\($0.day) (\($0.records) records)" }.joined(separator: ", ")
        let more = plan.overlap.count > 5 ? " and \(plan.overlap.count - 5) more" : ""
        let repeated = plan.repeatedImportsNote.map { "; \($0)" } ?? ""
        let effect = (try? workspace.sync(clientID: clientID, syncID: syncID).1).map { "; \($0.destination.writeMode.reimportEffect)" } ?? ""
        return "\(clientID)/\(syncID) already holds \(plan.overlap.count) of these days: \(days)\(more)\(repeated)\(effect); confirm with the client that a re-import is safe, then confirm the request"
    }
}
