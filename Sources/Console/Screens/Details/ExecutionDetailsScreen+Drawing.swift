import SyncModel

/// Drawing of the details screen: a scrolling details box over a log box that shows the tail.
extension ExecutionDetailsScreen {
    /// Where the boxes go: the details on top, the log under them, a third of the body.
    struct Layout {
        var details: Rect
        var log: Rect

        init(size: Size) {
            let body = size.rows - 2
            let logRows = max(5, body / 3)
            details = Rect(column: 0, row: 1, columns: size.columns, rows: body - logRows)
            log = Rect(column: 0, row: 1 + details.rows, columns: size.columns, rows: logRows)
        }

        /// The log lines that fit in the log box.
        var logLines: Int { max(1, log.rows - 2) }
    }

    func draw(_ buffer: inout ScreenBuffer, context: ConsoleContext) {
        let size = buffer.size
        let unicode = context.unicode
        let header = Rect(column: 0, row: 0, columns: size.columns, rows: 1)
        buffer.fill(header, role: .title)
        guard let execution = context.executions.execution(id: executionID) else {
            buffer.put("SyncDeck  execution #\(executionID) is not in the list", column: 0, row: 0, role: .title)
            ConsoleChrome.drawStatusLine(&buffer, in: Rect(column: 0, row: size.rows - 1, columns: size.columns, rows: 1),
                                         notice: context.notice, hints: "Esc back  ? help")
            return
        }
        let title = "SyncDeck  execution #\(execution.id)  \(TerminalText.escape(execution.syncPath))"
        buffer.put(title, column: 0, row: 0, role: .title, maxWidth: size.columns)

        let layout = Layout(size: size)
        let detailsRect = layout.details
        let logRect = layout.log

        let lines = detailLines(execution, context: context, width: detailsRect.columns - 4)
        let visible = max(1, detailsRect.rows - 2)
        let top = min(scroll, max(0, lines.count - visible))
        let position = lines.count > visible ? " \(top + 1)-\(min(lines.count, top + visible)) of \(lines.count)" : ""
        buffer.box(detailsRect, role: logFocused ? .border : .title, unicode: unicode, title: "Details" + position,
                   titleRole: logFocused ? .title : .tabActive)
        for (index, line) in lines.dropFirst(top).prefix(visible).enumerated() {
            buffer.put(line, column: detailsRect.column + 2, row: detailsRect.row + 1 + index, maxWidth: detailsRect.columns - 4)
        }

        drawLog(&buffer, in: logRect, execution: execution, unicode: unicode)
        ConsoleChrome.drawStatusLine(&buffer, in: Rect(column: 0, row: size.rows - 1, columns: size.columns, rows: 1),
                                     notice: context.notice, hints: hints(for: execution, context: context))
    }

    private func hints(for execution: Execution, context: ConsoleContext) -> String {
        var hints = "Esc back  Tab " + (logFocused ? "details" : "log") + "  arrows scroll"
        if context.displayedStatus(of: execution).isCancelable { hints += "  c cancel" }
        if execution.status == .error || execution.status == .canceled { hints += "  r retry" }
        return hints + "  ? help"
    }

    /// Draws the log: the newest lines that fit while following, or the lines read back to.
    private func drawLog(_ buffer: inout ScreenBuffer, in rect: Rect, execution: Execution, unicode: Bool) {
        let inner = rect.inner
        let rows = max(1, inner.rows)
        let top = logTopIndex(rows: rows)
        let state = logTop == nil ? (execution.status.isFinal ? "" : ", following") : ", paused: End follows"
        let position = logs.count > rows ? " \(top + 1)-\(min(logs.count, top + rows)) of \(logs.count)" : " \(logs.count) lines"
        buffer.box(rect, role: logFocused ? .title : .border, unicode: unicode, title: "Log" + position + state,
                   titleRole: logFocused ? .tabActive : .title)
        if logs.isEmpty {
            buffer.put("no log line yet", column: inner.column + 1, row: inner.row, role: .dim, maxWidth: inner.columns - 1)
        }
        for (index, line) in logs[top...].prefix(rows).enumerated() {
            let role: Role = line.level == .error ? .error : (line.level == .warning ? .alert : .body)
            // Eight columns: the longest level, "warning", and a space before the message.
            let level = line.level.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            let text = "\(DisplayFormat.clock(line.time)) \(level)\(TerminalText.escape(line.message))"
            buffer.put(TextLayout.truncate(text, toWidth: inner.columns - 1, unicode: unicode), column: inner.column + 1,
                       row: inner.row + index, role: role)
        }
    }
}
