import Foundation

/// CPU use of the real `syncdeck` console in a tmux pane while nothing happens, compared with
/// the same period with a full redraw (Ctrl-L) every second.
struct IdleBenchmark {
    let binary: URL
    let workspace: URL
    let seconds: Int

    /// CPU time and wake-ups of the console over one period.
    struct Sample {
        var cpuSeconds: Double
        var contextSwitches: Int
    }

    func run() throws -> (idle: Sample, redrawEverySecond: Sample) {
        let socket = "console-bench-\(getpid())"
        defer { _ = try? tmux(socket, ["kill-server"]) }
        let command = ["env", "TERM=tmux-256color", "LANG=C.UTF-8", binary.path, "--workspace", workspace.path]
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        try tmux(socket, ["new-session", "-d", "-x", "120", "-y", "40", command + "; sleep 600"])

        try waitForScreen(socket, containing: "q quit")
        let shell = try tmux(socket, ["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        guard let pid = children.split(separator: " ").first.flatMap({ Int32($0) }) else {
            throw BenchError("cannot find the console's process in the tmux pane")
        }
        // Let start-up work (the first queries, Dispatch's threads) settle first.
        sleep(3)

        let idle = try sample(pid) { sleep(UInt32(seconds)) }
        let redraws = try sample(pid) {
            for _ in 0..<seconds {
                _ = try? tmux(socket, ["send-keys", "C-l"])
                sleep(1)
            }
        }
        return (idle, redraws)
    }

    private func sample(_ pid: Int32, during body: () throws -> Void) throws -> Sample {
        let before = try usage(pid)
        try body()
        let after = try usage(pid)
        return Sample(cpuSeconds: after.cpuSeconds - before.cpuSeconds,
                      contextSwitches: after.contextSwitches - before.contextSwitches)
    }

    /// utime + stime of the process (all threads), and the context switches of all its threads.
    private func usage(_ pid: Int32) throws -> Sample {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let afterName = stat.range(of: ")", options: .backwards) else {
            throw BenchError("the console (pid \(pid)) is gone")
        }
        // Fields after the name start at field 3 (state); utime and stime are fields 14 and 15.
        let fields = stat[afterName.upperBound...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else {
            throw BenchError("cannot read /proc/\(pid)/stat")
        }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        var switches = 0
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        for task in tasks {
            let status = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)) ?? ""
            for line in status.split(separator: "\n") where line.contains("ctxt_switches:") {
                switches += Int(line.split(separator: "\t").last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0
            }
        }
        return Sample(cpuSeconds: (user + system) / ticks, contextSwitches: switches)
    }

    private func waitForScreen(_ socket: String, containing text: String) throws {
        for _ in 0..<200 {
            if (try? tmux(socket, ["capture-pane", "-p"]))?.contains(text) == true { return }
            usleep(100_000)
        }
        throw BenchError("the console did not draw its main screen within 20 s")
    }

    @discardableResult
    private func tmux(_ socket: String, _ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run(["tmux", "-L", socket, "-f", "/dev/null"] + arguments)
        guard result.status == 0 else { throw BenchError("tmux \(arguments.first ?? "") failed with status \(result.status)") }
        return result.output
    }
}
