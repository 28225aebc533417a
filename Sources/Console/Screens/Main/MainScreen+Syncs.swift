import SyncModel

/// The syncs pane: one row per sync of the selected client, then the selected sync's settings.
extension MainScreen {
    func drawSyncs(_ buffer: inout ScreenBuffer, in rect: Rect, context: ConsoleContext) {
        let client = selectedClient(context)
        let title = client.map { "Syncs of \(TerminalText.escape($0.name)) (\($0.timeZone.identifier))" } ?? "Syncs"
        drawPaneBox(&buffer, rect, pane: .syncs, title: title, context: context)
        var area = drawFilter(&buffer, pane: .syncs, in: rect.inner, unicode: context.unicode)
        guard let client else {
            buffer.put("no client selected", column: area.column + 1, row: area.row, role: .dim, maxWidth: area.columns - 1)
            return
        }

        let syncs = visibleSyncs(context)
        let selected = selectedSync(context)
        let detailRows = area.rows >= 8 ? 3 : 0
        let listRows = max(1, area.rows - 1 - detailRows)
        let columns = SyncColumns(width: area.columns)
        buffer.put(columns.header, column: area.column, row: area.row, role: .dim, maxWidth: area.columns)
        area.row += 1

        let offset = ListCursor.scrollOffset(index: syncs.firstIndex { $0.id == selected?.id }, height: listRows)
        for (index, sync) in syncs.dropFirst(offset).prefix(listRows).enumerated() {
            drawSyncRow(&buffer, sync: sync, client: client, columns: columns, column: area.column, row: area.row + index,
                        selected: sync.id == selected?.id, context: context)
        }
        if syncs.isEmpty {
            buffer.put(" no sync matches", column: area.column, row: area.row, role: .dim, maxWidth: area.columns)
        }

        if detailRows > 0, let selected {
            let top = area.row + listRows
            let lines = settingLines(of: selected, client: client, context: context)
            for (index, line) in lines.prefix(detailRows).enumerated() {
                buffer.put(line, column: area.column + 1, row: top + index, maxWidth: area.columns - 1)
            }
        }
    }

    private func drawSyncRow(_ buffer: inout ScreenBuffer, sync: SyncDefinition, client: Client, columns: SyncColumns,
                             column: Int, row: Int, selected: Bool, context: ConsoleContext) {
        let rowRole = self.rowRole(selected: selected, pane: .syncs)
        let unicode = context.unicode
        var cursor = column
        cursor += buffer.put(TextLayout.pad(" " + TerminalText.escape(sync.name), toWidth: columns.name, unicode: unicode) + " ",
                             column: cursor, row: row, role: rowRole)
        cursor += buffer.put(TextLayout.pad(sync.supportsPeriods ? "daily" : "snapshot", toWidth: columns.kind) + " ",
                             column: cursor, row: row, role: rowRole)
        cursor += buffer.put(TextLayout.pad(coverageText(of: sync, client: client, context: context), toWidth: columns.coverage,
                                            unicode: unicode) + " ",
                             column: cursor, row: row, role: rowRole)
        if let last = context.executions.latest(clientID: client.id, syncID: sync.id) {
            let status = context.displayedStatus(of: last)
            buffer.put(TextLayout.pad(Controls.statusText(status, unicode: unicode), toWidth: columns.last, unicode: unicode),
                       column: cursor, row: row, role: Role.of(status))
        } else {
            buffer.put(TextLayout.pad("never run", toWidth: columns.last), column: cursor, row: row, role: selected ? rowRole : .dim)
        }
    }

    /// `19/21 days` for a daily sync; the time of the last successful run for a snapshot.
    func coverageText(of sync: SyncDefinition, client: Client, context: ConsoleContext) -> String {
        guard sync.supportsPeriods else {
            let imported = context.executions.of(clientID: client.id, syncID: sync.id).first {
                $0.status == .finished || $0.status == .finishedWithWarnings
            }
            return imported.map { "at " + String(DisplayFormat.time($0.finishedAt).prefix(16)) } ?? "not imported"
        }
        guard let span = context.span(of: sync, in: client) else { return "no day yet" }
        let imported = context.coverage(of: client, sync).importedCount(in: span)
        return "\(imported)/\(span.count) days"
    }

    private func settingLines(of sync: SyncDefinition, client: Client, context: ConsoleContext) -> [StyledLine] {
        var spanText = "snapshot, no days"
        if sync.supportsPeriods {
            spanText = context.span(of: sync, in: client).map { "\($0.first) to \($0.last)" } ?? "no complete day yet"
        }
        return [
            StyledLine([StyledSpan("source  ", .dim), StyledSpan(TerminalText.escape(sync.source.summary))]),
            StyledLine([StyledSpan("writes  ", .dim), StyledSpan(TerminalText.escape(sync.destination.summary))]),
            StyledLine([StyledSpan("span    ", .dim), StyledSpan(spanText)]),
        ]
    }
}

/// Column widths of the syncs table; the name takes what the fixed columns leave.
struct SyncColumns {
    let kind = 8
    let coverage = 15
    let last = 14
    let name: Int

    init(width: Int) {
        name = max(8, width - kind - coverage - last - 3)
    }

    var header: String {
        TextLayout.pad(" sync", toWidth: name) + " " + TextLayout.pad("kind", toWidth: kind) + " "
            + TextLayout.pad("imported", toWidth: coverage) + " " + "last execution"
    }
}
