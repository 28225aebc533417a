import Foundation
import SyncStore
import Testing

/// An operator runs an execution from the console of the real binary in an 80×24 tmux pane.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
       .enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct ConsoleExecutionTests {
    @Test func dateRange_runsUntilFinished() async throws {
        let workspace = try TestWorkspace.make()
        let session = try TmuxSession(command: [SyncdeckBinary.url.path, "--workspace", workspace.folder.path],
                                      workingDirectory: workspace.folder)
        defer { session.kill(); workspace.remove() }
        try await session.waitFor("Orders to CRM")

        // Syncs pane, play dialog, then the Date Range tab, prefilled with the sync's whole span.
        try session.sendKeys("Right")
        try session.sendKeys("Enter")
        try await session.waitFor("Single Date")
        try session.sendKeys("Tab")
        try session.sendKeys("Tab")
        try await session.waitFor("Will import 3 days")

        // From the first day's field: the last day, the calendar, which j leaves, the two modes,
        // then Execute.
        for key in ["Down", "Down", "j", "j", "j"] {
            try session.sendKeys(key)
        }
        try await session.waitFor("›[ Execute ]")
        try session.sendKeys("Enter")

        try await session.waitFor("✓ FINISHED")
        let screen = try session.capture()
        #expect(screen.contains("3/3"))
        #expect(!screen.contains("FINISHED ⚠︎"))
        let connection = try SQLiteConnection(path: workspace.folder.appendingPathComponent("out/acme.sqlite").path)
        #expect(try connection.query("SELECT count(*) FROM orders").first?.first?.integerValue == 9)
    }
}
