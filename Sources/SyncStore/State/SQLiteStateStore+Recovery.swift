import Foundation
import SyncModel

extension SQLiteStateStore {
    /// Marks as `ERROR` every execution that has not ended and whose owning process is gone,
    /// and returns them as saved.
    ///
    /// Each one gets a technical failure naming the process, its running days become failed,
    /// and its log gets an error line with the reason. Days it completed stay in the ledger. The whole recovery is one
    /// transaction, so two processes starting together recover each execution once.
    ///
    /// - Parameter isOwnerAlive: returns whether the process that owns an execution still runs.
    ///   It is called while the database is locked, so it should return at once.
    public func recoverInterrupted(isOwnerAlive: (ExecutionOwner) -> Bool) throws -> [Execution] {
        try withConnection("recover interrupted executions") { connection in
            try connection.transaction {
                let now = Date().roundedToStoredPrecision
                let pending = ExecutionStatus.allCases.filter { !$0.isFinal }.map { "'\($0.rawValue)'" }
                let rows = try connection.query("""
                    SELECT \(ExecutionRow.selectColumns) FROM executions
                    WHERE status IN (\(pending.joined(separator: ", "))) ORDER BY id
                    """)

                var recovered: [Execution] = []
                for row in rows {
                    let (execution, owner) = try ExecutionRow.decode(row, path: path)
                    guard !isOwnerAlive(owner) else { continue }

                    let interrupted = Self.interrupted(execution, owner: owner, at: now)
                    try connection.prepare(ExecutionRow.updateSQL).run(try ExecutionRow.updateValues(interrupted, heartbeat: now))
                    try Self.insertLog(connection, executionID: execution.id, level: .error, time: now,
                                       message: "Marked as interrupted: \(interrupted.failure?.message ?? "its process stopped").")
                    recovered.append(interrupted)
                }
                return recovered
            }
        }
    }

    /// Returns `execution` as it ends when its process died: `ERROR`, finished `now`, running days failed.
    static func interrupted(_ execution: Execution, owner: ExecutionOwner, at now: Date) -> Execution {
        var result = execution
        let runningDay = execution.progress.days.first { $0.state == .running }?.day
        for index in result.progress.days.indices where result.progress.days[index].state == .running {
            result.progress.days[index].state = .failed
        }
        result.status = .error
        result.finishedAt = now
        result.failure = ExecutionFailure(
            .technical,
            "the process that ran it (pid \(owner.processID) on \(owner.host)) stopped before it finished",
            hint: "Days it completed stay in the ledger; retry it to import the rest.",
            day: runningDay)
        return result
    }
}
