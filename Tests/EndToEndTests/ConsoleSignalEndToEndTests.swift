import Foundation
import SyncStore
import Testing

/// Signals and a lost terminal while the console runs an execution: the process exits, and the
/// execution ends CANCELED with whole days only.
///
/// Serialized: each test keeps a core busy with its import, and the machine is shared.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
       .enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct ConsoleSignalEndToEndTests {
    /// Eight days of 40,000 orders: about ten seconds of work in a debug build, so a signal sent
    /// once the first day is in lands in the middle of the run.
    private static let dayCount = 8
    private static let rowsPerDay = 40_000

    /// Starts the default execution of `acme/orders` in the console and waits until its first days
    /// are imported. Returns the session, the workspace and the console's process id.
    private func startLongRun() async throws -> (TmuxSession, TestWorkspace, pid_t) {
        let workspace = try TestWorkspace.make(dayCount: Self.dayCount, rowsPerDay: Self.rowsPerDay)
        let session = try ConsoleLaunch.console(workspace)
        do {
            try await ConsoleLaunch.waitForClients(session)
            try session.sendKeys("Right", "Enter")
            try await session.waitFor("[ Execute ]")
            try session.sendKeys("Enter")
            try await session.waitFor("IN PROGRESS")
            // Finished days commit together, so the count may skip 1.
            let someDaysDone = (1..<Self.dayCount).map { "\($0)/\(Self.dayCount)" }
            try await session.waitUntil("the screen shows some days imported", timeout: .seconds(60)) { screen in
                someDaysDone.contains { screen.contains($0) }
            }
            guard let pid = try session.commandProcessID() else { throw TmuxError("the console has no process") }
            return (session, workspace, pid)
        } catch {
            session.kill()
            workspace.remove()
            throw error
        }
    }

    /// The status of execution #1 as `syncdeck executions --json` reports it.
    private func firstExecutionStatus(_ workspace: TestWorkspace) throws -> String? {
        try ConsoleLaunch.executions(of: workspace).first { ($0["id"] as? Int) == 1 }?["status"] as? String
    }

    /// The days that execution #1 imported, by `show --json`, and the rows of each day in the
    /// destination table; equal when no day is partial.
    private func importedDays(_ workspace: TestWorkspace) throws -> (reported: [String: Int], stored: [String: Int]) {
        let days = try ConsoleLaunch.execution(1, of: workspace)["days"] as? [[String: Any]] ?? []
        var reported: [String: Int] = [:]
        for day in days where day["state"] as? String == "imported" {
            reported[day["day"] as? String ?? "?"] = Self.rowsPerDay
        }
        let connection = try SQLiteConnection(path: workspace.ordersDatabase.path, readOnly: true)
        var stored: [String: Int] = [:]
        for row in try connection.query("SELECT _syncdeck_day, COUNT(*) FROM orders GROUP BY _syncdeck_day") {
            stored[row[0].textValue ?? "?"] = Int(row[1].integerValue ?? -1)
        }
        return (reported, stored)
    }

    /// Waits until process `pid` is gone, for the cases where no shell records its exit status.
    private func waitUntilGone(_ pid: pid_t, timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while kill(pid, 0) == 0 || errno != ESRCH {
            guard ContinuousClock.now < deadline else { throw TmuxError("process \(pid) still runs after \(timeout)") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    // MARK: - SIGHUP

    @Test func sighup_exitsWith129() async throws {
        let (session, workspace, pid) = try await startLongRun()
        defer { session.kill(); workspace.remove() }

        kill(pid, SIGHUP)

        #expect(try await session.waitForExit(timeout: .seconds(30)) == 129)
    }

    @Test func sighup_recordsTheExecutionAsCanceled() async throws {
        let (session, workspace, pid) = try await startLongRun()
        defer { session.kill(); workspace.remove() }

        kill(pid, SIGHUP)
        _ = try await session.waitForExit(timeout: .seconds(30))

        let status = try firstExecutionStatus(workspace)
        #expect(status == "CANCELED")
    }

    @Test func sighup_leavesNoPartialDay() async throws {
        let (session, workspace, pid) = try await startLongRun()
        defer { session.kill(); workspace.remove() }

        kill(pid, SIGHUP)
        _ = try await session.waitForExit(timeout: .seconds(30))
        let days = try importedDays(workspace)

        #expect(days.stored == days.reported)
        #expect(days.reported.count < Self.dayCount)
    }

    // MARK: - Lost terminal

    @Test func closedTerminal_stopsTheProcess() async throws {
        let (session, workspace, pid) = try await startLongRun()
        defer { session.kill(); workspace.remove() }

        try session.killPane()

        try await waitUntilGone(pid, timeout: .seconds(30))
    }

    @Test func closedTerminal_recordsTheExecutionAsCanceled() async throws {
        let (session, workspace, pid) = try await startLongRun()
        defer { session.kill(); workspace.remove() }

        try session.killPane()
        try await waitUntilGone(pid, timeout: .seconds(30))

        let status = try firstExecutionStatus(workspace)
        #expect(status == "CANCELED")
    }

    // MARK: - SIGTERM and SIGINT

    @Test func sigterm_cancelsAndExitsWith143() async throws {
        let (session, workspace, pid) = try await startLongRun()
        defer { session.kill(); workspace.remove() }

        kill(pid, SIGTERM)

        #expect(try await session.waitForExit(timeout: .seconds(30)) == 143)
        let status = try firstExecutionStatus(workspace)
        #expect(status == "CANCELED")
    }

    @Test func sigint_asksBeforeQuitting() async throws {
        let (session, workspace, pid) = try await startLongRun()
        defer { session.kill(); workspace.remove() }

        kill(pid, SIGINT)

        try await session.waitFor("Quit now?")
    }

    @Test func sigint_noKeepsTheExecutionRunning() async throws {
        let (session, workspace, pid) = try await startLongRun()
        defer { session.kill(); workspace.remove() }
        kill(pid, SIGINT)
        try await session.waitFor("Quit now?")

        try session.sendKeys("n")

        try await session.waitUntil("the prompt closes") { !$0.contains("Quit now?") }
        let status = try firstExecutionStatus(workspace)
        #expect(status == "IN_PROGRESS")
    }

    @Test func sigint_yesCancelsAndQuits() async throws {
        let (session, workspace, pid) = try await startLongRun()
        defer { session.kill(); workspace.remove() }
        kill(pid, SIGINT)
        try await session.waitFor("Quit now?")

        try session.sendKeys("y")

        #expect(try await session.waitForExit(timeout: .seconds(30)) == 0)
        let status = try firstExecutionStatus(workspace)
        #expect(status == "CANCELED")
    }
}
