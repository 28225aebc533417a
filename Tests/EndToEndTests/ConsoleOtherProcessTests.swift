import Foundation
import Testing

/// The console follows an execution that another process runs on the same workspace.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
       .enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct ConsoleOtherProcessTests {
    @Test func scriptRun_movesOnScreenUntilFinished() async throws {
        // Enough rows that the script still runs, seconds later, when Ctrl-L lists it.
        let workspace = try YearWorkspace.make(rowsPerDay: 2_000)
        defer { workspace.remove() }
        let session = try TmuxSession(command: [SyncdeckBinary.url.path, "--workspace", workspace.folder.path],
                                      workingDirectory: workspace.folder)
        defer { session.kill() }
        try await session.waitFor("Acme Retail")

        let script = try ChildProcess([SyncdeckBinary.url.path, "run", "--workspace", workspace.folder.path, "acme/orders"],
                                      outputFolder: workspace.folder)
        defer { script.kill(SIGKILL) }
        // Ctrl-L lists the executions that other processes started.
        try await session.waitUntil("the script's execution is listed as running") { _ in
            try? session.sendKeys("C-l")
            return (try? session.capture())?.contains("IN PROGRESS") == true
        }

        // No key is pressed from here: the console's tick reads the status from the state database.
        try await session.waitFor("✓ FINISHED", timeout: .seconds(60))
        #expect(script.wait() == 0)
    }
}
