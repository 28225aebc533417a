import Foundation

/// Starts the real `syncdeck` binary the way the end-to-end tests need it: the console in a tmux
/// pane, or a command-line subcommand whose output is read back.
enum ConsoleLaunch {
    /// Starts the console on `workspace` in a new tmux pane; kill the session in a `defer`.
    ///
    /// - Parameters:
    ///   - arguments: more command-line arguments, such as `--theme light`.
    ///   - environment: variables on top of `TmuxSession.baseEnvironment`; `nil` unsets one.
    static func console(_ workspace: TestWorkspace, arguments: [String] = [], environment: [String: String?] = [:],
                        columns: Int = 80, rows: Int = 24) throws -> TmuxSession {
        try TmuxSession(command: [SyncdeckBinary.url.path, "--workspace", workspace.folder.path] + arguments,
                        environment: environment, workingDirectory: workspace.folder, columns: columns, rows: rows)
    }

    /// Waits until the console shows the name of every client of `workspace`'s default layout.
    @discardableResult
    static func waitForClients(_ session: TmuxSession, names: [String] = TestWorkspace.clientNames,
                               escapes: Bool = false) async throws -> String {
        try await session.waitUntil("the screen lists \(names)", escapes: escapes) { screen in
            names.allSatisfy { screen.contains($0) }
        }
    }

    /// Runs `syncdeck` with `arguments` to its end and returns its exit status and output.
    static func syncdeck(_ arguments: [String]) throws -> Subprocess.Result {
        try Subprocess.run([SyncdeckBinary.url.path] + arguments)
    }

    /// The executions of `workspace` as `syncdeck executions --json` prints them.
    static func executions(of workspace: TestWorkspace) throws -> [[String: Any]] {
        let result = try syncdeck(["executions", "--workspace", workspace.folder.path, "--json"])
        guard result.status == 0 else {
            throw TmuxError("syncdeck executions failed with status \(result.status): \(result.errorOutput)")
        }
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
        guard let executions = object as? [[String: Any]] else {
            throw TmuxError("syncdeck executions --json printed no array: \(result.output)")
        }
        return executions
    }

    /// One execution of `workspace` as `syncdeck show --json` prints it.
    static func execution(_ id: Int, of workspace: TestWorkspace) throws -> [String: Any] {
        let result = try syncdeck(["show", "--workspace", workspace.folder.path, String(id), "--json"])
        guard result.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] else {
            throw TmuxError("syncdeck show \(id) failed with status \(result.status): \(result.errorOutput)")
        }
        return object
    }
}
