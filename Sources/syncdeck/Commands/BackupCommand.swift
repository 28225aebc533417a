import Foundation
import SyncEngine
import SyncStore

/// `syncdeck backup`: copies the state database of a workspace while executions may run.
enum BackupCommand {
    static let help = """
    Usage: syncdeck backup --workspace DIR FILE [--force]

    Copies the workspace's state database (executions, the import ledger, logs) to FILE as one
    consistent snapshot. Executions may keep running meanwhile: the copy holds what was committed
    when it started. The copy is an ordinary SQLite database; to restore it, stop SyncDeck and put
    it in place of DIR/.syncdeck/state.sqlite.

      --force   replace FILE when it exists (by default an existing FILE is left untouched)

    Exit codes: 0 copied, 2 invalid command line, 6 workspace, state database or FILE unusable.
    """

    static func run(_ words: [String]) throws -> ExitCode {
        let arguments = try Arguments(words, valued: ["workspace"], flags: ["force"])
        let folder = try requireWorkspace(arguments)
        guard arguments.positionals.count == 1 else {
            throw UsageError("name one backup file, for example: syncdeck backup --workspace \(folder) state-backup.sqlite")
        }
        let target = arguments.positionals[0]

        let workspace: Workspace
        do {
            workspace = try Workspace.load(folder: URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL)
        } catch {
            throw CommandFailure(.workspaceInvalid, "\(error)")
        }
        let statePath = workspace.stateDatabaseURL.path
        guard FileManager.default.fileExists(atPath: statePath) else {
            throw CommandFailure(.workspaceInvalid, "\(statePath) does not exist: this workspace has no state to back up yet")
        }

        do {
            let store = try SQLiteStateStore(path: statePath)
            let copy = try store.backup(to: target, replacing: arguments.has("force"))
            print("copied \(statePath) to \(copy.path): \(copy.executions) executions, \(copy.ledgerEntries) ledger entries, "
                  + "\(copy.logLines) log lines, schema version \(copy.schemaVersion), \(copy.bytes) bytes")
            return .success
        } catch let error as StateStoreError {
            throw CommandFailure(.workspaceInvalid, error.description)
        }
    }
}
