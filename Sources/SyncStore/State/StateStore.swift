import Foundation
import SyncModel

/// The state of a workspace: executions, the import ledger and execution logs.
///
/// The engine and the console reach the state only through this protocol. SQLite is the
/// embedded implementation; nothing above the store may assume it, so a store shared by
/// several hosts can take its place.
///
/// A store instance may be used from several threads; implementations serialise their calls.
public protocol StateStore: AnyObject, Sendable {
    /// Opens another handle to the same state, for a worker that should not wait on this one.
    func connect() throws -> any StateStore

    // MARK: Executions

    /// Stores a new execution and returns it with its assigned id.
    func createExecution(_ draft: ExecutionDraft) throws -> Execution

    /// Saves everything that can change in `execution`: status, timestamps, plan, progress,
    /// warnings and failure.
    func saveExecution(_ execution: Execution) throws

    func execution(id: ExecutionID) throws -> Execution?

    /// Returns executions filtered by `query`, newest first unless its order is `.oldestFirst`.
    func executions(_ query: ExecutionQuery) throws -> [Execution]

    /// Records now as the last sign of life of execution `id`'s process, on the execution and
    /// on the sync lock it holds. The runner calls it every few seconds.
    func recordHeartbeat(executionID: ExecutionID) throws

    /// Marks as `ERROR` every execution that is not final and whose owning process is gone,
    /// and returns them.
    ///
    /// - Parameter isOwnerAlive: returns whether the process that owns an execution still runs.
    func recoverInterrupted(isOwnerAlive: (ExecutionOwner) -> Bool) throws -> [Execution]

    // MARK: Sync locks

    /// Stores a new execution and makes it the holder of its sync's lock, in one transaction,
    /// unless a live process holds that lock.
    ///
    /// A process holds the lock while it has an execution of the sync that has not ended. A
    /// lock whose process is gone, or whose executions have all ended, is taken over.
    ///
    /// - Parameter isOwnerAlive: returns whether the process that holds the lock still runs.
    /// - Returns: the stored execution, or the holder of the lock when nothing was stored.
    func createExecutionHoldingSync(_ draft: ExecutionDraft,
                                    isOwnerAlive: (ExecutionOwner) -> Bool) throws -> SyncClaim

    /// Hands the sync lock held by execution `from` to execution `to` of the same process,
    /// when a queued execution starts after the one before it.
    func passSyncLock(clientID: String, syncID: String, from: ExecutionID, to: ExecutionID) throws

    /// Releases the sync lock when execution `executionID` still holds it.
    func releaseSyncLock(clientID: String, syncID: String, executionID: ExecutionID) throws

    // MARK: Ledger

    /// Returns every ledger entry of one sync, oldest first.
    func ledger(clientID: String, syncID: String) throws -> [LedgerEntry]

    /// Adds one import of a day to the ledger.
    func recordImport(_ entry: LedgerEntry) throws

    // MARK: Logs

    /// Appends `message` to an execution's log and returns the stored line.
    @discardableResult
    func appendLog(executionID: ExecutionID, level: LogLine.Level, message: String, time: Date) throws -> LogLine

    /// Returns the log lines of an execution whose sequence is greater than `sequence`, oldest
    /// first, at most `limit` of them.
    func logs(executionID: ExecutionID, after sequence: Int, limit: Int) throws -> [LogLine]
}

/// What is known of an execution before it is stored.
public struct ExecutionDraft: Hashable, Sendable {
    public var clientID: String
    public var syncID: String
    public var request: ExecutionRequest
    public var operatorName: String
    public var confirmed: Bool
    public var status: ExecutionStatus
    public var createdAt: Date
    public var plannedDays: [Day]
    public var retryOf: ExecutionID?
    public var owner: ExecutionOwner
    /// The login name of the account that started it.
    public var operatorLogin: String?
    /// The SSH client address the operator came from, if any.
    public var operatorAddress: String?

    public init(clientID: String, syncID: String, request: ExecutionRequest, operatorName: String, confirmed: Bool,
                status: ExecutionStatus, createdAt: Date, plannedDays: [Day], retryOf: ExecutionID?, owner: ExecutionOwner,
                operatorLogin: String? = nil, operatorAddress: String? = nil) {
        self.clientID = clientID
        self.syncID = syncID
        self.request = request
        self.operatorName = operatorName
        self.confirmed = confirmed
        self.status = status
        self.createdAt = createdAt
        self.plannedDays = plannedDays
        self.retryOf = retryOf
        self.owner = owner
        self.operatorLogin = operatorLogin
        self.operatorAddress = operatorAddress
    }
}

/// The process that runs an execution, so that another process can tell when it died.
public struct ExecutionOwner: Hashable, Sendable {
    public var host: String
    public var processID: Int32

    public init(host: String, processID: Int32) {
        self.host = host
        self.processID = processID
    }

    /// The current process on this host.
    public static var current: ExecutionOwner {
        ExecutionOwner(host: ProcessInfo.processInfo.hostName, processID: ProcessInfo.processInfo.processIdentifier)
    }
}

/// The filter, order and page of an executions listing.
public struct ExecutionQuery: Hashable, Sendable {
    /// The order of the listed executions, by id, which is the order of creation.
    public enum Order: Hashable, Sendable {
        case newestFirst, oldestFirst
    }

    public var clientID: String?
    public var syncID: String?
    public var statuses: Set<ExecutionStatus>?
    /// At most this many executions, in `order`, or `nil` for all.
    public var limit: Int?
    /// Only executions older than this id: the cursor of the next page when paging back in time.
    public var beforeID: ExecutionID?
    /// Only executions newer than this id: the cursor of the next page when paging forward.
    public var afterID: ExecutionID?
    /// Only executions whose id (`#12` or `12`), `client/sync`, operator, request or status
    /// contains this text, ignoring case and diacritics in every script. `nil` or empty matches all.
    public var text: String?
    public var order: Order

    public init(clientID: String? = nil, syncID: String? = nil, statuses: Set<ExecutionStatus>? = nil, limit: Int? = nil,
                beforeID: ExecutionID? = nil, afterID: ExecutionID? = nil, text: String? = nil, order: Order = .newestFirst) {
        self.clientID = clientID
        self.syncID = syncID
        self.statuses = statuses
        self.limit = limit
        self.beforeID = beforeID
        self.afterID = afterID
        self.text = text
        self.order = order
    }
}
