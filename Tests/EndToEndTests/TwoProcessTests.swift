import Foundation
import Testing

/// Two `syncdeck run` processes started together on the same sync and range.
@Suite(.enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct TwoProcessTests {
    static let rowsPerDay = 20
    /// Enough rows that a first run is still importing, seconds later, when the test acts on it.
    static let busyRowsPerDay = 2_000

    @Test func sameRange_importsEveryDayOnce() throws {
        let workspace = try YearWorkspace.make(rowsPerDay: Self.rowsPerDay)
        defer { workspace.remove() }
        let command = [SyncdeckBinary.url.path, "run", "--workspace", workspace.folder.path, "acme/orders",
                       "--from", "2025-01-01", "--to", "2025-12-31"]

        let first = try ChildProcess(command, outputFolder: workspace.folder)
        let second = try ChildProcess(command, outputFolder: workspace.folder)
        let statuses = [first.wait(), second.wait()]

        // The one that did not get the sync is refused (5), or finds nothing missing when it
        // starts after the other has ended (0).
        #expect(statuses.allSatisfy { $0 == 0 || $0 == 5 }, "statuses \(statuses): \(first.errorOutput)\(second.errorOutput)")
        #expect(statuses.contains(0))
        for (process, status) in zip([first, second], statuses) where status == 5 {
            #expect(process.errorOutput.contains("is being run by another SyncDeck process: execution #"))
        }

        let audit = try DestinationAudit(workspace)
        #expect(audit.rows == YearWorkspace.dayCount * Self.rowsPerDay)
        #expect(audit.distinctIDs == audit.rows)
        #expect(audit.ledgerMismatches().isEmpty)
    }

    @Test func runningSync_refusesSecondProcess() throws {
        let workspace = try YearWorkspace.make(rowsPerDay: Self.busyRowsPerDay)
        defer { workspace.remove() }
        let running = try ChildProcess([SyncdeckBinary.url.path, "run", "--workspace", workspace.folder.path, "acme/orders",
                                        "--operator", "maria"], outputFolder: workspace.folder)
        defer { running.kill(SIGKILL); running.wait() }
        try waitUntilRunning(workspace)

        let refused = try Subprocess.run([SyncdeckBinary.url.path, "run", "--workspace", workspace.folder.path, "acme/orders"])

        #expect(refused.status == 5)
        #expect(refused.errorOutput.contains("execution #1"))
        #expect(refused.errorOutput.contains("started by maria, pid \(running.pid)"))
    }

    @Test func deadHolder_isTakenOver() throws {
        let workspace = try YearWorkspace.make(rowsPerDay: Self.busyRowsPerDay)
        defer { workspace.remove() }
        let killed = try ChildProcess([SyncdeckBinary.url.path, "run", "--workspace", workspace.folder.path, "acme/orders"],
                                      outputFolder: workspace.folder)
        try waitUntilRunning(workspace)
        killed.kill(SIGKILL)
        killed.wait()

        let next = try Subprocess.run([SyncdeckBinary.url.path, "run", "--workspace", workspace.folder.path, "acme/orders"])

        #expect(next.status == 0, "\(next.errorOutput)")
        #expect(try DestinationAudit(workspace).rows == YearWorkspace.dayCount * Self.busyRowsPerDay)
    }

    /// Polls the state database until a first day is in the ledger, for at most 30 seconds.
    private func waitUntilRunning(_ workspace: YearWorkspace) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let audit = try? DestinationAudit(workspace), !audit.ledgerByDay.isEmpty { return }
            usleep(10_000)
        }
        Issue.record("the first execution never imported a day")
    }
}
