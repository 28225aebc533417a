import CSQLite
import Foundation

/// One connection to a SQLite database file.
///
/// A connection is not safe to use from two threads at once; callers serialise access, for
/// example with a lock or by keeping the connection on one thread.
public final class SQLiteConnection {
    public let path: String
    let handle: OpaquePointer

    /// Opens or creates the database at `path`.
    ///
    /// - Parameter busyTimeout: how long a statement waits for another connection's lock, in seconds.
    public init(path: String, readOnly: Bool = false, busyTimeout: TimeInterval = 5) throws {
        _ = SQLiteConnection.configureLibrary
        var handle: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let result = sqlite3_open_v2(path, &handle, flags, nil)
        guard result == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let handle { sqlite3_close_v2(handle) }
            throw SQLiteError(code: result, message: message, context: path)
        }
        self.path = path
        self.handle = handle
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, Int32(busyTimeout * 1000))
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Settings of the SQLite library for the whole process, which take effect only before the
    /// first connection opens: Swift runs this once, before it.
    private static let configureLibrary: Void = {
        _ = csqlite_disable_memory_statistics()
    }()

    /// Runs one or more statements that take no parameters and return no rows.
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &message)
        guard result == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(message)
            throw SQLiteError(code: result, message: text, context: sql)
        }
    }

    /// Compiles `sql` into a statement that can be run many times.
    public func prepare(_ sql: String) throws -> SQLiteStatement {
        try SQLiteStatement(connection: self, sql: sql)
    }

    /// Runs `sql` with `parameters` and returns every row.
    @discardableResult
    public func query(_ sql: String, _ parameters: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        var rows: [[SQLiteValue]] = []
        while try statement.step() {
            rows.append(statement.row())
        }
        return rows
    }

    /// Runs `body` in a transaction that commits when it returns and rolls back when it throws.
    ///
    /// - Parameter immediate: takes the write lock at the start, so a busy database is noticed
    ///   before any work is done rather than at the first write.
    public func transaction<Result>(immediate: Bool = true, _ body: () throws -> Result) throws -> Result {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The rowid of the last row inserted through this connection.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Whether a transaction is open. SQLite rolls a transaction back by itself after some
    /// errors, such as a full disk, and this is how a caller learns that it did.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func error(_ code: Int32, _ context: String) -> SQLiteError {
        SQLiteError(code: sqlite3_extended_errcode(handle), message: lastErrorMessage, context: context)
    }

    /// Returns `name` as a quoted SQL identifier, doubling any quote inside it.
    public static func quote(identifier name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
