import SyncModel

/// The details of one execution: what was asked, how it went day by day, its warnings, its
/// failure, and a log tail that follows new lines as the engine reports them.
struct ExecutionDetailsScreen {
    static let minimumSize = Size(columns: 60, rows: 16)
    /// Log lines kept for the tail; older ones are in the state store and `syncdeck show`.
    static let logLimit = 500

    private(set) var executionID: ExecutionID
    var scroll = 0
    private(set) var logs: [LogLine] = []

    init(executionID: ExecutionID, context: ConsoleContext) {
        self.executionID = executionID
        loadLogs(context: context)
    }

    static let keyHelp: [KeyHelp] = [
        KeyHelp("Up/Down, k/j", "scroll the details by a line"),
        KeyHelp("PgUp/PgDn", "scroll the details by a page"),
        KeyHelp("Home/End", "go to the top or the bottom"),
        KeyHelp("c", "cancel this execution (asks first)"),
        KeyHelp("r", "retry this execution when it is ERROR or CANCELED"),
        KeyHelp("Esc", "go back to the main screen"),
        KeyHelp("?", "show this help"),
        KeyHelp("Ctrl-L", "redraw the whole screen"),
        KeyHelp("q", "quit (asks first while executions run)"),
    ]

    mutating func handle(_ key: Key, context: ConsoleContext) -> ConsoleCommand {
        switch key {
        case .up, .character("k"): scroll = max(0, scroll - 1)
        case .down, .character("j"): scroll += 1
        case .pageUp: scroll = max(0, scroll - 10)
        case .pageDown: scroll += 10
        case .home: scroll = 0
        case .end: scroll = Int.max / 2
        case .escape: return .closeDetails
        case .character("?"): return .showHelp
        case .character("q"): return .quit
        case .character("c"):
            guard let execution = context.executions.execution(id: executionID) else { return .none }
            return context.cancelPrompt(for: execution).map(ConsoleCommand.ask) ?? .none
        case .character("r"):
            guard let execution = context.executions.execution(id: executionID),
                  let retried = context.retry(execution) else { return .none }
            return .openDetails(retried.id)
        default: break
        }
        return .none
    }

    /// Appends a line of this execution's log that arrived from the engine.
    mutating func append(_ line: LogLine) {
        guard line.executionID == executionID, line.sequence > (logs.last?.sequence ?? 0) else { return }
        logs.append(line)
        if logs.count > ExecutionDetailsScreen.logLimit {
            logs.removeFirst(logs.count - ExecutionDetailsScreen.logLimit)
        }
    }

    /// Reads the log page by page, keeping the newest lines.
    private mutating func loadLogs(context: ConsoleContext) {
        var after = 0
        do {
            while true {
                let page = try context.engine.logs(executionID: executionID, after: after, limit: 1000)
                logs += page
                if logs.count > ExecutionDetailsScreen.logLimit {
                    logs.removeFirst(logs.count - ExecutionDetailsScreen.logLimit)
                }
                guard page.count == 1000, let last = page.last else { break }
                after = last.sequence
            }
        } catch {
            context.report(error, doing: "reading the log of execution #\(executionID)")
        }
    }
}
