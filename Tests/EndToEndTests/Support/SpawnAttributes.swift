import Foundation

/// The `posix_spawn` settings every test child process needs.
enum SpawnAttributes {
    /// Runs `body` with spawn attributes that give the child an empty signal mask and default
    /// signal handlers.
    ///
    /// Dispatch's worker threads block most signals, and a child inherits the mask of the thread
    /// that spawns it: a tmux server started with SIGCHLD and SIGTERM blocked never finishes
    /// `kill-server`, and a `syncdeck` started that way ignores the signals a test sends it.
    static func withCleanSignals<Result>(_ body: (inout posix_spawnattr_t) throws -> Result) rethrows -> Result {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return try body(&attributes)
    }

    /// Returns the exit status that a `waitpid` status stands for, as shells report it: the
    /// process's own code, or 128 plus the signal that ended it.
    static func exitStatus(ofWaitStatus status: Int32) -> Int32 {
        (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
