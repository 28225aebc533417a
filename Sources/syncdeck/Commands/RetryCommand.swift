import Foundation
import SyncModel

/// `syncdeck retry`: starts again what an ERROR or CANCELED execution did not complete.
enum RetryCommand {
    static let help = """
    Usage: syncdeck retry --workspace DIR EXECUTION_ID [--operator NAME] [--json]

    Starts again the part of an ERROR or CANCELED execution that did not complete, and prints its
    progress until it ends. A default or missing-only execution is planned again from the ledger;
    a single date or a re-import of a range imports only the days the original did not complete,
    under the original's confirmation, so no completed day is imported twice.

      --operator NAME   who starts it, recorded with the execution (default: your login name)
      --json            print the final execution as JSON instead of the summary

    Exit codes as for `syncdeck run`: 0 FINISHED, 1 ERROR, 3 FINISHED with warnings, 4 CANCELED,
    5 nothing to retry (unknown id, not ERROR or CANCELED, or every day completed).
    """

    static func run(_ words: [String]) throws -> ExitCode {
        let arguments = try Arguments(words, valued: ["workspace", "operator"], flags: ["json"])
        let folder = try requireWorkspace(arguments)
        let id = try ShowCommand.executionID(arguments.positionals, folder: folder)
        let session = try WorkspaceSession.open(folder: folder)
        let operatorName = arguments.value("operator") ?? OperatorName.current()

        let printer = ProgressPrinter(json: arguments.has("json"))
        session.engine.addObserver(printer)
        let execution: Execution
        do {
            execution = try session.engine.retry(id, operatorName: operatorName)
        } catch let rejection as RequestRejection {
            throw CommandFailure(.rejected, rejection.message)
        }
        return try RunCommand.follow(execution, session: session, printer: printer, folder: folder)
    }
}
