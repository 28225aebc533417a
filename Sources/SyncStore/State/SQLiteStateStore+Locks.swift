import Foundation
import SyncModel

extension SQLiteStateStore {
    /// Stores a new execution holding its sync's lock, unless a live process holds the lock
    /// with an execution that has not ended.
    ///
    /// The check and the insert run in one `BEGIN IMMEDIATE` transaction, so of two processes
    /// asking at once exactly one gets the lock.
    public func createExecutionHoldingSync(_ draft: ExecutionDraft,
                                           isOwnerAlive: (ExecutionOwner) -> Bool) throws -> SyncClaim {
        try withConnection("lock \(draft.clientID)/\(draft.syncID) for a new execution") { connection in
            try connection.transaction {
                if let holder = try Self.lockHolder(connection, clientID: draft.clientID, syncID: draft.syncID),
                   isOwnerAlive(holder.owner) {
                    return .held(holder)
                }

                try connection.query(ExecutionRow.insertSQL, try ExecutionRow.insertValues(draft))
                let execution = Self.execution(from: draft, id: connection.lastInsertedRowID)
                let now = StoredTime.value(Date())
                try connection.query("""
                    INSERT OR REPLACE INTO sync_locks
                        (client_id, sync_id, execution_id, owner_host, owner_pid, acquired_at, heartbeat_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [.text(draft.clientID), .text(draft.syncID), .integer(execution.id), .text(draft.owner.host),
                          .integer(Int64(draft.owner.processID)), now, now])
                return .acquired(execution)
            }
        }
    }

    public func passSyncLock(clientID: String, syncID: String, from: ExecutionID, to: ExecutionID) throws {
        try withConnection("hand the lock of \(clientID)/\(syncID) to execution \(to)") { connection in
            _ = try connection.query("""
                UPDATE sync_locks SET execution_id = ?, heartbeat_at = ?
                WHERE client_id = ? AND sync_id = ? AND execution_id = ?
                """, [.integer(to), StoredTime.value(Date()), .text(clientID), .text(syncID), .integer(from)])
        }
    }

    public func releaseSyncLock(clientID: String, syncID: String, executionID: ExecutionID) throws {
        try withConnection("release the lock of \(clientID)/\(syncID)") { connection in
            _ = try connection.query("DELETE FROM sync_locks WHERE client_id = ? AND sync_id = ? AND execution_id = ?",
                                 [.text(clientID), .text(syncID), .integer(executionID)])
        }
    }

    public func recordHeartbeat(executionID: ExecutionID) throws {
        try withConnection("record a sign of life of execution \(executionID)") { connection in
            try connection.transaction {
                let now = StoredTime.value(Date())
                try connection.query("UPDATE executions SET heartbeat_at = ? WHERE id = ?", [now, .integer(executionID)])
                guard connection.changes == 1 else { throw unknownExecution(executionID) }
                try connection.query("UPDATE sync_locks SET heartbeat_at = ? WHERE execution_id = ?", [now, .integer(executionID)])
            }
        }
    }

    /// Returns the holder of a sync's lock, or `nil` when the lock is free.
    ///
    /// The lock belongs to a process for as long as it has an execution of the sync that has
    /// not ended, running or queued behind the running one. So the lock never looks free in the
    /// moment between one execution's end and the start of the next one queued in that process,
    /// and a lock row that a live process failed to release does not block anyone. The holder
    /// named is the oldest such execution, the one that runs.
    private static func lockHolder(_ connection: SQLiteConnection, clientID: String,
                                   syncID: String) throws -> SyncLockHolder? {
        let pending = ExecutionStatus.allCases.filter { !$0.isFinal }.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let rows = try connection.query("""
            SELECT e.id, e.operator, e.status, l.owner_host, l.owner_pid, l.heartbeat_at
            FROM sync_locks l JOIN executions e
                ON e.client_id = l.client_id AND e.sync_id = l.sync_id
                AND e.owner_host = l.owner_host AND e.owner_pid = l.owner_pid
            WHERE l.client_id = ? AND l.sync_id = ? AND e.status IN (\(pending))
            ORDER BY e.id LIMIT 1
            """, [.text(clientID), .text(syncID)])
        guard let row = rows.first, row.count == 6, let id = row[0].integerValue,
              let statusName = row[2].textValue, let host = row[3].textValue,
              let pid = row[4].integerValue, let heartbeat = row[5].integerValue else {
            return nil
        }
        // An unknown status comes from a newer release; treating it as running is the safe side.
        let status = ExecutionStatus(rawValue: statusName) ?? .inProgress
        return SyncLockHolder(executionID: id, operatorName: row[1].textValue ?? "unknown", status: status,
                              owner: ExecutionOwner(host: host, processID: Int32(truncatingIfNeeded: pid)),
                              heartbeatAt: StoredTime.date(milliseconds: heartbeat))
    }
}
