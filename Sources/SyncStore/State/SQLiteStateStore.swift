import Foundation
import SyncModel

/// The embedded state store: executions, the import ledger and logs in one SQLite file.
///
/// Each instance owns one connection and serialises its calls with a lock, so it can be shared
/// between threads. A worker that should not wait on others opens its own with `connect()`.
/// The database runs in WAL mode, so readers in other processes never block the writer.
///
/// Times are kept to the millisecond. The values this store returns are already rounded that
/// way, so a value read back always equals the one the store handed out; see
/// `Date.roundedToStoredPrecision` for values built elsewhere.
public final class SQLiteStateStore: StateStore, @unchecked Sendable {
    /// How long a call waits for another connection's write lock before failing as busy.
    public static let busyTimeout: TimeInterval = 10

    /// The schema version this release writes in `PRAGMA user_version`.
    public static var schemaVersion: Int { StateSchema.currentVersion }

    /// The database file.
    public let path: String

    private let connection: SQLiteConnection
    private let lock = NSLock()

    /// Opens the state database at `path`, creating it and its folder when they do not exist and
    /// bringing an older schema up to date.
    ///
    /// - Throws: `StateStoreError` naming `path` when the folder cannot be created, the file is
    ///   not a SQLite database, or a newer release of SyncDeck wrote it.
    public init(path: String) throws {
        self.path = path
        try Self.createFolder(of: path)

        do {
            connection = try SQLiteConnection(path: path, busyTimeout: Self.busyTimeout)
        } catch let error as SQLiteError {
            throw StateStoreError.translating(error, path: path, operation: "open the database")
        }

        do {
            try Self.prepare(connection)
        } catch let error as SQLiteError {
            throw StateStoreError.translating(error, path: path, operation: "prepare the database")
        }
    }

    /// Configures the connection and migrates the schema, trying again while another process
    /// does the same: switching a new database to WAL can fail with SQLITE_BUSY at once, without
    /// waiting for the busy timeout, when two processes open it together.
    private static func prepare(_ connection: SQLiteConnection) throws {
        let deadline = Date().addingTimeInterval(busyTimeout)
        var attempt = 0
        while true {
            do {
                try configure(connection)
                try StateSchema.migrate(connection)
                return
            } catch let error as SQLiteError where error.isBusy && Date() < deadline {
                attempt += 1
                Thread.sleep(forTimeInterval: min(0.5, 0.02 * Double(attempt)))
            }
        }
    }

    public func connect() throws -> any StateStore {
        try SQLiteStateStore(path: path)
    }

    /// Runs `body` on the connection while holding the lock, and turns any SQLite failure into
    /// a `StateStoreError` that names `operation`, the step that failed.
    func withConnection<Result>(_ operation: @autoclosure () -> String,
                                _ body: (SQLiteConnection) throws -> Result) throws -> Result {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try body(connection)
        } catch let error as SQLiteError {
            throw StateStoreError.translating(error, path: path, operation: operation())
        }
    }

    func unknownExecution(_ id: ExecutionID) -> StateStoreError {
        StateStoreError(.unknownExecution, path: path, message: "execution \(id) not found",
                        hint: "List the executions to find its id; it may belong to another workspace")
    }

    // MARK: - Opening

    /// Creates the folder of `path` when missing, and rejects a `path` that is itself a folder.
    private static func createFolder(of path: String) throws {
        if isFolder(path) {
            throw StateStoreError(.cannotOpen, path: path, message: "the path is a folder, not a database file",
                                  hint: "Give the path of the state file inside it, such as .syncdeck/state.sqlite")
        }

        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        guard !isFolder(folder.path) else { return }

        // Foundation reports a file in the way only as a bare error code, so the first ancestor
        // that exists is checked to explain the failure.
        var ancestor = folder
        while !FileManager.default.fileExists(atPath: ancestor.path), ancestor.pathComponents.count > 1 {
            ancestor.deleteLastPathComponent()
        }
        guard isFolder(ancestor.path) else {
            throw StateStoreError(.folderNotWritable, path: path, message: "\(ancestor.path) is a file, not a folder",
                                  hint: "Move that file aside so SyncDeck can create the folder \(folder.path)")
        }

        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StateStoreError(.folderNotWritable, path: path,
                                  message: "failed to create the folder \(folder.path): \(error.localizedDescription)",
                                  hint: "Create it yourself or make \(ancestor.path) writable by this user")
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Sets the connection options. SQLite reads the file header only at the first statement,
    /// so this is also where a file that is not a database is detected.
    private static func configure(_ connection: SQLiteConnection) throws {
        try connection.execute("PRAGMA journal_mode = WAL")
        try connection.execute("PRAGMA synchronous = NORMAL")
        // The state is read by id and through small indexes. A 512 KiB page cache per connection,
        // against SQLite's default of about 2 MB, keeps an import with several connections small.
        try connection.execute("PRAGMA cache_size = -512")
        try connection.execute("PRAGMA foreign_keys = ON")
        try connection.registerFoldFunction()
    }
}
