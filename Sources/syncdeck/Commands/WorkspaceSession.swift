import Foundation
import SyncEngine
import SyncStore

/// A workspace opened with its state database and engine, as every command needs it.
struct WorkspaceSession {
    let workspace: Workspace
    let engine: ExecutionEngine

    /// Opens the workspace in `folder`.
    ///
    /// - Throws: `CommandFailure` with exit code `workspaceInvalid` when the workspace file has
    ///   problems or the state database cannot be opened.
    static func open(folder: String) throws -> WorkspaceSession {
        let url = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        let workspace: Workspace
        do {
            workspace = try Workspace.load(folder: url)
        } catch {
            throw CommandFailure(.workspaceInvalid, "\(error)")
        }

        do {
            let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
            let engine = try ExecutionEngine(workspace: workspace, store: store)
            return WorkspaceSession(workspace: workspace, engine: engine)
        } catch {
            throw CommandFailure(.workspaceInvalid,
                                 "cannot open the state database \(workspace.stateDatabaseURL.path): \(error)")
        }
    }
}

/// A command that ends with a message for standard error and an exit code.
struct CommandFailure: Error {
    let code: ExitCode
    let message: String

    init(_ code: ExitCode, _ message: String) {
        self.code = code
        self.message = message
    }
}
