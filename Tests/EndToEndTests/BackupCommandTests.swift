import Foundation
import SyncStore
import Testing

/// `syncdeck backup` on the real binary, alone and while an execution writes.
@Suite(.enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct BackupCommandTests {
    @Test func whileRunning_copiesConsistentState() throws {
        let workspace = try YearWorkspace.make(rowsPerDay: 50)
        defer { workspace.remove() }
        let running = try ChildProcess([SyncdeckBinary.url.path, "run", "--workspace", workspace.folder.path, "acme/orders"],
                                       outputFolder: workspace.folder)
        defer { running.kill(SIGKILL); running.wait() }
        try waitForLedger(workspace)
        let file = workspace.folder.appendingPathComponent("state-copy.sqlite").path

        let backup = try Subprocess.run([SyncdeckBinary.url.path, "backup", "--workspace", workspace.folder.path, file])

        #expect(backup.status == 0, "\(backup.errorOutput)")
        #expect(backup.output.contains("copied \(workspace.statePath) to \(file)"))
        let copy = try SQLiteConnection(path: file, readOnly: true)
        #expect(try copy.query("PRAGMA integrity_check").first?.first == .text("ok"))
        let ledger = try copy.query("SELECT count(*) FROM ledger").first?.first?.integerValue ?? 0
        #expect(ledger > 0)
        #expect(backup.output.contains("\(ledger) ledger entries"))
        // The copy is a snapshot: every day in its ledger belongs to the execution it holds.
        #expect(try copy.query("SELECT count(*) FROM ledger WHERE execution_id NOT IN (SELECT id FROM executions)").first?.first == .integer(0))
    }

    @Test func existingFile_isKeptWithoutForce() throws {
        let workspace = try YearWorkspace.make(rowsPerDay: 1)
        defer { workspace.remove() }
        _ = try Subprocess.run([SyncdeckBinary.url.path, "executions", "--workspace", workspace.folder.path])
        let file = workspace.folder.appendingPathComponent("keep.sqlite")
        try Data("precious".utf8).write(to: file)

        let refused = try Subprocess.run([SyncdeckBinary.url.path, "backup", "--workspace", workspace.folder.path, file.path])

        #expect(refused.status == 6)
        #expect(refused.errorOutput.contains("already exists"))
        #expect(try Data(contentsOf: file) == Data("precious".utf8))
    }

    @Test func force_replacesFile() throws {
        let workspace = try YearWorkspace.make(rowsPerDay: 1)
        defer { workspace.remove() }
        _ = try Subprocess.run([SyncdeckBinary.url.path, "executions", "--workspace", workspace.folder.path])
        let file = workspace.folder.appendingPathComponent("old.sqlite")
        try Data("old".utf8).write(to: file)

        let replaced = try Subprocess.run([SyncdeckBinary.url.path, "backup", "--workspace", workspace.folder.path,
                                           file.path, "--force"])

        #expect(replaced.status == 0, "\(replaced.errorOutput)")
        #expect(try SQLiteConnection(path: file.path, readOnly: true).query("PRAGMA user_version").first?.first == .integer(2))
    }

    @Test func noState_isRefused() throws {
        let workspace = try YearWorkspace.make(rowsPerDay: 1)
        defer { workspace.remove() }
        let file = workspace.folder.appendingPathComponent("copy.sqlite")

        let refused = try Subprocess.run([SyncdeckBinary.url.path, "backup", "--workspace", workspace.folder.path, file.path])

        #expect(refused.status == 6)
        #expect(refused.errorOutput.contains("no state to back up"))
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    private func waitForLedger(_ workspace: YearWorkspace) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let audit = try? DestinationAudit(workspace), !audit.ledgerByDay.isEmpty { return }
            usleep(10_000)
        }
        Issue.record("the execution never imported a day")
    }
}
