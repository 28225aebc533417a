import Foundation
import SyncModel

extension SQLiteStateStore {
    /// Stores a new execution and returns it with its assigned id.
    ///
    /// The fields the draft does not carry (start and end times, progress, warnings, failure)
    /// start empty, as `Execution`'s initializer leaves them.
    public func createExecution(_ draft: ExecutionDraft) throws -> Execution {
        try withConnection("store a new execution of \(draft.clientID)/\(draft.syncID)") { connection in
            try connection.query(ExecutionRow.insertSQL, try ExecutionRow.insertValues(draft))
            return Self.execution(from: draft, id: connection.lastInsertedRowID)
        }
    }

    /// Stores many new executions in one transaction and returns them with their ids, in order.
    ///
    /// Meant for importing history and for seeding large stores; either every draft is stored
    /// or none is.
    public func createExecutions(_ drafts: [ExecutionDraft]) throws -> [Execution] {
        try withConnection("store \(drafts.count) new executions") { connection in
            try connection.transaction {
                let statement = try connection.prepare(ExecutionRow.insertSQL)
                return try drafts.map { draft in
                    try statement.run(try ExecutionRow.insertValues(draft))
                    return Self.execution(from: draft, id: connection.lastInsertedRowID)
                }
            }
        }
    }

    /// Saves everything that can change in `execution`, and records now as the owner's last
    /// sign of life.
    ///
    /// - Throws: `StateStoreError` with code `.unknownExecution` when no execution has its id.
    public func saveExecution(_ execution: Execution) throws {
        try withConnection("save execution \(execution.id)") { connection in
            let statement = try connection.prepare(ExecutionRow.updateSQL)
            try statement.run(try ExecutionRow.updateValues(execution, heartbeat: Date()))
            guard connection.changes == 1 else { throw unknownExecution(execution.id) }
        }
    }

    public func execution(id: ExecutionID) throws -> Execution? {
        try withConnection("read execution \(id)") { connection in
            let rows = try connection.query("SELECT \(ExecutionRow.selectColumns) FROM executions WHERE id = ?", [.integer(id)])
            return try rows.first.map { try ExecutionRow.decode($0, path: path).execution }
        }
    }

    /// Returns executions filtered by `query`, by id newest first unless it asks otherwise.
    ///
    /// An empty set of statuses matches nothing; a `nil` one matches every status. The id
    /// cursors and the order run on the primary key, so a page costs the same at any depth of
    /// the history; a text filter is tested row by row along that key and stops at `limit`.
    public func executions(_ query: ExecutionQuery) throws -> [Execution] {
        if let statuses = query.statuses, statuses.isEmpty { return [] }

        let (conditions, parameters) = Self.conditions(of: query)
        var sql = "SELECT \(ExecutionRow.selectColumns) FROM executions"
        if !conditions.isEmpty {
            sql += " WHERE " + conditions.joined(separator: " AND ")
        }
        sql += query.order == .newestFirst ? " ORDER BY id DESC" : " ORDER BY id ASC"
        var values = parameters
        if let limit = query.limit {
            sql += " LIMIT ?"
            values.append(.integer(Int64(max(0, limit))))
        }

        return try withConnection("list executions") { connection in
            try connection.query(sql, values).map { try ExecutionRow.decode($0, path: path).execution }
        }
    }

    /// The SQL conditions of `query` and their parameters, in order.
    private static func conditions(of query: ExecutionQuery) -> ([String], [SQLiteValue]) {
        var conditions: [String] = []
        var parameters: [SQLiteValue] = []
        if let clientID = query.clientID {
            conditions.append("client_id = ?")
            parameters.append(.text(clientID))
        }
        if let syncID = query.syncID {
            conditions.append("sync_id = ?")
            parameters.append(.text(syncID))
        }
        if let statuses = query.statuses {
            let names = statuses.map(\.rawValue).sorted()
            conditions.append("status IN (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))")
            parameters += names.map { .text($0) }
        }
        if let beforeID = query.beforeID {
            conditions.append("id < ?")
            parameters.append(.integer(beforeID))
        }
        if let afterID = query.afterID {
            conditions.append("id > ?")
            parameters.append(.integer(afterID))
        }
        if let text = query.text, !text.isEmpty {
            conditions.append("instr(\(SQLiteConnection.foldFunctionName)(\(searchedText)), ?) > 0")
            parameters.append(.text(TextFolding.fold(text)))
        }
        return (conditions, parameters)
    }

    /// The columns a text filter searches, joined by a unit separator so that a match never
    /// spans two of them; the status reads as its label (`IN PROGRESS`).
    private static let searchedText = """
        '#' || id || char(31) || client_id || '/' || sync_id || char(31) || operator || char(31) || request \
        || char(31) || replace(status, '_', ' ')
        """

    /// The execution as a read of its new row returns it, with times rounded to the millisecond.
    static func execution(from draft: ExecutionDraft, id: ExecutionID) -> Execution {
        Execution(id: id, clientID: draft.clientID, syncID: draft.syncID, request: draft.request,
                  operatorName: draft.operatorName, confirmed: draft.confirmed, status: draft.status,
                  createdAt: draft.createdAt.roundedToStoredPrecision, plannedDays: draft.plannedDays,
                  retryOf: draft.retryOf, operatorLogin: draft.operatorLogin, operatorAddress: draft.operatorAddress)
    }
}
