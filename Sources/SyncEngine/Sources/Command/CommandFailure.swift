import Foundation
import SyncModel

/// The execution failures of a command source, naming the program as written in the
/// workspace file.
enum CommandFailure {
    /// The exit code by which a program reports that its credentials were rejected (`EX_NOPERM`
    /// in `sysexits.h`).
    static let authenticationExitCode: Int32 = 77

    static func launchFailed(_ error: ChildProcess.LaunchError, program: String, folder: URL, day: Day?) -> ExecutionFailure {
        let whereText = program.contains("/") ? "relative to \(folder.path)" : "on PATH"
        switch error.code {
        case ENOENT, ENOTDIR:
            return ExecutionFailure(
                .configuration, "the program \(program) of the source's command cannot be found \(whereText)",
                hint: "Fix the first element of the source's command in workspace.json, or install the program, then retry.",
                day: day)
        case EACCES, EPERM:
            return ExecutionFailure(
                .configuration, "the program \(program) of the source's command cannot be run: permission denied",
                hint: "Make the file executable (chmod +x \(program)) for the user who runs SyncDeck, then retry.",
                day: day)
        case ENOEXEC:
            return ExecutionFailure(
                .configuration, "the program \(program) of the source's command is not an executable file",
                hint: "Start a script with a #! line naming its interpreter, or name the interpreter first in the command.",
                day: day)
        default:
            return ExecutionFailure(
                .technical, "the program \(program) of the source's command cannot be started: \(error.description)",
                hint: "Check the program and this host's resources, then retry.",
                day: day)
        }
    }

    static func exited(_ code: Int32, program: String, lastErrors: [String], day: Day?) -> ExecutionFailure {
        let said = lastErrors.isEmpty ? "; it wrote nothing on standard error" : "; its last lines on standard error: \(lastErrors.joined(separator: " | "))"
        if code == authenticationExitCode {
            return ExecutionFailure(
                .authentication, "the program \(program) exited with code 77: its credentials were refused\(said)",
                hint: "Check the credentials the program uses (its configuration or environment variables), renew them, then retry.",
                day: day)
        }
        return ExecutionFailure(
            .technical, "the program \(program) exited with code \(code)\(said)",
            hint: "Read the program's messages in the log of this execution, fix the cause, then retry.",
            day: day)
    }

    static func signaled(_ signal: Int32, program: String, lastErrors: [String], day: Day?) -> ExecutionFailure {
        let said = lastErrors.isEmpty ? "" : "; its last lines on standard error: \(lastErrors.joined(separator: " | "))"
        return ExecutionFailure(
            .technical, "the program \(program) was ended by signal \(signal) (\(signalName(signal)))\(said)",
            hint: "Check whether the program crashed or was stopped by someone, then retry.",
            day: day)
    }

    static func timedOut(program: String, seconds: TimeInterval, day: Day?) -> ExecutionFailure {
        ExecutionFailure(
            .technical, "the program \(program) did not finish within \(HTTPFailure.formatSeconds(seconds)) s and was stopped with its children",
            hint: "Check why the program is slow or stuck, or raise timeoutSeconds in workspace.json, then retry.",
            day: day)
    }

    static func readFailed(program: String, code: Int32, day: Day?) -> ExecutionFailure {
        ExecutionFailure(
            .technical, "reading the output of \(program) failed: \(String(cString: strerror(code)))",
            hint: "Check this host's resources, then retry.",
            day: day)
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGKILL: return "SIGKILL"
        case SIGTERM: return "SIGTERM"
        case SIGSEGV: return "SIGSEGV"
        case SIGABRT: return "SIGABRT"
        case SIGINT: return "SIGINT"
        case SIGPIPE: return "SIGPIPE"
        case SIGBUS: return "SIGBUS"
        default: return "signal \(signal)"
        }
    }
}
