/// The tables of the state database and the migrations that build them, in order.
///
/// The database keeps the number of migrations applied in `PRAGMA user_version`. A release
/// that changes the schema appends a migration and never edits an earlier one, so every older
/// database can be brought up to date step by step.
enum StateSchema {
    /// One step from the previous schema version to `version`.
    struct Migration {
        let version: Int
        let sql: String
    }

    static let migrations: [Migration] = [
        Migration(version: 1, sql: """
            CREATE TABLE executions (
                id               INTEGER PRIMARY KEY AUTOINCREMENT,
                client_id        TEXT    NOT NULL,
                sync_id          TEXT    NOT NULL,
                request          TEXT    NOT NULL,
                operator         TEXT    NOT NULL,
                confirmed        INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
                status           TEXT    NOT NULL,
                created_at       INTEGER NOT NULL,
                started_at       INTEGER,
                finished_at      INTEGER,
                planned_days     TEXT    NOT NULL DEFAULT '[]',
                units_total      INTEGER NOT NULL DEFAULT 0,
                units_done       INTEGER NOT NULL DEFAULT 0,
                records_read     INTEGER NOT NULL DEFAULT 0,
                records_written  INTEGER NOT NULL DEFAULT 0,
                records_rejected INTEGER NOT NULL DEFAULT 0,
                day_progress     TEXT    NOT NULL DEFAULT '[]',
                warnings         TEXT    NOT NULL DEFAULT '[]',
                failure          TEXT,
                retry_of         INTEGER REFERENCES executions (id),
                owner_host       TEXT    NOT NULL,
                owner_pid        INTEGER NOT NULL,
                heartbeat_at     INTEGER
            );
            CREATE INDEX executions_by_status ON executions (status, id);
            CREATE INDEX executions_by_sync ON executions (client_id, sync_id, id);

            CREATE TABLE ledger (
                id           INTEGER PRIMARY KEY,
                client_id    TEXT    NOT NULL,
                sync_id      TEXT    NOT NULL,
                day          TEXT    NOT NULL,
                execution_id INTEGER NOT NULL REFERENCES executions (id),
                imported_at  INTEGER NOT NULL,
                records      INTEGER NOT NULL
            );
            CREATE INDEX ledger_by_day ON ledger (client_id, sync_id, day);
            CREATE INDEX ledger_by_execution ON ledger (execution_id);

            CREATE TABLE logs (
                execution_id INTEGER NOT NULL REFERENCES executions (id),
                sequence     INTEGER NOT NULL,
                time         INTEGER NOT NULL,
                level        TEXT    NOT NULL,
                message      TEXT    NOT NULL,
                PRIMARY KEY (execution_id, sequence)
            ) WITHOUT ROWID;
            """),
        // Version 2 keeps who started an execution from where, and the lock that lets one
        // process at a time run each sync. Older rows keep NULL in the new columns.
        Migration(version: 2, sql: """
            ALTER TABLE executions ADD COLUMN operator_login TEXT;
            ALTER TABLE executions ADD COLUMN operator_address TEXT;

            CREATE TABLE sync_locks (
                client_id    TEXT    NOT NULL,
                sync_id      TEXT    NOT NULL,
                execution_id INTEGER NOT NULL REFERENCES executions (id),
                owner_host   TEXT    NOT NULL,
                owner_pid    INTEGER NOT NULL,
                acquired_at  INTEGER NOT NULL,
                heartbeat_at INTEGER NOT NULL,
                PRIMARY KEY (client_id, sync_id)
            ) WITHOUT ROWID;
            """),
    ]

    /// The schema version this code writes.
    static var currentVersion: Int { migrations.last?.version ?? 0 }

    /// Brings the database up to `currentVersion`, one migration per transaction.
    ///
    /// - Throws: `StateStoreError` with code `.newerSchema` when a newer release wrote the database.
    static func migrate(_ connection: SQLiteConnection) throws {
        let found = try version(of: connection)
        guard found <= currentVersion else {
            throw StateStoreError(
                .newerSchema, path: connection.path,
                message: "the database has schema version \(found), but this SyncDeck supports versions up to \(currentVersion)",
                hint: "Upgrade SyncDeck to the release that wrote it; this one leaves the file untouched")
        }

        for migration in migrations where migration.version > found {
            try connection.transaction {
                // Another process may have migrated since the version was read; the write lock
                // taken by the transaction makes this second look reliable.
                guard try version(of: connection) < migration.version else { return }
                try connection.execute(migration.sql)
                try connection.execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }

    static func version(of connection: SQLiteConnection) throws -> Int {
        let rows = try connection.query("PRAGMA user_version")
        return Int(rows.first?.first?.integerValue ?? 0)
    }
}
