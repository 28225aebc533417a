/// The exit codes of `syncdeck`, documented in the README and in `--help`, stable for scripts.
enum ExitCode: Int32 {
    /// The execution ended `FINISHED`, or the command succeeded.
    case success = 0
    /// The execution ended `ERROR`.
    case executionFailed = 1
    /// The command line is invalid.
    case usage = 2
    /// The execution ended `FINISHED ⚠︎`: some records were rejected.
    case finishedWithWarnings = 3
    /// The execution ended `CANCELED`.
    case canceled = 4
    /// The request was rejected before anything ran: days outside the sync's span, a missing
    /// confirmation, an unknown client, sync or execution.
    case rejected = 5
    /// The workspace file or the state database cannot be used.
    case workspaceInvalid = 6
    /// The console cannot run on this terminal.
    case terminalUnsupported = 7
}
