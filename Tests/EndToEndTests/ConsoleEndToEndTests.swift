import Foundation
import Testing

/// The console of the real `syncdeck` binary in an 80×24 tmux pane.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
       .enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct ConsoleEndToEndTests {
    // MARK: - Fixtures

    /// Starts the console on a fresh test workspace; remove the workspace and kill the session
    /// in `defer`.
    private func startConsole(environment: [String: String?] = [:]) throws -> (TmuxSession, TestWorkspace) {
        let workspace = try TestWorkspace.make()
        let session = try TmuxSession(command: [SyncdeckBinary.url.path, "--workspace", workspace.folder.path],
                                      environment: environment, workingDirectory: workspace.folder)
        return (session, workspace)
    }

    @discardableResult
    private func waitForClients(_ session: TmuxSession, escapes: Bool = false) async throws -> String {
        try await session.waitUntil("the screen lists \(TestWorkspace.clientNames)", escapes: escapes) { screen in
            TestWorkspace.clientNames.allSatisfy { screen.contains($0) }
        }
    }

    // MARK: - Start and quit

    @Test func console_listsClients() async throws {
        let (session, workspace) = try startConsole()
        defer { session.kill(); workspace.remove() }

        try await waitForClients(session)
    }

    @Test func quitKey_exitsCleanly() async throws {
        let (session, workspace) = try startConsole()
        defer { session.kill(); workspace.remove() }
        try await waitForClients(session)

        try session.sendKeys("q")

        #expect(try await session.waitForExit() == 0)
    }

    @Test func sigterm_exitsWithStatus143() async throws {
        let (session, workspace) = try startConsole()
        defer { session.kill(); workspace.remove() }
        try await waitForClients(session)

        let pid = try #require(try session.commandProcessID())
        kill(pid, SIGTERM)

        #expect(try await session.waitForExit() == 143)
    }

    // MARK: - Terminal types

    @Test func unknownTerm_exitsWithMessage() async throws {
        let (session, workspace) = try startConsole(environment: ["TERM": "xyz-unknown"])
        defer { session.kill(); workspace.remove() }

        #expect(try await session.waitForExit() != 0)
        try await session.waitFor("unknown terminal type \"xyz-unknown\"")
    }

    @Test func dumbTerm_exitsWithMessage() async throws {
        let (session, workspace) = try startConsole(environment: ["TERM": "dumb"])
        defer { session.kill(); workspace.remove() }

        #expect(try await session.waitForExit() != 0)
        try await session.waitFor("cannot move the cursor")
    }

    // MARK: - Colors

    @Test func noColor_writesNoColorSequences() async throws {
        let (session, workspace) = try startConsole(environment: ["NO_COLOR": "1"])
        defer { session.kill(); workspace.remove() }

        let screen = try await waitForClients(session, escapes: true)

        #expect(ColorSequences.find(in: screen) == [])
    }

    @Test func defaultTheme_writesColorSequences() async throws {
        let (session, workspace) = try startConsole()
        defer { session.kill(); workspace.remove() }

        let screen = try await waitForClients(session, escapes: true)

        #expect(!ColorSequences.find(in: screen).isEmpty)
    }

    // MARK: - Redraw and resize

    @Test func resize_keepsClients() async throws {
        let (session, workspace) = try startConsole()
        defer { session.kill(); workspace.remove() }
        try await waitForClients(session)

        try session.resize(columns: 120, rows: 40)
        try await session.waitUntil("the pane is 120x40") { _ in (try? session.format("#{pane_width}x#{pane_height}")) == "120x40" }
        try session.resize(columns: 80, rows: 24)

        try await waitForClients(session)
    }

    @Test func controlL_redrawsScreen() async throws {
        let (session, workspace) = try startConsole()
        defer { session.kill(); workspace.remove() }
        try await waitForClients(session)

        try session.sendKeys("C-l")

        try await waitForClients(session)
    }
}
