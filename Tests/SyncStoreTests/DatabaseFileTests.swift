import Foundation
import SyncModel
import SyncStore
import Testing

@Suite("SQLiteStateStore database file")
struct DatabaseFileTests {
    @Test
    func open_createsFolder() throws {
        try withStore { _, folder in
            #expect(FileManager.default.fileExists(atPath: statePath(in: folder)))
        }
    }

    @Test
    func open_walMode() throws {
        try withStore { _, folder in
            let mode = try scalar("PRAGMA journal_mode", at: statePath(in: folder))
            #expect(mode == .text("wal"))
        }
    }

    @Test
    func open_userVersion() throws {
        try withStore { _, folder in
            let version = try scalar("PRAGMA user_version", at: statePath(in: folder))
            #expect(version == .integer(Int64(SQLiteStateStore.schemaVersion)))
        }
    }

    @Test
    func open_reopen() throws {
        try withTemporaryFolder { folder in
            let created = try SQLiteStateStore(path: statePath(in: folder)).createExecution(draft())
            let reopened = try SQLiteStateStore(path: statePath(in: folder))
            #expect(try reopened.execution(id: created.id) == created)
        }
    }

    @Test
    func open_newerSchema() throws {
        try withTemporaryFolder { folder in
            _ = try SQLiteStateStore(path: statePath(in: folder))
            try SQLiteConnection(path: statePath(in: folder)).execute("PRAGMA user_version = 99")

            let error = try #require(throws: StateStoreError.self) { try SQLiteStateStore(path: statePath(in: folder)) }
            #expect(error.code == .newerSchema)
            #expect(error.description.contains("version 99"))
            #expect(error.description.contains("Upgrade SyncDeck"))
        }
    }

    @Test
    func open_notADatabase() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("state.sqlite").path
            try Data("clients,syncs\nacme,orders\n".utf8).write(to: URL(fileURLWithPath: path))

            let error = try #require(throws: StateStoreError.self) { try SQLiteStateStore(path: path) }
            #expect(error.code == .notADatabase)
            #expect(error.description.contains(path))
        }
    }

    @Test
    func open_folderIsAFile() throws {
        try withTemporaryFolder { folder in
            let blocker = folder.appendingPathComponent(".syncdeck")
            try Data().write(to: blocker)

            let error = try #require(throws: StateStoreError.self) { try SQLiteStateStore(path: statePath(in: folder)) }
            #expect(error.code == .folderNotWritable)
            #expect(error.description.contains(blocker.path))
        }
    }

    @Test
    func open_fileInPath() throws {
        try withTemporaryFolder { folder in
            let blocker = folder.appendingPathComponent("workspace")
            try Data().write(to: blocker)
            let path = blocker.appendingPathComponent(".syncdeck/state.sqlite").path

            let error = try #require(throws: StateStoreError.self) { try SQLiteStateStore(path: path) }
            #expect(error.code == .folderNotWritable)
            #expect(error.message.contains("\(blocker.path) is a file"))
        }
    }

    @Test
    func open_pathIsFolder() throws {
        try withTemporaryFolder { folder in
            let error = try #require(throws: StateStoreError.self) { try SQLiteStateStore(path: folder.path) }
            #expect(error.code == .cannotOpen)
            #expect(error.description.contains(folder.path))
        }
    }

    @Test
    func connect_sharesState() throws {
        try withStore { store, _ in
            let other = try store.connect()
            let created = try other.createExecution(draft())
            try store.appendLog(executionID: created.id, level: .info, message: "started", time: referenceTime)

            #expect(try store.execution(id: created.id) == created)
            #expect(try other.logs(executionID: created.id, after: 0, limit: 10).count == 1)
        }
    }
}
