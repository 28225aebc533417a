import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started without a shell in a process group of its own, with its standard output
/// and standard error on two channels the parent reads.
///
/// The group lets a stop reach the program's own children too: `stop` sends SIGTERM to the
/// group, then SIGKILL after a grace period. The program is reaped by `wait`, and only then,
/// so its process id cannot be reused while its group is still signaled.
final class ChildProcess {
    /// Why the program could not be started.
    struct LaunchError: Error {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    /// How the program ended.
    enum Termination: Equatable {
        case exited(Int32)
        case signaled(Int32)
    }

    /// How many times a start refused with `ETXTBSY` is tried.
    static let busyRetries = 10

    let pid: pid_t
    /// The read end of the program's standard output; -1 once closed.
    private(set) var output: Int32
    /// The read end of the program's standard error; -1 once closed.
    private(set) var errors: Int32
    private(set) var termination: Termination?

    /// Starts `arguments[0]` with the other elements as its arguments, in `folder`.
    ///
    /// A program name without a slash is searched on `PATH`; a relative path is taken from
    /// `folder`. Standard input is `/dev/null`.
    ///
    /// - Throws: `LaunchError` with the `errno` of the failure, such as `ENOENT` or `EACCES`.
    init(arguments: [String], folder: URL) throws {
        let output = try ChildProcess.makeChannel()
        let errors: (read: Int32, write: Int32)
        do {
            errors = try ChildProcess.makeChannel()
        } catch {
            ChildProcess.close(output)
            throw error
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        // dup2 clears close-on-exec on the copy, so only these two ends reach the program.
        posix_spawn_file_actions_adddup2(&actions, output.write, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errors.write, STDERR_FILENO)
        let chdirStatus = ChildProcess.addChangeDirectory(&actions, folder.path)
        ChildProcess.addCloseOthers(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        ChildProcess.resetSignals(&attributes)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let program = arguments.first ?? ""
        var pid: pid_t = 0
        var status = chdirStatus
        if status == 0 {
            let argv = arguments.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            let path = program.contains("/") && !program.hasPrefix("/") ? folder.appendingPathComponent(program).path : program
            for attempt in 1...ChildProcess.busyRetries {
                status = program.contains("/")
                    ? posix_spawn(&pid, path, &actions, &attributes, argv, environ)
                    : posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
                // A script just written may still be open for writing in a process that another
                // thread forked meanwhile; that copy closes within moments.
                guard status == ETXTBSY, attempt < ChildProcess.busyRetries else { break }
                usleep(20_000)
            }
        }
        _ = Foundation.close(output.write)
        _ = Foundation.close(errors.write)
        guard status == 0 else {
            _ = Foundation.close(output.read)
            _ = Foundation.close(errors.read)
            throw LaunchError(code: status)
        }
        self.pid = pid
        self.output = output.read
        self.errors = errors.read
    }

    deinit {
        closeOutput()
        closeErrors()
    }

    func closeOutput() {
        if output >= 0 {
            _ = Foundation.close(output)
            output = -1
        }
    }

    func closeErrors() {
        if errors >= 0 {
            _ = Foundation.close(errors)
            errors = -1
        }
    }

    // MARK: - Ending

    /// Whether the program has ended, without reaping it, so that its group can still be signaled.
    var hasEnded: Bool {
        guard termination == nil else { return true }
        var info = siginfo_t()
        let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
        return result == 0 && info._sifields._sigchld.si_pid == pid
    }

    /// Reaps the program, waiting for it to end, and returns how it ended.
    @discardableResult
    func wait() -> Termination {
        if let termination { return termination }
        var status: Int32 = 0
        var result: pid_t
        repeat {
            result = waitpid(pid, &status, 0)
        } while result == -1 && errno == EINTR
        let ended: Termination = (status & 0x7F) == 0 ? .exited((status >> 8) & 0xFF) : .signaled(status & 0x7F)
        termination = ended
        return ended
    }

    /// Stops the program and every process of its group: SIGTERM, then SIGKILL when the program
    /// has not ended after `grace` seconds, then reaps it.
    func stop(grace: TimeInterval) {
        guard termination == nil else { return }
        _ = kill(-pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while !hasEnded, Date() < deadline {
            usleep(10_000)
        }
        // Children that ignored SIGTERM, or outlived the program, go too; the group id stays
        // reserved until the program is reaped just below.
        _ = kill(-pid, SIGKILL)
        wait()
    }

    // MARK: - Setup

    /// Creates a channel whose ends are closed on exec from the start, so a program started by
    /// another thread meanwhile cannot inherit them. A socket pair is used because Swift does
    /// not see `pipe2` on Linux.
    private static func makeChannel() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        #if canImport(Glibc)
        let type = Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue)
        #else
        let type = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, type, 0, &descriptors) == 0 else {
            throw LaunchError(code: errno)
        }
        _ = shutdown(descriptors[0], Int32(SHUT_WR))
        return (descriptors[0], descriptors[1])
    }

    private static func close(_ channel: (read: Int32, write: Int32)) {
        _ = Foundation.close(channel.read)
        _ = Foundation.close(channel.write)
    }

    /// Makes the program start with no blocked and no ignored signals: the engine's threads
    /// block or ignore some, and a child inherits both, which would make it deaf to a stop.
    private static func resetSignals(_ attributes: inout posix_spawnattr_t) {
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// Closes every descriptor above standard error in the program, so that files another
    /// thread opened without close-on-exec do not leak into it. glibc has had it since 2.34;
    /// without it, only descriptors marked close-on-exec are kept from the program.
    private static func addCloseOthers(_ actions: inout posix_spawn_file_actions_t) {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return
        }
        let function = unsafeBitCast(symbol, to: AddCloseFrom.self)
        _ = function(&actions, 3)
    }

    private typealias AddChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// Adds a change of folder to `actions`. glibc has had it since 2.29, but its declaration
    /// needs `_GNU_SOURCE`, which Swift's Glibc module does not set, so it is looked up by name.
    private static func addChangeDirectory(_ actions: inout posix_spawn_file_actions_t, _ path: String) -> Int32 {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else {
            return ENOSYS
        }
        let function = unsafeBitCast(symbol, to: AddChangeDirectory.self)
        return function(&actions, path)
    }
}
