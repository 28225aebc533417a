import SyncModel
import TestSupport
import Foundation
import Testing

/// `syncdeck run` killed with SIGKILL at random moments of a 365-day import.
///
/// After every kill the next start of SyncDeck must find both databases intact, every day whole
/// or absent, and the ledger equal to the destination. A final run then completes the year with
/// every row exactly once.
@Suite(.enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct FaultTests {
    static let rowsPerDay = 1000
    static let kills = 20
    /// Fixed so that a failure can be replayed.
    static let seed: UInt64 = 0x5EED_2026
    /// The range of the delay before each kill, in seconds. Starting takes about 50 ms here, and
    /// finished days commit together every quarter of a second. So the kills land in the start,
    /// the recovery, the import and the commits, and twenty of them leave days for the final run.
    static let delays = 0.02...0.5

    @Test func killedRuns_leaveWholeDaysAndExactLedger() throws {
        let workspace = try YearWorkspace.make(rowsPerDay: Self.rowsPerDay)
        defer { workspace.remove() }
        var random = SplitMix64(seed: Self.seed)
        var killedMidway = 0

        for round in 1...Self.kills {
            let delay = Double.random(in: Self.delays, using: &random)
            let child = try ChildProcess([SyncdeckBinary.url.path, "run", "--workspace", workspace.folder.path, "acme/orders"],
                                         outputFolder: workspace.folder)
            usleep(useconds_t(delay * 1_000_000))
            child.kill(SIGKILL)
            if child.wait() == 128 + SIGKILL { killedMidway += 1 }

            // The next start of SyncDeck recovers: listing the executions is enough.
            let listing = try Subprocess.run([SyncdeckBinary.url.path, "executions", "--workspace", workspace.folder.path])
            #expect(listing.status == 0, "round \(round): \(listing.errorOutput)")

            let audit = try DestinationAudit(workspace)
            #expect(audit.destinationIntegrity == "ok", "round \(round)")
            #expect(audit.stateIntegrity == "ok", "round \(round)")
            #expect(audit.partialDays(rowsPerDay: Self.rowsPerDay).isEmpty, "round \(round), delay \(delay) s")
            #expect(audit.ledgerMismatches().isEmpty, "round \(round), delay \(delay) s")
            #expect(audit.unfinished.isEmpty, "round \(round)")
        }
        #expect(killedMidway >= Self.kills / 2, "only \(killedMidway) runs were still running when killed")

        let final = try Subprocess.run([SyncdeckBinary.url.path, "run", "--workspace", workspace.folder.path, "acme/orders"])
        #expect(final.status == 0, "\(final.output)\(final.errorOutput)")
        let audit = try DestinationAudit(workspace)
        #expect(audit.rowsByDay.count == YearWorkspace.dayCount)
        #expect(audit.partialDays(rowsPerDay: Self.rowsPerDay).isEmpty)
        #expect(audit.rows == YearWorkspace.dayCount * Self.rowsPerDay)
        #expect(audit.distinctIDs == audit.rows)
        #expect(audit.ledgerMismatches().isEmpty)
    }

    @Test func killedRun_isShownInterrupted() throws {
        let workspace = try YearWorkspace.make(rowsPerDay: Self.rowsPerDay)
        defer { workspace.remove() }
        let child = try ChildProcess([SyncdeckBinary.url.path, "run", "--workspace", workspace.folder.path, "acme/orders"],
                                     outputFolder: workspace.folder)
        // The first commit of finished days, a quarter of a second in: the run has months to go.
        try waitForLedger(workspace, atLeast: 1)
        child.kill(SIGKILL)
        child.wait()

        let shown = try Subprocess.run([SyncdeckBinary.url.path, "show", "--workspace", workspace.folder.path, "1", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
        let error = try #require(object["error"] as? [String: Any])
        #expect(object["status"] as? String == "ERROR")
        #expect((error["message"] as? String)?.contains("pid \(child.pid)") == true)
        #expect((error["message"] as? String)?.contains("stopped before it finished") == true)
    }

    /// Polls the state database until the ledger contains `count` days, for at most 30 seconds.
    private func waitForLedger(_ workspace: YearWorkspace, atLeast count: Int) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let audit = try? DestinationAudit(workspace), audit.ledgerByDay.count >= count { return }
            usleep(20_000)
        }
        Issue.record("the ledger never held \(count) days")
    }
}
