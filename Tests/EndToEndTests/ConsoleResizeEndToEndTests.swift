import SyncModel
import TestSupport
import Foundation
import Testing

/// Resizing the terminal of the real console while the re-import alert is open.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
       .enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct ConsoleResizeEndToEndTests {
    /// Imports every day of `acme/orders`, starts the console at 120x40, and opens the Single Date
    /// tab on the last day, already imported, with I confirm checked.
    private func openOverlapAlert() async throws -> (TmuxSession, TestWorkspace) {
        let workspace = try TestWorkspace.make()
        let run = try ConsoleLaunch.syncdeck(["run", "--workspace", workspace.folder.path, "acme/orders"])
        guard run.status == 0 else {
            workspace.remove()
            throw TmuxError("syncdeck run failed with status \(run.status): \(run.errorOutput)")
        }
        let session = try ConsoleLaunch.console(workspace, columns: 120, rows: 40)
        try await ConsoleLaunch.waitForClients(session)
        try session.sendKeys("Right", "Enter")
        try await session.waitFor("[ Execute ]")
        try session.sendKeys("Tab", "Down", "j", "Space")
        try await session.waitFor("[x] I confirm")
        return (session, workspace)
    }

    @discardableResult
    private func resize(_ session: TmuxSession, columns: Int, rows: Int, shows text: String) async throws -> String {
        try session.resize(columns: columns, rows: rows)
        return try await session.waitUntil("the \(columns)x\(rows) pane shows \"\(text)\"") { screen in
            (try? session.format("#{pane_width}x#{pane_height}")) == "\(columns)x\(rows)" && screen.contains(text)
        }
    }

    @Test func shrinkAndGrow_restoresTheAlertAsItWas() async throws {
        let (session, workspace) = try await openOverlapAlert()
        defer { session.kill(); workspace.remove() }
        let before = try session.capture()

        try await resize(session, columns: 20, rows: 6, shows: "80x24")
        try await resize(session, columns: 10, rows: 3, shows: "80x24")
        try await resize(session, columns: 120, rows: 40, shows: "[x] I confirm")

        #expect(try await session.waitUntil("the screen is as before the resizes") { $0 == before } == before)
    }

    @Test func tooSmall_leavesNoGarbage() async throws {
        let (session, workspace) = try await openOverlapAlert()
        defer { session.kill(); workspace.remove() }

        let small = try await resize(session, columns: 20, rows: 6, shows: "80x24")
        let leftovers = small.split(separator: "\n").filter { line in
            line.contains("│") || line.contains("─") || line.contains("Execute") || line.contains("Re-import")
        }

        #expect(leftovers == [])
    }

    @Test func tenByThree_namesTheSizeNeeded() async throws {
        let (session, workspace) = try await openOverlapAlert()
        defer { session.kill(); workspace.remove() }

        let tiny = try await resize(session, columns: 10, rows: 3, shows: "80x24")

        #expect(tiny.lowercased().contains("too small"))
    }

    @Test func resizeStorm_keepsTheConsoleRunning() async throws {
        let (session, workspace) = try await openOverlapAlert()
        defer { session.kill(); workspace.remove() }
        let before = try session.capture()

        // Seeded, so a failure replays the same storm.
        var generator = SplitMix64(seed: 42)
        for _ in 0..<25 {
            try session.resize(columns: 1 + Int(generator.next() % 160), rows: 1 + Int(generator.next() % 50))
        }
        try session.resize(columns: 120, rows: 40)

        #expect(try await session.waitUntil("the screen is as before the storm") { $0 == before } == before)
    }
}
