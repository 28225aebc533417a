import Foundation
import Testing

/// Esc, arrow keys, Ctrl-L and tmux detach/reattach on the real console.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
       .enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct ConsoleKeysEndToEndTests {
    private func startConsole() async throws -> (TmuxSession, TestWorkspace) {
        let workspace = try TestWorkspace.make()
        let session = try ConsoleLaunch.console(workspace)
        try await ConsoleLaunch.waitForClients(session)
        return (session, workspace)
    }

    // MARK: - Esc and arrows

    /// ncurses waits a whole second by default before it takes a lone ESC for the Esc key; the
    /// console sets 25 ms, so the dialog closes well within this bound even on a busy machine.
    @Test func escape_closesTheDialogAtOnce() async throws {
        let (session, workspace) = try await startConsole()
        defer { session.kill(); workspace.remove() }
        try session.sendKeys("Right", "Enter")
        try await session.waitFor("[ Execute ]")

        try session.sendKeys("Escape")

        try await session.waitUntil("the dialog closes", timeout: .milliseconds(800)) { !$0.contains("[ Execute ]") }
    }

    @Test func arrowKeys_afterEscape_moveTheSelection() async throws {
        let (session, workspace) = try await startConsole()
        defer { session.kill(); workspace.remove() }
        try session.sendKeys("Right", "Enter")
        try await session.waitFor("[ Execute ]")

        // Esc and the arrows in one burst: the arrows must not be read as Esc followed by text.
        try session.sendKeys("Escape", "Left", "Down")

        try await session.waitFor("Syncs of Globex Corporation")
    }

    @Test func arrowKeys_inABurst_areEachApplied() async throws {
        let (session, workspace) = try await startConsole()
        defer { session.kill(); workspace.remove() }

        try session.sendKeys("Down", "Up", "Down")

        try await session.waitFor("Syncs of Globex Corporation")
    }

    // MARK: - Redraw

    @Test func controlL_wipesGarbage() async throws {
        let (session, workspace) = try await startConsole()
        defer { session.kill(); workspace.remove() }
        let clean = try session.capture()
        try session.writeToTerminal("\u{1B}[5;5HGARBAGE WRITTEN BEHIND THE CONSOLE")
        try await session.waitFor("GARBAGE WRITTEN")

        try session.sendKeys("C-l")

        #expect(try await session.waitUntil("the screen is clean again") { $0 == clean } == clean)
    }

    // MARK: - Detach and reattach

    @Test func reattach_showsStatusesThatChangedWhileDetached() async throws {
        let (session, workspace) = try await startConsole()
        defer { session.kill(); workspace.remove() }
        // The operator's terminal is a pane of a second tmux, 100x30, with a shell in it.
        let operatorTerminal = try TmuxSession(command: ["sh"], columns: 100, rows: 30)
        defer { operatorTerminal.kill() }
        let attach = "env -u TMUX tmux -L \(session.socketName) -f /dev/null attach"
        try operatorTerminal.type(attach)
        try operatorTerminal.sendKeys("Enter")
        try await operatorTerminal.waitFor("Globex Corporation")

        try session.detachClients()
        try await operatorTerminal.waitFor("[detached")
        try session.sendKeys("Right", "Enter")
        try await session.waitFor("[ Execute ]")
        try session.sendKeys("Enter")
        try await session.waitFor("FINISHED")
        try operatorTerminal.type(attach)
        try operatorTerminal.sendKeys("Enter")

        let screen = try await operatorTerminal.waitUntil("the reattached console shows the finished execution") { screen in
            screen.contains("Executions (1") && screen.contains("FINISHED")
        }
        #expect(screen.contains("#1"))
    }

    @Test func reattach_atAnotherSize_redrawsForIt() async throws {
        let (session, workspace) = try await startConsole()
        defer { session.kill(); workspace.remove() }
        let operatorTerminal = try TmuxSession(command: ["sh"], columns: 100, rows: 30)
        defer { operatorTerminal.kill() }
        try operatorTerminal.type("env -u TMUX tmux -L \(session.socketName) -f /dev/null attach")
        try operatorTerminal.sendKeys("Enter")

        // The attached client is 100x30 less tmux's status line: the console redraws for 100x29.
        let screen = try await operatorTerminal.waitUntil("the console fills the wider terminal") { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("└") && TerminalColumns.width(of: String($0)) == 100 }
        }
        #expect(screen.contains("Globex Corporation"))
    }
}
