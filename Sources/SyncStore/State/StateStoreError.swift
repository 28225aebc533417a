/// A failure of the state store: what went wrong, on which database, and what to do next.
///
/// Callers that need to react to one kind of failure compare `code`; everyone else shows
/// `description`, which names the database path and the next step.
public struct StateStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure, stable across releases so callers can match on it.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) { self.name = name }

        public var description: String { name }

        /// The folder of the database could not be created.
        public static let folderNotWritable = Code("folderNotWritable")
        /// The database file could not be opened or created.
        public static let cannotOpen = Code("cannotOpen")
        /// The file exists but is not a SQLite database.
        public static let notADatabase = Code("notADatabase")
        /// The database was written by a newer release of SyncDeck.
        public static let newerSchema = Code("newerSchema")
        /// Another process held the database for longer than the busy timeout.
        public static let busy = Code("busy")
        /// The disk is full or the database is read-only.
        public static let cannotWrite = Code("cannotWrite")
        /// The database file is damaged.
        public static let corrupt = Code("corrupt")
        /// A stored value could not be read back, or a value refers to something that is not stored.
        public static let invalidData = Code("invalidData")
        /// The requested execution was not found.
        public static let unknownExecution = Code("unknownExecution")
        /// The file a backup would write already exists.
        public static let backupExists = Code("backupExists")
        /// Any other SQLite failure.
        public static let database = Code("database")
    }

    public let code: Code
    /// The database file involved.
    public let path: String
    /// The failure, naming the value involved.
    public let message: String
    /// The next step for the operator.
    public let hint: String

    init(_ code: Code, path: String, message: String, hint: String) {
        self.code = code
        self.path = path
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "state database \(path): \(message). \(hint)"
    }
}

extension StateStoreError {
    /// Explains a SQLite failure that happened while doing `operation` on the database at `path`.
    static func translating(_ error: SQLiteError, path: String, operation: String) -> StateStoreError {
        let what = "failed to \(operation): \(error.message)"
        switch error.primaryCode {
        case 5, 6:
            return StateStoreError(.busy, path: path, message: what,
                                   hint: "Another SyncDeck process is holding the database; wait a moment and try again")
        case 8:
            return StateStoreError(.cannotWrite, path: path, message: what,
                                   hint: "Make the file and its folder writable by this user")
        case 13:
            return StateStoreError(.cannotWrite, path: path, message: what,
                                   hint: "Free some disk space, then try again")
        case 11:
            return StateStoreError(.corrupt, path: path, message: what,
                                   hint: "Restore the file from a backup, or move it aside to start with an empty state")
        case 26:
            return notADatabase(path: path)
        case 14, 3:
            return StateStoreError(.cannotOpen, path: path, message: what,
                                   hint: "Check that the folder exists and that this user may write to it")
        case 19:
            return StateStoreError(.invalidData, path: path, message: what,
                                   hint: "Every ledger entry, log line and retry must refer to a stored execution")
        default:
            return StateStoreError(.database, path: path, message: what,
                                   hint: "Check the file and the disk; if it keeps failing, move the file aside to start with an empty state")
        }
    }

    static func notADatabase(path: String) -> StateStoreError {
        StateStoreError(.notADatabase, path: path, message: "the file is not a SQLite database",
                        hint: "Move it aside or point --workspace at the right folder; SyncDeck creates a new state database when none exists")
    }
}
