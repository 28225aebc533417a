import Foundation
import SyncModel

/// How an `Execution` maps to a row of the `executions` table.
///
/// Counts live in columns so that SQL clients and reports can read them. Nested values (the
/// request, the days, the per-day progress, warnings and failure) are JSON text written with the
/// model's `Codable` conformance.
enum ExecutionRow {
    /// The column list that `decode` expects, in its order.
    static let selectColumns = """
        id, client_id, sync_id, request, operator, confirmed, status, created_at, started_at, finished_at, \
        planned_days, units_total, units_done, records_read, records_written, records_rejected, \
        day_progress, warnings, failure, retry_of, owner_host, owner_pid, operator_login, operator_address
        """

    static let insertSQL = """
        INSERT INTO executions (client_id, sync_id, request, operator, confirmed, status, created_at, \
        planned_days, retry_of, owner_host, owner_pid, heartbeat_at, operator_login, operator_address)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The update of every field that `StateStore.saveExecution` saves. Its last parameter is the id.
    static let updateSQL = """
        UPDATE executions SET status = ?, started_at = ?, finished_at = ?, planned_days = ?, \
        units_total = ?, units_done = ?, records_read = ?, records_written = ?, records_rejected = ?, \
        day_progress = ?, warnings = ?, failure = ?, heartbeat_at = ?
        WHERE id = ?
        """

    static func insertValues(_ draft: ExecutionDraft) throws -> [SQLiteValue] {
        [
            .text(draft.clientID),
            .text(draft.syncID),
            .text(try JSONText.encode(draft.request)),
            .text(draft.operatorName),
            .integer(draft.confirmed ? 1 : 0),
            .text(draft.status.rawValue),
            StoredTime.value(draft.createdAt),
            .text(try JSONText.encode(draft.plannedDays)),
            draft.retryOf.map { .integer($0) } ?? .null,
            .text(draft.owner.host),
            .integer(Int64(draft.owner.processID)),
            StoredTime.value(draft.createdAt),
            draft.operatorLogin.map { .text($0) } ?? .null,
            draft.operatorAddress.map { .text($0) } ?? .null,
        ]
    }

    static func updateValues(_ execution: Execution, heartbeat: Date) throws -> [SQLiteValue] {
        let progress = execution.progress
        return [
            .text(execution.status.rawValue),
            StoredTime.value(execution.startedAt),
            StoredTime.value(execution.finishedAt),
            .text(try JSONText.encode(execution.plannedDays)),
            .integer(Int64(progress.unitsTotal)),
            .integer(Int64(progress.unitsDone)),
            .integer(Int64(progress.recordsRead)),
            .integer(Int64(progress.recordsWritten)),
            .integer(Int64(progress.recordsRejected)),
            .text(try JSONText.encode(progress.days)),
            .text(try JSONText.encode(execution.warnings)),
            try execution.failure.map { .text(try JSONText.encode($0)) } ?? .null,
            StoredTime.value(heartbeat),
            .integer(execution.id),
        ]
    }

    /// Reads one row selected with `selectColumns`.
    static func decode(_ row: [SQLiteValue], path: String) throws -> (execution: Execution, owner: ExecutionOwner) {
        var reader = RowReader(row: row, path: path)
        let id = try reader.integer("id")
        reader.executionID = id

        var execution = Execution(
            id: id,
            clientID: try reader.text("client_id"),
            syncID: try reader.text("sync_id"),
            request: try reader.json("request", as: ExecutionRequest.self),
            operatorName: try reader.text("operator"),
            confirmed: try reader.integer("confirmed") != 0,
            status: try reader.status("status"),
            createdAt: try reader.time("created_at"),
            startedAt: try reader.optionalTime("started_at"),
            finishedAt: try reader.optionalTime("finished_at"),
            plannedDays: try reader.json("planned_days", as: [Day].self),
            progress: ExecutionProgress(
                unitsTotal: Int(try reader.integer("units_total")),
                unitsDone: Int(try reader.integer("units_done")),
                recordsRead: Int(try reader.integer("records_read")),
                recordsWritten: Int(try reader.integer("records_written")),
                recordsRejected: Int(try reader.integer("records_rejected")),
                days: try reader.json("day_progress", as: [DayProgress].self)),
            warnings: try reader.json("warnings", as: [WarningSummary].self),
            failure: try reader.optionalJSON("failure", as: ExecutionFailure.self),
            retryOf: try reader.optionalInteger("retry_of"))
        let owner = ExecutionOwner(host: try reader.text("owner_host"),
                                   processID: Int32(truncatingIfNeeded: try reader.integer("owner_pid")))
        execution.operatorLogin = try reader.optionalText("operator_login")
        execution.operatorAddress = try reader.optionalText("operator_address")
        return (execution, owner)
    }
}

/// Reads the columns of one row in order, naming the execution and column when a value is wrong.
private struct RowReader {
    let row: [SQLiteValue]
    let path: String
    var executionID: ExecutionID?
    private var index = 0

    init(row: [SQLiteValue], path: String) {
        self.row = row
        self.path = path
    }

    private mutating func next() -> SQLiteValue {
        defer { index += 1 }
        return index < row.count ? row[index] : .null
    }

    private func invalid(_ column: String, _ problem: String) -> StateStoreError {
        let owner = executionID.map { "execution \($0)" } ?? "an execution"
        return StateStoreError(.invalidData, path: path, message: "column \(column) of \(owner) \(problem)",
                               hint: "The row was changed outside SyncDeck; correct it or move the database aside")
    }

    mutating func integer(_ column: String) throws -> Int64 {
        guard let value = try optionalInteger(column) else { throw invalid(column, "is missing") }
        return value
    }

    mutating func optionalInteger(_ column: String) throws -> Int64? {
        switch next() {
        case .null: return nil
        case .integer(let value): return value
        default: throw invalid(column, "is not an integer")
        }
    }

    mutating func text(_ column: String) throws -> String {
        guard case .text(let value) = next() else { throw invalid(column, "is not text") }
        return value
    }

    mutating func optionalText(_ column: String) throws -> String? {
        switch next() {
        case .null: return nil
        case .text(let value): return value
        default: throw invalid(column, "is not text")
        }
    }

    mutating func time(_ column: String) throws -> Date {
        StoredTime.date(milliseconds: try integer(column))
    }

    mutating func optionalTime(_ column: String) throws -> Date? {
        try optionalInteger(column).map(StoredTime.date(milliseconds:))
    }

    mutating func status(_ column: String) throws -> ExecutionStatus {
        let name = try text(column)
        guard let status = ExecutionStatus(rawValue: name) else {
            throw invalid(column, "contains the unknown status \"\(name)\"")
        }
        return status
    }

    mutating func json<Value: Decodable>(_ column: String, as type: Value.Type) throws -> Value {
        let text = try text(column)
        do {
            return try JSONText.decode(type, from: text)
        } catch {
            throw invalid(column, "is invalid JSON for its type (\(error))")
        }
    }

    mutating func optionalJSON<Value: Decodable>(_ column: String, as type: Value.Type) throws -> Value? {
        guard case .text(let text) = next() else { return nil }
        do {
            return try JSONText.decode(type, from: text)
        } catch {
            throw invalid(column, "is invalid JSON for its type (\(error))")
        }
    }
}
