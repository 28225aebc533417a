import SyncModel

/// Drawing of the play dialog: tabs, the tab's controls, the preview and the buttons.
extension PlayDialog {
    func draw(_ buffer: inout ScreenBuffer, context: ConsoleContext) {
        let unicode = context.unicode
        let rect = Rect(column: 0, row: 1, columns: buffer.size.columns, rows: buffer.size.rows - 2)
        let title = "Run \(TerminalText.escape(sync.name)) of \(TerminalText.escape(client.name))"
        buffer.box(rect, role: .border, unicode: unicode, title: title)
        let inner = rect.inner

        drawTabs(&buffer, row: inner.row, in: inner, unicode: unicode)
        buffer.put(spanText, column: inner.column + 1, row: inner.row + 1, role: .dim, maxWidth: inner.columns - 2)
        buffer.horizontalLine(column: inner.column, row: inner.row + 2, length: inner.columns, role: .border, unicode: unicode)

        let content = Rect(column: inner.column + 1, row: inner.row + 3, columns: inner.columns - 2, rows: inner.rows - 5)
        switch tab {
        case .defaultRun:
            var flow = ColumnFlow(content)
            drawDefaultTab(&buffer, flow: &flow, unicode: unicode)
        case .singleDate, .dateRange:
            drawCalendar(&buffer, in: content, unicode: unicode)
            let right = Rect(column: content.column + MonthCalendar.width + 3, row: content.row,
                             columns: content.columns - MonthCalendar.width - 3, rows: content.rows)
            var flow = ColumnFlow(right)
            if tab == .singleDate {
                drawSingleDateTab(&buffer, flow: &flow, unicode: unicode)
            } else {
                drawDateRangeTab(&buffer, flow: &flow, unicode: unicode)
            }
        }
        drawButtons(&buffer, row: inner.maxRow - 1, in: inner, unicode: unicode)
        ConsoleChrome.drawStatusLine(&buffer, in: Rect(column: 0, row: buffer.size.rows - 1, columns: buffer.size.columns, rows: 1),
                                     notice: context.notice, hints: statusHints)
    }

    /// The short hints of the status line for the focused control; each fits 80 columns.
    var statusHints: String {
        let tabs = self.tabs.count > 1 ? "Tab tabs  " : ""
        switch focus {
        case .calendar:
            return "arrows day/week  PgUp/PgDn month  Enter pick  k/j leave  Esc close  ? help"
        case .singleDay, .firstDay, .lastDay:
            return tabs + "type YYYY-MM-DD  Up/Down move  Esc close  ? help"
        case .confirmation, .mode:
            return tabs + "Up/Down move  Space choose  Esc close  ? help"
        case .execute, .cancel:
            return tabs + "Up/Down move  Enter on Execute starts  Esc close  ? help"
        }
    }

    private func drawTabs(_ buffer: inout ScreenBuffer, row: Int, in inner: Rect, unicode: Bool) {
        var column = inner.column + 1
        for candidate in tabs {
            let active = candidate == tab
            let label = active ? "[\(candidate.title)]" : " \(candidate.title) "
            column += buffer.put(label, column: column, row: row, role: active ? .tabActive : .tab)
            column += buffer.put("  ", column: column, row: row, role: .body)
        }
        let zone = "time zone \(client.timeZone.identifier)"
        buffer.put(zone, column: max(column, inner.maxColumn - DisplayWidth.of(zone) - 1), row: row, role: .hint)
    }

    private var spanText: String {
        guard sync.supportsPeriods else {
            return "A snapshot sync has no days, so it has no Single Date or Date Range tab."
        }
        guard let span else { return "No complete day yet: the first day of this sync has not ended." }
        return "Span \(span.first) to \(span.last) (\(DisplayFormat.count(span.count, "day"))) in the client's time zone."
    }

    private func drawDefaultTab(_ buffer: inout ScreenBuffer, flow: inout ColumnFlow, unicode: Bool) {
        if !sync.supportsPeriods {
            flow.addWrapped("Imports the whole snapshot from \(TerminalText.escape(sync.source.summary)) into \(TerminalText.escape(sync.destination.summary)).",
                            role: .body, in: &buffer)
            flow.skip()
            flow.addWrapped("Snapshot syncs have no date dimension: only the default execution exists for them.",
                            role: .dim, in: &buffer)
            return
        }
        flow.addWrapped("Imports every day of the span that the ledger lacks; days already imported are never imported again.",
                        role: .body, in: &buffer)
        flow.skip()
        drawPreview(&buffer, flow: &flow, unicode: unicode)
    }

