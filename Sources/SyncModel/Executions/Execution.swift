import Foundation

/// The number that identifies an execution within a workspace.
public typealias ExecutionID = Int64

/// One run of a sync: what was requested, by whom, and how it went.
///
/// The engine hands out copies of this value on every change, so observers such as the console
/// can show it without asking the store again.
public struct Execution: Hashable, Sendable, Codable, Identifiable {
    public var id: ExecutionID
    public var clientID: String
    public var syncID: String
    public var request: ExecutionRequest
    /// Login name of the operator who started it, or the name given with `--operator`.
    public var operatorName: String
    /// Whether the operator confirmed a re-import that could duplicate data.
    public var confirmed: Bool
    public var status: ExecutionStatus
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// The days this execution imports, in order; empty for a snapshot sync.
    public var plannedDays: [Day]
    public var progress: ExecutionProgress
    public var warnings: [WarningSummary]
    public var failure: ExecutionFailure?
    /// The execution this one retries, if any.
    public var retryOf: ExecutionID?
    /// The login name of the account that started it, which `operatorName` may override;
    /// `nil` for executions stored before SyncDeck kept it.
    public var operatorLogin: String?
    /// The address of the SSH client the operator came from, when started over SSH.
    public var operatorAddress: String?

    public init(
        id: ExecutionID, clientID: String, syncID: String, request: ExecutionRequest,
        operatorName: String, confirmed: Bool, status: ExecutionStatus = .queued,
        createdAt: Date = Date(), startedAt: Date? = nil, finishedAt: Date? = nil,
        plannedDays: [Day] = [], progress: ExecutionProgress = ExecutionProgress(),
        warnings: [WarningSummary] = [], failure: ExecutionFailure? = nil, retryOf: ExecutionID? = nil,
        operatorLogin: String? = nil, operatorAddress: String? = nil
    ) {
        self.id = id
        self.clientID = clientID
        self.syncID = syncID
        self.request = request
        self.operatorName = operatorName
        self.confirmed = confirmed
        self.status = status
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.plannedDays = plannedDays
        self.progress = progress
        self.warnings = warnings
        self.failure = failure
        self.retryOf = retryOf
        self.operatorLogin = operatorLogin
        self.operatorAddress = operatorAddress
    }

    /// `client/sync`, the way the command line names a sync.
    public var syncPath: String { "\(clientID)/\(syncID)" }

    /// Time from start to end, or to `now` while running.
    public func duration(now: Date = Date()) -> TimeInterval? {
        guard let startedAt else { return nil }
        return (finishedAt ?? now).timeIntervalSince(startedAt)
    }
}

/// Counts of an execution's work so far.
public struct ExecutionProgress: Hashable, Sendable, Codable {
    /// Units of work in the plan: days for a daily sync, 1 for a snapshot.
    public var unitsTotal: Int
    public var unitsDone: Int
    public var recordsRead: Int
    public var recordsWritten: Int
    public var recordsRejected: Int
    /// Per-day results, in plan order; empty for a snapshot sync.
    public var days: [DayProgress]

    public init(unitsTotal: Int = 0, unitsDone: Int = 0, recordsRead: Int = 0, recordsWritten: Int = 0,
                recordsRejected: Int = 0, days: [DayProgress] = []) {
        self.unitsTotal = unitsTotal
        self.unitsDone = unitsDone
        self.recordsRead = recordsRead
        self.recordsWritten = recordsWritten
        self.recordsRejected = recordsRejected
        self.days = days
    }
}

/// How one day of an execution went.
public struct DayProgress: Hashable, Sendable, Codable {
    public enum State: String, Hashable, Sendable, Codable {
        case pending, running, imported, failed, skipped
    }

    public var day: Day
    public var state: State
    public var recordsRead: Int
    public var recordsWritten: Int
    public var recordsRejected: Int

    public init(day: Day, state: State = .pending, recordsRead: Int = 0, recordsWritten: Int = 0, recordsRejected: Int = 0) {
        self.day = day
        self.state = state
        self.recordsRead = recordsRead
        self.recordsWritten = recordsWritten
        self.recordsRejected = recordsRejected
    }
}
