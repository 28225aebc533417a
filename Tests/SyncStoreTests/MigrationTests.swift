import Foundation
import SyncModel
import SyncStore
import Testing

/// A state database written by the first release (schema version 1), opened by this one.
@Suite("SQLiteStateStore migration from version 1")
struct MigrationTests {
    /// The tables of schema version 1 exactly as the first release created them, with one
    /// finished execution, its ledger entry and a log line.
    private static let versionOne = """
        CREATE TABLE executions (
            id INTEGER PRIMARY KEY AUTOINCREMENT, client_id TEXT NOT NULL, sync_id TEXT NOT NULL,
            request TEXT NOT NULL, operator TEXT NOT NULL, confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
            status TEXT NOT NULL, created_at INTEGER NOT NULL, started_at INTEGER, finished_at INTEGER,
            planned_days TEXT NOT NULL DEFAULT '[]', units_total INTEGER NOT NULL DEFAULT 0,
            units_done INTEGER NOT NULL DEFAULT 0, records_read INTEGER NOT NULL DEFAULT 0,
            records_written INTEGER NOT NULL DEFAULT 0, records_rejected INTEGER NOT NULL DEFAULT 0,
            day_progress TEXT NOT NULL DEFAULT '[]', warnings TEXT NOT NULL DEFAULT '[]', failure TEXT,
            retry_of INTEGER REFERENCES executions (id), owner_host TEXT NOT NULL, owner_pid INTEGER NOT NULL,
            heartbeat_at INTEGER
        );
        CREATE INDEX executions_by_status ON executions (status, id);
        CREATE INDEX executions_by_sync ON executions (client_id, sync_id, id);
        CREATE TABLE ledger (
            id INTEGER PRIMARY KEY, client_id TEXT NOT NULL, sync_id TEXT NOT NULL, day TEXT NOT NULL,
            execution_id INTEGER NOT NULL REFERENCES executions (id), imported_at INTEGER NOT NULL, records INTEGER NOT NULL
        );
        CREATE INDEX ledger_by_day ON ledger (client_id, sync_id, day);
        CREATE INDEX ledger_by_execution ON ledger (execution_id);
        CREATE TABLE logs (
            execution_id INTEGER NOT NULL REFERENCES executions (id), sequence INTEGER NOT NULL,
            time INTEGER NOT NULL, level TEXT NOT NULL, message TEXT NOT NULL,
            PRIMARY KEY (execution_id, sequence)
        ) WITHOUT ROWID;
        INSERT INTO executions (client_id, sync_id, request, operator, confirmed, status, created_at, started_at,
            finished_at, planned_days, units_total, units_done, records_read, records_written, day_progress,
            owner_host, owner_pid, heartbeat_at)
        VALUES ('acme', 'orders', '{"kind":"default"}', 'maria', 0, 'FINISHED', 1780000000123, 1780000000200,
            1780000001000, '["2026-01-02"]', 1, 1, 3, 3,
            '[{"day":"2026-01-02","recordsRead":3,"recordsRejected":0,"recordsWritten":3,"state":"imported"}]',
            'deck-1', 4242, 1780000001000);
        INSERT INTO ledger (client_id, sync_id, day, execution_id, imported_at, records)
        VALUES ('acme', 'orders', '2026-01-02', 1, 1780000001000, 3);
        INSERT INTO logs VALUES (1, 1, 1780000000200, 'info', 'started by maria: default');
        PRAGMA user_version = 1;
        """

    private func withVersionOneFile<Result>(_ body: (String) throws -> Result) throws -> Result {
        try withTemporaryFolder { folder in
            let path = statePath(in: folder)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try SQLiteConnection(path: path).execute(Self.versionOne)
            return try body(path)
        }
    }

    @Test
    func migrate_setsVersion() throws {
        try withVersionOneFile { path in
            _ = try SQLiteStateStore(path: path)
            #expect(try scalar("PRAGMA user_version", at: path) == .integer(Int64(SQLiteStateStore.schemaVersion)))
        }
    }

    @Test
    func migrate_keepsExecution() throws {
        try withVersionOneFile { path in
            let execution = try #require(try SQLiteStateStore(path: path).execution(id: 1))
            #expect(execution.operatorName == "maria")
            #expect(execution.status == .finished)
            #expect(execution.progress.recordsWritten == 3)
        }
    }

    @Test
    func migrate_leavesAuditEmpty() throws {
        try withVersionOneFile { path in
            let execution = try #require(try SQLiteStateStore(path: path).execution(id: 1))
            #expect(execution.operatorLogin == nil)
            #expect(execution.operatorAddress == nil)
        }
    }

    @Test
    func migrate_keepsLedgerAndLog() throws {
        try withVersionOneFile { path in
            let store = try SQLiteStateStore(path: path)
            #expect(try store.ledger(clientID: "acme", syncID: "orders").map(\.records) == [3])
            #expect(try store.logs(executionID: 1, after: 0, limit: 10).map(\.message) == ["started by maria: default"])
        }
    }

    @Test
    func migrate_storesAuditOfNewExecutions() throws {
        try withVersionOneFile { path in
            let store = try SQLiteStateStore(path: path)
            var newDraft = draft()
            newDraft.operatorLogin = "mlopez"
            newDraft.operatorAddress = "10.0.0.7"
            let created = try store.createExecution(newDraft)
            let read = try #require(try store.execution(id: created.id))
            #expect(read == created)
            #expect(read.operatorAddress == "10.0.0.7")
        }
    }
}
