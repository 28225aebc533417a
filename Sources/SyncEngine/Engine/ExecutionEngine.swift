import Foundation
import SyncModel
import SyncStore

/// Runs the executions of one workspace in the background and reports every change to its
/// observers.
///
/// All methods may be called from any thread.
public final class ExecutionEngine: @unchecked Sendable {
    public let workspace: Workspace

    /// Opens the engine and marks executions left running by a dead process as interrupted.
    public init(workspace: Workspace, store: any StateStore, now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.workspace = workspace
    }

    public func addObserver(_ observer: any ExecutionObserver) {}

    public func removeObserver(_ observer: any ExecutionObserver) {}

    /// Returns what `request` would import on the sync, without running anything.
    ///
    /// - Throws: `RequestRejection` for an unknown sync or days outside its span.
    public func plan(clientID: String, syncID: String, request: ExecutionRequest) throws -> ExecutionPlan {
        throw RequestRejection(.unknownSync, "not built yet")
    }

    /// Returns the latest ledger entry of each imported day of a daily sync.
    public func coverage(clientID: String, syncID: String) throws -> LedgerCoverage {
        LedgerCoverage(entries: [])
    }

    /// Starts an execution, or queues it behind a running execution of the same sync.
    ///
    /// - Parameter confirmed: whether the operator confirmed a re-import; required when the plan
    ///   says so.
    /// - Throws: `RequestRejection`, with reason `confirmationRequired` when a needed confirmation
    ///   is missing; nothing is started then.
    @discardableResult
    public func start(clientID: String, syncID: String, request: ExecutionRequest, confirmed: Bool,
                      operatorName: String) throws -> Execution {
        throw RequestRejection(.unknownSync, "not built yet")
    }

    /// Starts the request of execution `id` again, with its confirmation, for `operatorName`.
    @discardableResult
    public func retry(_ id: ExecutionID, operatorName: String) throws -> Execution {
        throw RequestRejection(.unknownSync, "not built yet")
    }

    /// Asks execution `id` to stop: it becomes `CANCELING` until the current day is rolled back,
    /// then `CANCELED`. A queued execution is canceled at once.
    public func cancel(_ id: ExecutionID) {}

    /// Cancels every execution that has not ended.
    public func cancelAll() {}

    /// Blocks until execution `id` has ended, and returns it.
    public func waitUntilFinished(_ id: ExecutionID) -> Execution? { nil }

    /// Blocks until every execution started by this engine has ended, or `timeout` has passed.
    @discardableResult
    public func waitForAll(timeout: TimeInterval) -> Bool { true }

    /// Whether an execution of this engine has not ended yet.
    public var hasActiveExecutions: Bool { false }

    /// Returns the newest executions of the workspace, newest first.
    public func executions(_ query: ExecutionQuery) throws -> [Execution] { [] }

    public func execution(id: ExecutionID) throws -> Execution? { nil }

    /// Returns the log lines of execution `id` after `sequence`, oldest first.
    public func logs(executionID: ExecutionID, after sequence: Int = 0, limit: Int = 1000) throws -> [LogLine] { [] }
}
