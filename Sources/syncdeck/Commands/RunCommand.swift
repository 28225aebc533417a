import Dispatch
import Foundation
import SyncEngine
import SyncModel

/// `syncdeck run`: starts one execution, prints its progress, and exits with its outcome.
enum RunCommand {
    static let help = """
    Usage: syncdeck run --workspace DIR CLIENT/SYNC [--date DAY | --from DAY --to DAY [--reimport]] [--confirm]

    Starts one execution of a sync and prints its progress until it ends.

      (no dates)            the default execution: every missing day, or the snapshot
      --date DAY            re-import one day (YYYY-MM-DD) as if nothing had been imported; needs --confirm
      --from DAY --to DAY   import the days of the range that are missing (both days included)
      --reimport            with --from/--to: re-import every day of the range; needs --confirm when
                            any of them was imported before
      --confirm             confirm a re-import that could duplicate the client's data
      --operator NAME       who starts it, recorded with the execution (default: your login name)
      --json                print the final execution as JSON instead of the summary

    Ctrl-C cancels the execution: the day being imported is rolled back, completed days stay.
    When another SyncDeck process runs the same sync, the request is refused (exit code 5) with
    the number, operator, host and process of the execution that runs it.

    Exit codes: 0 FINISHED, 1 ERROR, 2 invalid command line, 3 FINISHED with warnings,
    4 CANCELED, 5 request rejected (nothing ran), 6 workspace or state database unusable.
    """

    static func run(_ words: [String]) throws -> ExitCode {
        let arguments = try Arguments(words, valued: ["workspace", "date", "from", "to", "operator"],
                                      flags: ["reimport", "confirm", "json"])
        let folder = try requireWorkspace(arguments)
        let (clientID, syncID) = try syncPath(arguments.positionals)
        let request = try makeRequest(arguments)
        let session = try WorkspaceSession.open(folder: folder)
        let operatorName = arguments.value("operator") ?? OperatorName.current()

        let printer = ProgressPrinter(json: arguments.has("json"))
        session.engine.addObserver(printer)

        let execution: Execution
        do {
            execution = try session.engine.start(clientID: clientID, syncID: syncID, request: request,
                                                 confirmed: arguments.has("confirm"), operatorName: operatorName)
        } catch let rejection as RequestRejection {
            var message = rejection.message
            if rejection.reason == .confirmationRequired {
                message += "; nothing ran. Add --confirm to run it"
            }
            throw CommandFailure(.rejected, message)
        }
        return try follow(execution, session: session, printer: printer, folder: folder)
    }

    /// Prints the progress of `execution` until it ends, canceling it on Ctrl-C, SIGTERM or SIGHUP,
    /// and returns the exit code of its final status.
    static func follow(_ execution: Execution, session: WorkspaceSession, printer: ProgressPrinter,
                       folder: String) throws -> ExitCode {
        printer.follow(execution.id)

        let signals = cancelOnSignals(execution.id, engine: session.engine)
        defer { signals.forEach { $0.cancel() } }

        guard let final = session.engine.waitUntilFinished(execution.id) else {
            throw CommandFailure(.executionFailed, "execution #\(execution.id) disappeared from the state database")
        }
        let log = (try? session.engine.logs(executionID: final.id, limit: 100_000)) ?? []
        printer.printOutcome(final, log: log, showCommand: "syncdeck show --workspace \(folder) \(final.id)")
        return exitCode(for: final.status)
    }

    static func exitCode(for status: ExecutionStatus) -> ExitCode {
        switch status {
        case .finished: return .success
        case .finishedWithWarnings: return .finishedWithWarnings
        case .canceled: return .canceled
        case .error, .queued, .inProgress, .canceling: return .executionFailed
        }
    }

    // MARK: - Reading the command line

    private static func syncPath(_ positionals: [String]) throws -> (String, String) {
        guard positionals.count == 1 else {
            throw UsageError(positionals.isEmpty
                ? "name the sync to run as CLIENT/SYNC, for example acme/orders"
                : "expected one CLIENT/SYNC, got \(positionals.count) words: \(positionals.joined(separator: " "))")
        }
        let parts = positionals[0].split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw UsageError("\"\(positionals[0].escapingControlCharacters)\" is not CLIENT/SYNC; write it like acme/orders")
        }
        return (String(parts[0]), String(parts[1]))
    }

    private static func makeRequest(_ arguments: Arguments) throws -> ExecutionRequest {
        let date = arguments.value("date")
        let from = arguments.value("from")
        let to = arguments.value("to")

        if let date {
            guard from == nil, to == nil else {
                throw UsageError("--date and --from/--to cannot be combined; choose a single date or a range")
            }
            guard !arguments.has("reimport") else {
                throw UsageError("--reimport goes with --from/--to; a --date execution always re-imports its day")
            }
            return .singleDate(try rejecting { try Day.parse(date) })
        }

        switch (from, to) {
        case (nil, nil):
            guard !arguments.has("reimport") else {
                throw UsageError("--reimport needs a range: add --from DAY --to DAY")
            }
            return .default
        case (let first?, let last?):
            let range = try rejecting { try ExecutionPlanner.range(from: try Day.parse(first), to: try Day.parse(last)) }
            return .dateRange(range, arguments.has("reimport") ? .reimportAll : .missingOnly)
        default:
            throw UsageError("--from and --to go together; give both days of the range")
        }
    }

    /// Runs `body`, turning a rejection into the exit code scripts expect: a day that is not a
    /// date is a command-line mistake (2), any other rule a rejected request (5).
    private static func rejecting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let rejection as RequestRejection {
            throw CommandFailure(rejection.reason == .invalidDay ? .usage : .rejected, rejection.message)
        }
    }

    /// Cancels the execution on Ctrl-C, SIGTERM or SIGHUP, so it ends `CANCELED` with its
    /// completed days kept.
    private static func cancelOnSignals(_ id: ExecutionID, engine: ExecutionEngine) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                writeStandardError("\ncanceling execution #\(id)...\n")
                engine.cancel(id)
            }
            source.resume()
            return source
        }
    }
}

func requireWorkspace(_ arguments: Arguments) throws -> String {
    guard let folder = arguments.value("workspace") else {
        throw UsageError("missing --workspace DIR: name the folder that contains workspace.json")
    }
    return folder
}
