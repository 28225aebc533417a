import Foundation

/// A `syncdeck` (or other) process started in the background, that a test can kill or wait for.
///
/// Output goes to files rather than pipes, so a child that prints a lot never blocks on a full
/// pipe while the test sleeps before killing it.
final class ChildProcess {
    let pid: pid_t
    private let outputURL: URL
    private let errorURL: URL
    private var exitStatus: Int32?

    /// Starts `arguments[0]` (a path) with the other elements as its arguments.
    ///
    /// - Parameter environment: variables to set on top of the test's own environment.
    init(_ arguments: [String], outputFolder: URL, environment: [String: String] = [:]) throws {
        let name = UUID().uuidString
        outputURL = outputFolder.appendingPathComponent("\(name).out")
        errorURL = outputFolder.appendingPathComponent("\(name).err")

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errorURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var variables = ProcessInfo.processInfo.environment
        for (key, value) in environment { variables[key] = value }
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let argv = arguments.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid: pid_t = 0
        let status = SpawnAttributes.withCleanSignals { attributes in
            posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        }
        guard status == 0 else {
            throw TmuxError("cannot start \(arguments[0]): \(String(cString: strerror(status)))")
        }
        self.pid = pid
    }

    /// Sends `signal` to the process; does nothing once it has been waited for.
    func kill(_ signal: Int32) {
        guard exitStatus == nil else { return }
        Foundation.kill(pid, signal)
    }

    /// Waits for the process to end and returns its exit status, or 128 plus the signal that ended it.
    @discardableResult
    func wait() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let result = SpawnAttributes.exitStatus(ofWaitStatus: status)
        exitStatus = result
        return result
    }

    var output: String { (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "" }
    var errorOutput: String { (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "" }

    deinit {
        if exitStatus == nil {
            Foundation.kill(pid, SIGKILL)
            wait()
        }
        try? FileManager.default.removeItem(at: outputURL)
        try? FileManager.default.removeItem(at: errorURL)
    }
}
