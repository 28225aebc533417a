import Foundation
import SyncModel

extension SQLiteStateStore {
    /// Appends `message` to an execution's log with the next sequence number, and returns the
    /// stored line.
    ///
    /// The sequence is computed and written in one statement, so connections writing to the
    /// same log never reuse a number.
    ///
    /// - Throws: `StateStoreError` with code `.unknownExecution` when the execution is not stored.
    @discardableResult
    public func appendLog(executionID: ExecutionID, level: LogLine.Level, message: String, time: Date) throws -> LogLine {
        try withConnection("append to the log of execution \(executionID)") { connection in
            do {
                return try Self.insertLog(connection, executionID: executionID, level: level, time: time, message: message)
            } catch let error as SQLiteError where error.primaryCode == 19 {
                throw unknownExecution(executionID)
            }
        }
    }

    public func logs(executionID: ExecutionID, after sequence: Int, limit: Int) throws -> [LogLine] {
        try withConnection("read the log of execution \(executionID)") { connection in
            let rows = try connection.query("""
                SELECT sequence, time, level, message FROM logs
                WHERE execution_id = ? AND sequence > ? ORDER BY sequence LIMIT ?
                """, [.integer(executionID), .integer(Int64(sequence)), .integer(Int64(max(0, limit)))])
            return try rows.map { try logLine($0, executionID: executionID) }
        }
    }

    @discardableResult
    static func insertLog(_ connection: SQLiteConnection, executionID: ExecutionID, level: LogLine.Level,
                          time: Date, message: String) throws -> LogLine {
        let rows = try connection.query("""
            INSERT INTO logs (execution_id, sequence, time, level, message)
            SELECT ?1, COALESCE(MAX(sequence), 0) + 1, ?2, ?3, ?4 FROM logs WHERE execution_id = ?1
            RETURNING sequence
            """, [.integer(executionID), StoredTime.value(time), .text(level.rawValue), .text(message)])
        let sequence = Int(rows.first?.first?.integerValue ?? 0)
        return LogLine(executionID: executionID, sequence: sequence, time: time.roundedToStoredPrecision,
                       level: level, message: message)
    }

    private func logLine(_ row: [SQLiteValue], executionID: ExecutionID) throws -> LogLine {
        guard row.count == 4, let sequence = row[0].integerValue, let time = row[1].integerValue,
              let levelName = row[2].textValue, let level = LogLine.Level(rawValue: levelName),
              let message = row[3].textValue else {
            throw StateStoreError(.invalidData, path: path,
                                  message: "a log line of execution \(executionID) is invalid: \(row)",
                                  hint: "The row was changed outside SyncDeck; correct it or delete it")
        }
        return LogLine(executionID: executionID, sequence: Int(sequence), time: StoredTime.date(milliseconds: time),
                       level: level, message: message)
    }
}
