import Foundation
import SyncModel

/// `syncdeck show`: prints one execution with its days, warnings, error and log.
enum ShowCommand {
    static let help = """
    Usage: syncdeck show --workspace DIR EXECUTION_ID [--json]

    Prints one execution: its request, operator, confirmation, times, progress per day, warnings
    grouped by kind with examples, the error with its category and next step, and the log.

      --json   print a JSON object for scripts
    """

    static func run(_ words: [String]) throws -> ExitCode {
        let arguments = try Arguments(words, valued: ["workspace"], flags: ["json"])
        let folder = try requireWorkspace(arguments)
        let id = try executionID(arguments.positionals, folder: folder)

        let session = try WorkspaceSession.open(folder: folder)
        guard let execution = try session.engine.execution(id: id) else {
            throw CommandFailure(.rejected, "execution #\(id) does not exist in \(folder); `syncdeck executions --workspace \(folder)` lists them")
        }
        let log = try session.engine.logs(executionID: id, limit: 100_000)

        if arguments.has("json") {
            print(ExecutionJSON.encode(ExecutionJSON.details(execution, log: log)))
        } else {
            print(ExecutionText.details(execution, log: log))
        }
        return .success
    }

    /// Reads the one execution id of a command line, as `12` or `#12`.
    static func executionID(_ positionals: [String], folder: String) throws -> ExecutionID {
        guard positionals.count == 1 else {
            throw UsageError("name one execution id, for example: syncdeck show --workspace \(folder) 12")
        }
        let word = positionals[0]
        let text = word.hasPrefix("#") ? String(word.dropFirst()) : word
        guard let id = ExecutionID(text), id > 0 else {
            throw UsageError("\"\(word.escapingControlCharacters)\" is not an execution id; ids are whole numbers as `syncdeck executions` lists them")
        }
        return id
    }
}
