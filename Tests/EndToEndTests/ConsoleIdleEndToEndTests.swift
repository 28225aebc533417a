import Foundation
import Testing

/// The real console wakes no thread while nothing happens: no timer ticks when no execution runs.
///
/// The benchmark (docs/BENCHMARKS.md) measures CPU seconds; this test counts wake-ups, which a
/// periodic timer would raise by one per period whatever the machine's speed.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
       .enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct ConsoleIdleEndToEndTests {
    /// The context switches of every thread of `pid` so far.
    private func contextSwitches(_ pid: pid_t) -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.reduce(0) { total, task in
            let status = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)) ?? ""
            return total + status.split(separator: "\n").filter { $0.contains("ctxt_switches:") }.reduce(0) { sum, line in
                sum + (Int(line.split(separator: "\t").last.map(String.init) ?? "") ?? 0)
            }
        }
    }

    @Test func idleConsole_wakesNoThread() async throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        let session = try ConsoleLaunch.console(workspace)
        defer { session.kill() }
        try await ConsoleLaunch.waitForClients(session)
        let pid = try #require(try session.commandProcessID())
        // Start-up work (the first queries, Dispatch's worker threads) ends first.
        try await Task.sleep(for: .seconds(2))

        let before = contextSwitches(pid)
        try await Task.sleep(for: .seconds(3))
        let woken = contextSwitches(pid) - before

        // A one-second tick would wake at least three times; one wake-up of housekeeping is allowed.
        #expect(woken <= 1)
    }
}
