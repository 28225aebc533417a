import Foundation

/// A command running in a pane of a private tmux server, driven the way an operator would.
///
/// Each session starts its own server on a socket of its own (`tmux -L`), with no configuration
/// file, so tests run in parallel without touching anyone's tmux. Call `kill()` in a `defer`
/// right after creating one.
final class TmuxSession {
    /// The tmux socket name, unique to this session.
    let socketName: String
    /// Where the pane's shell writes the command's exit status.
    private let statusFile: URL
    /// The server's socket, which tmux 3.3a leaves behind after `kill-server`.
    private var socketPath: String?

    /// The environment every command gets unless a test overrides it: a known terminal type with
    /// 256 colors, a UTF-8 locale, and none of the variables that change colors.
    static let baseEnvironment: [String: String?] = [
        "TERM": "tmux-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": nil,
        "NO_COLOR": nil,
    ]

    /// Whether the tmux executable is installed.
    static var isAvailable: Bool {
        (try? TmuxSession.tmux(["-V"], socketName: nil)) != nil
    }

    /// Starts `command` in an 80×24 (or `columns`×`rows`) pane.
    ///
    /// - Parameters:
    ///   - environment: variables set for the command on top of `baseEnvironment`; `nil` unsets one.
    ///   - workingDirectory: where the command starts.
    init(command: [String], environment: [String: String?] = [:], workingDirectory: URL? = nil,
         columns: Int = 80, rows: Int = 24) throws {
        socketName = "syncdeck-test-\(getpid())-\(UUID().uuidString.prefix(8))"

        var variables = TmuxSession.baseEnvironment
        variables.merge(environment) { _, new in new }
        let unset = variables.filter { $0.value == nil }.keys.sorted().flatMap { ["-u", $0] }
        let set = variables.compactMap { name, value in value.map { "\(name)=\($0)" } }.sorted()
        // The shell writes the command's exit status to a file and keeps the pane open. tmux 3.3a
        // tracks a command that exits at once badly (it may lose its last output, or never report
        // its status), so neither `remain-on-exit` nor `pane_dead_status` is relied on.
        statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socketName).status")
        let invocation = (["env"] + unset + set + command).map(TmuxSession.shellQuoted).joined(separator: " ")
        let shellCommand = "\(invocation); echo $? > \(TmuxSession.shellQuoted(statusFile.path)); exec sleep 600"

        var arguments = ["new-session", "-d", "-x", String(columns), "-y", String(rows)]
        if let workingDirectory {
            arguments += ["-c", workingDirectory.path]
        }
        try TmuxSession.tmux(arguments + [shellCommand], socketName: socketName)
        socketPath = try format("#{socket_path}")
    }

    deinit {
        kill()
    }

    // MARK: - Input

    /// Sends keys by their tmux names, such as `q`, `Enter`, `Escape`, `Up`, `BTab` or `C-l`.
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys"] + keys)
    }

    /// Types `text` literally, each character as a key.
    func type(_ text: String) throws {
        try run(["send-keys", "-l", text])
    }

    /// Resizes the window, as when the operator resizes the terminal.
    func resize(columns: Int, rows: Int) throws {
        try run(["resize-window", "-x", String(columns), "-y", String(rows)])
    }

    /// Writes `text` to the pane's terminal as if a program had printed it, to leave garbage on
    /// the screen behind the command's back.
    func writeToTerminal(_ text: String) throws {
        let tty = try format("#{pane_tty}")
        guard let handle = FileHandle(forWritingAtPath: tty) else {
            throw TmuxError("cannot open the pane's terminal \(tty) for writing")
        }
        defer { try? handle.close() }
        handle.write(Data(text.utf8))
    }

    /// Detaches every client attached to the session, as an operator's `prefix d` or a lost SSH
    /// connection does.
    func detachClients() throws {
        try run(["detach-client", "-s", try format("#{session_name}")])
    }

    /// Closes the pane's terminal, as a dropped SSH connection does: the kernel hangs up the
    /// processes of the pane, and nothing writes the command's exit status.
    func killPane() throws {
        try run(["kill-pane"])
    }

    // MARK: - Output

    /// Returns the pane's screen as text, with the escape sequences of colors and attributes when
    /// `escapes` is set.
    func capture(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p"] + (escapes ? ["-e"] : []))
    }

    /// Returns the value of a tmux format for the pane, such as `#{pane_width}`.
    func format(_ format: String) throws -> String {
        try run(["display-message", "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the screen shows `text`, and returns the screen.
    ///
    /// - Throws: `TmuxError` with the last screen when `timeout` passes first.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(20), escapes: Bool = false) async throws -> String {
        try await waitUntil("the screen shows \"\(text)\"", timeout: timeout, escapes: escapes) { $0.contains(text) }
    }

    /// Polls the screen every 100 ms until `condition` holds, and returns that screen.
    ///
    /// - Parameter expectation: what is awaited, for the error message.
    /// - Throws: `TmuxError` with the last screen when `timeout` passes first, or at once when
    ///   the command has exited and its last screen does not satisfy `condition`.
    @discardableResult
    func waitUntil(_ expectation: String, timeout: Duration = .seconds(20), escapes: Bool = false,
                   _ condition: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while true {
            let exitStatus = self.exitStatus
            screen = try capture(escapes: escapes)
            if condition(screen) { return screen }
            if let exitStatus {
                throw TmuxError("the command exited with status \(exitStatus) before \(expectation); the screen was:\n\(screen)")
            }
            if ContinuousClock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TmuxError("timed out after \(timeout) waiting until \(expectation); the screen was:\n\(screen)")
    }

    /// Waits until the command has exited, and returns its exit status (128 + the signal number
    /// when a signal ended it).
    func waitForExit(timeout: Duration = .seconds(20)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            // Checked once more after the deadline: a test task that was not scheduled for a
            // while must not fail when the command exited in time.
            if let exitStatus { return exitStatus }
            if ContinuousClock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TmuxError("timed out after \(timeout) waiting for the command to exit; the screen was:\n\(try capture())")
    }

    /// The command's exit status, or `nil` while it runs.
    var exitStatus: Int32? {
        let text = (try? String(contentsOf: statusFile, encoding: .utf8)) ?? ""
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The process id of the command, a child of the pane's shell; `nil` once it has exited.
    func commandProcessID() throws -> pid_t? {
        let shell = try format("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { pid_t($0) }
    }

    // MARK: - Server

    /// Stops the server and the command in it. Safe to call more than once.
    func kill() {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: statusFile)
        if let socketPath {
            unlink(socketPath)
        }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        try TmuxSession.tmux(arguments, socketName: socketName)
    }

    @discardableResult
    private static func tmux(_ arguments: [String], socketName: String?) throws -> String {
        let server = socketName.map { ["-L", $0, "-f", "/dev/null"] } ?? []
        let result = try Subprocess.run(["tmux"] + server + arguments)
        guard result.status == 0 else {
            throw TmuxError("tmux \(arguments.joined(separator: " ")) failed with status \(result.status): \(result.errorOutput)")
        }
        return result.output
    }

    /// Quotes `word` for the shell that tmux runs the pane command with.
    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A tmux command that failed, or a wait that timed out, with what the screen showed.
struct TmuxError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
