import Foundation
import SyncModel

/// The outcome of asking for a sync's lock while creating an execution.
public enum SyncClaim: Hashable, Sendable {
    /// The execution was stored and holds the lock.
    case acquired(Execution)
    /// Another live process holds the lock; nothing was stored.
    case held(SyncLockHolder)
}

/// The execution that holds a sync's lock, as reported to another process.
public struct SyncLockHolder: Hashable, Sendable {
    public var executionID: ExecutionID
    public var operatorName: String
    public var status: ExecutionStatus
    public var owner: ExecutionOwner
    /// The last time the holder's process recorded a sign of life.
    public var heartbeatAt: Date

    public init(executionID: ExecutionID, operatorName: String, status: ExecutionStatus, owner: ExecutionOwner,
                heartbeatAt: Date) {
        self.executionID = executionID
        self.operatorName = operatorName
        self.status = status
        self.owner = owner
        self.heartbeatAt = heartbeatAt
    }
}
