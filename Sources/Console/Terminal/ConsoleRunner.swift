import Foundation
import SyncEngine

/// Runs the console on the process's terminal until the operator quits or the terminal goes away.
public enum ConsoleRunner {
    /// The exit status after the operator quit.
    public static let quitStatus: Int32 = 0
    /// The exit status when the console cannot run on this terminal: no terminal, or `TERM`
    /// unset, unknown or without cursor addressing. The reason goes to standard error.
    public static let terminalUnusableStatus: Int32 = 1
    /// The exit status after `SIGHUP` or the end of input: the terminal is gone.
    public static let hangUpStatus: Int32 = 129
    /// The exit status after `SIGTERM`.
    public static let terminatedStatus: Int32 = 143

    /// Takes over the terminal, shows `app` and feeds it keys, resizes and engine events until it
    /// wants to quit, then restores the terminal.
    ///
    /// The main thread sleeps in its run loop until a key, a signal or an engine event arrives.
    /// While executions run, a one-second tick also redraws so that durations move. `SIGINT`
    /// asks the app to quit, which asks the operator first while executions run. On the way out,
    /// whatever the reason, executions still running are canceled and awaited for up to
    /// `cancelTimeout` seconds, so each ends with a recorded status. What was written to standard
    /// error while the console owned the screen is printed after the terminal is restored.
    ///
    /// - Parameters:
    ///   - app: the console; its engine is the one observed and canceled.
    ///   - theme: the look; the terminal's color depth and `NO_COLOR` in `environment` apply on top.
    ///   - environment: where `TERM` and `NO_COLOR` are read.
    /// - Returns: the process exit status: `quitStatus`, `terminalUnusableStatus`, `hangUpStatus`
    ///   or `terminatedStatus`.
    /// - Note: Call it on the main thread: it runs the main run loop, which drains the main queue.
    public static func run(app: ConsoleApp, theme: Theme,
                           environment: [String: String] = ProcessInfo.processInfo.environment,
                           cancelTimeout: TimeInterval = 10) -> Int32 {
        dispatchPrecondition(condition: .onQueue(.main))

        // Dispatch signal sources see only signals the process does not act on, and ncurses
        // installs its own handlers for signals left at their default.
        let handledSignals = [SIGINT, SIGTERM, SIGHUP, SIGWINCH]
        for handled in handledSignals { signal(handled, SIG_IGN) }
        defer { for handled in handledSignals { signal(handled, SIG_DFL) } }

        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(theme: theme, environment: environment)
        } catch {
            printError("\(error)")
            return terminalUnusableStatus
        }

        let errorCapture = StandardErrorCapture()
        let session = ConsoleSession(app: app, terminal: terminal)
        session.start()
        while session.stopReason == nil {
            _ = RunLoop.main.run(mode: .default, before: .distantFuture)
        }
        let reason = session.stopReason ?? .quit
        session.tearDown()
        terminal.shutDown()
        errorCapture?.finish()

        if reason == .inputEnded {
            printError("standard input ended (the terminal closed); stopping")
        }
        finishExecutions(of: app.engine, timeout: cancelTimeout)
        return reason.exitStatus
    }

    private static func finishExecutions(of engine: ExecutionEngine, timeout: TimeInterval) {
        guard engine.hasActiveExecutions else { return }
        printError("canceling the executions still running; each keeps the days it completed")
        engine.cancelAll()
        if !engine.waitForAll(timeout: timeout) {
            printError("executions still running after \(Int(timeout)) s; the next start records them as interrupted")
        }
    }

    /// Writes a line to standard error, ignoring failures: after a hang-up the terminal is gone,
    /// and the non-throwing `FileHandle.write` would end the process before executions are
    /// canceled, leaving them to be found interrupted on the next start.
    private static func printError(_ message: String) {
        try? FileHandle.standardError.write(contentsOf: Data("syncdeck: \(message)\n".utf8))
    }
}

/// The reason the console stopped, which sets the exit status.
enum ConsoleStopReason: Equatable {
    case quit, hangUp, terminated, inputEnded

    var exitStatus: Int32 {
        switch self {
        case .quit: return ConsoleRunner.quitStatus
        case .hangUp, .inputEnded: return ConsoleRunner.hangUpStatus
        case .terminated: return ConsoleRunner.terminatedStatus
        }
    }
}
