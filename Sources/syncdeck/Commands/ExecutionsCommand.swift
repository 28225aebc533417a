import Foundation
import SyncModel
import SyncStore

/// `syncdeck executions`: lists the executions of a workspace, newest first.
enum ExecutionsCommand {
    static let help = """
    Usage: syncdeck executions --workspace DIR [--client ID] [--sync ID] [--status STATUS] [--limit N] [--json]

    Lists the executions of a workspace, newest first.

      --client ID       only executions of this client
      --sync ID         only executions of syncs with this id
      --status STATUS   only executions with this status: QUEUED, IN_PROGRESS, CANCELING, FINISHED,
                        FINISHED_WITH_WARNINGS, ERROR or CANCELED (repeat with commas)
      --limit N         at most N executions (default 50; 0 lists them all)
      --json            print a JSON array for scripts
    """

    static func run(_ words: [String]) throws -> ExitCode {
        let arguments = try Arguments(words, valued: ["workspace", "client", "sync", "status", "limit"], flags: ["json"])
        guard arguments.positionals.isEmpty else {
            throw UsageError("executions takes no positional argument, got: \(arguments.positionals.joined(separator: " "))")
        }
        let folder = try requireWorkspace(arguments)
        let query = ExecutionQuery(clientID: arguments.value("client"), syncID: arguments.value("sync"),
                                   statuses: try statuses(arguments.value("status")), limit: try limit(arguments.value("limit")))
        let session = try WorkspaceSession.open(folder: folder)
        let executions = try session.engine.executions(query)

        if arguments.has("json") {
            print(ExecutionJSON.encode(executions.map(ExecutionJSON.summary)))
        } else {
            print(ExecutionText.table(executions))
        }
        return .success
    }

    private static func statuses(_ text: String?) throws -> Set<ExecutionStatus>? {
        guard let text else { return nil }
        var result = Set<ExecutionStatus>()
        for name in text.split(separator: ",") {
            let normalized = name.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: " ", with: "_")
            guard let status = ExecutionStatus(rawValue: normalized) else {
                let known = ExecutionStatus.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError("unknown status \"\(name)\"; use one of \(known)")
            }
            result.insert(status)
        }
        return result
    }

    private static func limit(_ text: String?) throws -> Int? {
        guard let text else { return 50 }
        guard let number = Int(text), number >= 0 else {
            throw UsageError("--limit takes a whole number of executions, 0 for all; got \"\(text)\"")
        }
        return number == 0 ? nil : number
    }
}