    private func drawSingleDateTab(_ buffer: inout ScreenBuffer, flow: inout ColumnFlow, unicode: Bool) {
        Controls.field(&buffer, column: flow.column, row: flow.row, label: "Day", text: singleDay.text,
                       width: DateField.length + 1, focused: focus == .singleDay, unicode: unicode)
        flow.skip()
        flow.skip()
        drawPreview(&buffer, flow: &flow, unicode: unicode)
        drawConfirmation(&buffer, flow: &flow, unicode: unicode)
    }

    private func drawDateRangeTab(_ buffer: inout ScreenBuffer, flow: inout ColumnFlow, unicode: Bool) {
        Controls.field(&buffer, column: flow.column, row: flow.row, label: "First day", text: firstDay.text,
                       width: DateField.length + 1, focused: focus == .firstDay, unicode: unicode)
        flow.skip()
        Controls.field(&buffer, column: flow.column, row: flow.row, label: "Last day ", text: lastDay.text,
                       width: DateField.length + 1, focused: focus == .lastDay, unicode: unicode)
        flow.skip()
        for option in RangeMode.allCases {
            let label = option == .missingOnly ? "only missing data" : "re-import everything"
            Controls.radio(&buffer, column: flow.column, row: flow.row, label: label, chosen: mode == option,
                           focused: focus == .mode(option), unicode: unicode, maxWidth: flow.width)
            flow.skip()
        }
        drawPreview(&buffer, flow: &flow, unicode: unicode)
        drawConfirmation(&buffer, flow: &flow, unicode: unicode)
    }

    private func drawCalendar(_ buffer: inout ScreenBuffer, in content: Rect, unicode: Bool) {
        let shown = cursorDay ?? Day(ordinal: 0)
        let onCalendar = focus == .calendar
        let chosen = tab == .singleDate ? singleDay.validDay : (onCalendar ? cursorDay : nil)
        let highlighted = tab == .dateRange ? highlightedRange : nil
        MonthCalendar.draw(&buffer, column: content.column, row: content.row, month: shown, marks: marks,
                           chosen: chosen, highlighted: highlighted, focused: onCalendar, unicode: unicode)
        var flow = ColumnFlow(Rect(column: content.column, row: content.row + MonthCalendar.height,
                                   columns: MonthCalendar.width, rows: content.rows - MonthCalendar.height))
        for line in MonthCalendar.legend(unicode: unicode) {
            flow.add(line, in: &buffer)
        }
        if onCalendar {
            flow.add(StyledLine("Left/Right day  Up/Down week", .hint), in: &buffer)
            flow.add(StyledLine("PgUp/PgDn month  k/j leave", .hint), in: &buffer)
            flow.add(StyledLine(calendarPickHint, .hint), in: &buffer)
        } else if tab != .defaultRun {
            flow.add(StyledLine("Up/Down reach the calendar", .dim), in: &buffer)
        }
    }

    private func drawButtons(_ buffer: inout ScreenBuffer, row: Int, in inner: Rect, unicode: Bool) {
        var column = inner.column + 1
        column += Controls.button(&buffer, column: column, row: row, label: "Execute", enabled: canExecute,
                                  focused: focus == .execute, unicode: unicode)
        column += 2
        column += Controls.button(&buffer, column: column, row: row, label: "Cancel", enabled: true,
                                  focused: focus == .cancel, unicode: unicode)
        if let reason = executeDisabledReason {
            buffer.put("  " + reason, column: column, row: row, role: .dim, maxWidth: inner.maxColumn - column)
        }
    }

    /// Why Execute is disabled, for the line next to it.
    private var executeDisabledReason: String? {
        guard !canExecute else { return nil }
        switch plan {
        case .success(let plan) where plan.unitCount == 0: return "nothing to import"
        case .success: return "check I confirm to enable Execute"
        default: return "fix the request to enable Execute"
        }
    }
}
