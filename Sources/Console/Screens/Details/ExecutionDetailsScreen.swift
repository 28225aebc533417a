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
    /// Whether the arrows scroll the log instead of the details, which Tab switches.
    private(set) var logFocused = false
    /// The sequence of the first log line shown while the operator reads back, or `nil` while the
    /// log follows new lines, which it does at the bottom.
    private(set) var logTop: Int?

    init(executionID: ExecutionID, context: ConsoleContext) {
        self.executionID = executionID
        loadLogs(context: context)
    }

    static let keyHelp: [KeyHelp] = [
        KeyHelp("Tab", "switch the arrows between the details and the log"),
        KeyHelp("Up/Down, k/j", "scroll the focused box by a line"),
        KeyHelp("PgUp/PgDn", "scroll the focused box by a page"),
        KeyHelp("Home/End", "top or bottom; End on the log follows new lines"),
        KeyHelp("c", "cancel this execution (asks first)"),
        KeyHelp("r", "retry an ERROR or CANCELED execution (asks first)"),
        KeyHelp("Esc", "go back to the main screen"),
        KeyHelp("?", "show this help"),
        KeyHelp("Ctrl-L", "redraw and reload executions of other processes"),
        KeyHelp("q", "quit (asks first while executions run)"),
    ]

    mutating func handle(_ key: Key, context: ConsoleContext, size: Size) -> ConsoleCommand {
        switch key {
        case .tab, .backTab: logFocused.toggle()
        case .up, .character("k"): scrollFocused(by: -1, context: context, size: size)
        case .down, .character("j"): scrollFocused(by: 1, context: context, size: size)
        case .pageUp: scrollFocused(by: -10, context: context, size: size)
        case .pageDown: scrollFocused(by: 10, context: context, size: size)
        case .home: scrollFocused(by: -Int.max / 2, context: context, size: size)
        case .end: scrollFocused(by: Int.max / 2, context: context, size: size)
        case .escape: return .closeDetails
        case .character("?"): return .showHelp
        case .character("q"): return .quit
        case .character("c"):
            guard let execution = context.executions.execution(id: executionID) else { return .none }
            return context.cancelPrompt(for: execution).map(ConsoleCommand.ask) ?? .none
        case .character("r"):
            guard let execution = context.executions.execution(id: executionID) else { return .none }
            return context.retryPrompt(for: execution).map(ConsoleCommand.ask) ?? .none
        default: break
        }
        return .none
    }

    private mutating func scrollFocused(by delta: Int, context: ConsoleContext, size: Size) {
        guard logFocused else {
            scroll = max(0, min(Int.max / 2, scroll + delta))
            return
        }
        scrollLog(by: delta, rows: Self.Layout(size: size).logLines, context: context)
    }

    /// Moves the log view. Reaching the bottom follows new lines again, and reaching the top reads
    /// older lines from the store.
    private mutating func scrollLog(by delta: Int, rows: Int, context: ConsoleContext) {
        guard !logs.isEmpty else { return }
        let bottom = max(0, logs.count - rows)
        var top = logTopIndex(rows: rows) + max(-logs.count, min(logs.count, delta))
        if top < 0, loadOlderLogs(context: context) > 0 {
            top = max(0, logTopIndex(rows: rows) + max(-logs.count, delta))
        }
        top = max(0, top)
        logTop = top >= bottom ? nil : logs[top].sequence
    }

    /// The index of the first log line shown in `rows` rows.
    func logTopIndex(rows: Int) -> Int {
        let bottom = max(0, logs.count - rows)
        guard let logTop else { return bottom }
        return min(bottom, logs.firstIndex { $0.sequence >= logTop } ?? bottom)
    }

    /// Appends a line of this execution's log that arrived from the engine.
    mutating func append(_ line: LogLine) {
        guard line.executionID == executionID, line.sequence > (logs.last?.sequence ?? 0) else { return }
        logs.append(line)
        // While the operator reads back, the lines they read are kept and the tail waits.
        if logTop == nil, logs.count > ExecutionDetailsScreen.logLimit {
            logs.removeFirst(logs.count - ExecutionDetailsScreen.logLimit)
        }
    }

    /// Prepends the page of log lines before the first one kept and returns how many it read.
    private mutating func loadOlderLogs(context: ConsoleContext) -> Int {
        guard let first = logs.first, first.sequence > 1 else { return 0 }
        let count = min(first.sequence - 1, ExecutionDetailsScreen.logLimit)
        do {
            let page = try context.engine.logs(executionID: executionID, after: first.sequence - 1 - count, limit: count)
            let older = page.filter { $0.sequence < first.sequence }
            logs.insert(contentsOf: older, at: 0)
            return older.count
        } catch {
            context.report(error, doing: "reading the log of execution #\(executionID)")
            return 0
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
