import Foundation

/// Runs a short command and collects its output, with `posix_spawn` and `waitpid`.
///
/// Foundation's `Process` is not used because it learns that a child exited through a socket the
/// child inherits: `tmux` forks its server from the first client, the server keeps that socket,
/// and `waitUntilExit` then blocks for as long as the server lives.
enum Subprocess {
    struct Result {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    /// Runs `arguments[0]`, found on `PATH`, with the other elements as its arguments.
    ///
    /// - Throws: `TmuxError` when the command cannot be started.
    static func run(_ arguments: [String]) throws -> Result {
        let output = try makePipe()
        let errors = try makePipe()
        defer {
            close(output.read)
            close(errors.read)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        // dup2 clears close-on-exec on the copy, so only these two ends reach the child.
        posix_spawn_file_actions_adddup2(&actions, output.write, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errors.write, STDERR_FILENO)

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawnStatus = SpawnAttributes.withCleanSignals { attributes in
            posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        }
        close(output.write)
        close(errors.write)
        guard spawnStatus == 0 else {
            throw TmuxError("cannot start \(arguments[0]): \(String(cString: strerror(spawnStatus)))")
        }

        let outputText = readAll(output.read)
        let errorText = readAll(errors.read)
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) == -1, errno == EINTR {}
        let exitStatus = SpawnAttributes.exitStatus(ofWaitStatus: waitStatus)
        return Result(status: exitStatus, output: outputText, errorOutput: errorText)
    }

    /// Creates a one-way channel whose ends are closed on exec from the start, so that a command
    /// spawned by another thread meanwhile cannot inherit them and hold the read open. A socket
    /// pair is used because Swift does not see `pipe2` on Linux.
    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        let type = Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &descriptors) == 0 else {
            throw TmuxError("cannot create a socket pair: \(String(cString: strerror(errno)))")
        }
        return (descriptors[0], descriptors[1])
    }

    /// Reads until end of file. Outputs here are small, so reading one pipe after the other
    /// cannot fill the second one and stall the child.
    private static func readAll(_ descriptor: Int32) -> String {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: chunk[0..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        return String(decoding: data, as: UTF8.self)
    }
}
