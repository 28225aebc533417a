import SyncModel

/// Layout and drawing of the main screen; the panes draw themselves in their own files.
extension MainScreen {
    struct Layout {
        var header: Rect
        var clients: Rect
        var syncs: Rect
        var executions: Rect
        var status: Rect

        init(size: Size) {
            let body = max(0, size.rows - 2)
            let topRows = max(6, body / 2)
            let clientColumns = max(22, size.columns / 4)
            header = Rect(column: 0, row: 0, columns: size.columns, rows: 1)
            clients = Rect(column: 0, row: 1, columns: clientColumns, rows: topRows)
            syncs = Rect(column: clientColumns, row: 1, columns: size.columns - clientColumns, rows: topRows)
            executions = Rect(column: 0, row: 1 + topRows, columns: size.columns, rows: body - topRows)
            status = Rect(column: 0, row: size.rows - 1, columns: size.columns, rows: 1)
        }
    }

    func draw(_ buffer: inout ScreenBuffer, context: ConsoleContext) {
        let layout = Layout(size: buffer.size)
        drawHeader(&buffer, in: layout.header, context: context)
        drawClients(&buffer, in: layout.clients, context: context)
        drawSyncs(&buffer, in: layout.syncs, context: context)
        drawExecutions(&buffer, in: layout.executions, context: context)
        ConsoleChrome.drawStatusLine(&buffer, in: layout.status, notice: context.notice, hints: statusHints())
    }

    func drawPaneBox(_ buffer: inout ScreenBuffer, _ rect: Rect, pane: MainPane, title: String, context: ConsoleContext) {
        let focused = focus == pane
        buffer.box(rect, role: focused ? .title : .border, unicode: context.unicode,
                   title: title, titleRole: focused ? .tabActive : .title)
    }

    /// Draws the filter line at the bottom of a pane and returns the rows left for the list.
    func drawFilter(_ buffer: inout ScreenBuffer, pane: MainPane, in inner: Rect, unicode: Bool) -> Rect {
        guard let filter = filters[pane], filter.isActive else { return inner }
        let row = inner.maxRow - 1
        let text = "/" + TerminalText.escape(filter.text) + (filter.isEditing ? "_" : "")
        buffer.put(TextLayout.truncate(text, toWidth: inner.columns, unicode: unicode),
                   column: inner.column, row: row, role: .input, maxWidth: inner.columns)
        return Rect(column: inner.column, row: inner.row, columns: inner.columns, rows: inner.rows - 1)
    }

    private func drawHeader(_ buffer: inout ScreenBuffer, in rect: Rect, context: ConsoleContext) {
        buffer.fill(rect, role: .title)
        var used = buffer.put("SyncDeck", column: 0, row: rect.row, role: .title)
        let operatorText = "operator " + TerminalText.escape(context.operatorName)
        let operatorWidth = DisplayWidth.of(operatorText)
        let pathWidth = rect.columns - used - operatorWidth - 4
        let path = TerminalText.escape(context.engine.workspace.folder.path)
        used += buffer.put("  " + TextLayout.truncate(path, toWidth: pathWidth, unicode: context.unicode),
                           column: used, row: rect.row, role: .title)
        buffer.put(operatorText, column: max(used + 2, rect.columns - operatorWidth), row: rect.row, role: .title)
    }

    private func drawClients(_ buffer: inout ScreenBuffer, in rect: Rect, context: ConsoleContext) {
        drawPaneBox(&buffer, rect, pane: .clients, title: "Clients", context: context)
        let list = drawFilter(&buffer, pane: .clients, in: rect.inner, unicode: context.unicode)
        let clients = visibleClients(context)
        let selected = selectedClient(context)?.id
        let offset = ListCursor.scrollOffset(index: clients.firstIndex { $0.id == selected }, height: list.rows)
        if clients.isEmpty {
            buffer.put("no client matches", column: list.column + 1, row: list.row, role: .dim, maxWidth: list.columns - 1)
        }
        for (index, client) in clients.dropFirst(offset).prefix(list.rows).enumerated() {
            let row = list.row + index
            let name = TextLayout.pad(" " + TerminalText.escape(client.name), toWidth: list.columns, unicode: context.unicode)
            buffer.put(name, column: list.column, row: row, role: rowRole(selected: client.id == selected, pane: .clients))
        }
    }

    func rowRole(selected: Bool, pane: MainPane) -> Role {
        guard selected else { return .body }
        return focus == pane ? .focusSelection : .selection
    }
}

/// Pieces every screen draws the same way.
enum ConsoleChrome {
    /// Draws the bottom line: the notice when there is one, otherwise the key hints.
    static func drawStatusLine(_ buffer: inout ScreenBuffer, in rect: Rect, notice: StyledSpan?, hints: String) {
        buffer.fill(rect, role: .statusLine)
        if let notice {
            buffer.put(notice.text, column: rect.column, row: rect.row, role: notice.role, maxWidth: rect.columns)
        } else {
            buffer.put(hints, column: rect.column, row: rect.row, role: .statusLine, maxWidth: rect.columns)
        }
    }
}
