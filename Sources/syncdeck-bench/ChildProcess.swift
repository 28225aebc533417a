import Foundation

/// A program run to its end, with its wall-clock time and its peak memory as the kernel saw it.
struct ChildRun {
    var seconds: Double
    var exitStatus: Int32
    /// The peak resident set size of the child (`ru_maxrss`), in kibibytes.
    var peakKiB: Int
    var standardOutput: String
    var standardError: String
}

/// Starts programs with `posix_spawnp` and waits for them with `wait4`, which reports each
/// child's own peak memory, unlike the totals `Process` would leave.
enum ChildProcess {
    /// Runs `arguments` (the program first, found through `PATH`) with standard input read from
    /// `input` (or `/dev/null`), and returns once it has exited.
    static func run(_ arguments: [String], input: URL? = nil, scratch: URL) throws -> ChildRun {
        let outputURL = scratch.appendingPathComponent("child-\(getpid())-stdout.txt")
        let errorURL = scratch.appendingPathComponent("child-\(getpid())-stderr.txt")
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input?.path ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }

        let start = DispatchTime.now()
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard result == 0 else {
            throw BenchFailure("cannot start \(arguments[0]): \(String(cString: strerror(result)))")
        }

        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else {
                throw BenchFailure("waiting for \(arguments[0]) failed: \(String(cString: strerror(errno)))")
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9

        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ChildRun(seconds: seconds, exitStatus: exitStatus, peakKiB: usage.ru_maxrss,
                        standardOutput: (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "",
                        standardError: (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "")
    }

    /// Returns whether `program` is found through `PATH`.
    static func isInstalled(_ program: String) -> Bool {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return paths.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }
}
