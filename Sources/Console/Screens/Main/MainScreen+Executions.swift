import Foundation
import SyncModel

/// The executions pane: the live list of executions, newest first.
extension MainScreen {
    func drawExecutions(_ buffer: inout ScreenBuffer, in rect: Rect, context: ConsoleContext) {
        let list = executionList
        let executions = list.rows
        drawPaneBox(&buffer, rect, pane: .executions, title: executionsTitle(context), context: context)
        var area = drawFilter(&buffer, pane: .executions, in: rect.inner, unicode: context.unicode)
        guard area.rows > 0 else { return }
        let columns = ExecutionColumns(width: area.columns, largestID: executions.first?.id ?? 9)
        buffer.put(columns.header, column: area.column, row: area.row, role: .dim, maxWidth: area.columns)
        area.row += 1
        area.rows -= 1

        if executions.isEmpty {
            let text = list.isFiltered ? " no execution matches; Esc clears the filters"
                : " no execution yet: choose a sync and press Enter"
            buffer.put(text, column: area.column, row: area.row, role: .dim, maxWidth: area.columns)
            return
        }
        let selected = selectedExecution(context)?.id
        let offset = ListCursor.scrollOffset(index: list.index(of: selected), height: area.rows)
        for (index, execution) in executions[offset...].prefix(area.rows).enumerated() {
            let role = rowRole(selected: execution.id == selected, pane: .executions)
            let status = context.displayedStatus(of: execution)
            let line = columns.line(for: execution, status: status, rowRole: role, now: context.now(), unicode: context.unicode)
            buffer.put(line, column: area.column, row: area.row + index, maxWidth: area.columns)
        }
    }

    /// Builds `Executions (200+, newest first)`, with the status filter when one is chosen. The `+`
    /// means that the store contains more than the rows read so far.
    private func executionsTitle(_ context: ConsoleContext) -> String {
        let list = executionList
        let more = list.hasOlder || list.hasNewer ? "+" : ""
        var title = "Executions (\(list.rows.count)\(more), newest first)"
        if list.status != .all {
            title += " status: \(list.status.label(unicode: context.unicode))"
        }
        return title
    }
}

/// Column widths of the executions table; sync and request share what the others leave.
///
/// At 80 columns the rejected count has no column of its own: `FINISHED ⚠︎` already says that
/// records were rejected, and the details give the count.
struct ExecutionColumns {
    let id: Int
    /// Wide enough for `! FINISHED (!)`, the longest status text.
    let status = 14
    let days = 5
    let written = 7
    let rejected: Int
    let duration = 5
    let operatorName: Int
    let sync: Int
    let request: Int

    /// - Parameter largestID: the largest id shown, so the id column fits it exactly.
    init(width: Int, largestID: ExecutionID = 9) {
        id = max(3, "#\(largestID)".count)
        rejected = width >= 96 ? 5 : 0
        operatorName = width >= 100 ? 14 : 8
        let columnCount = rejected > 0 ? 9 : 8
        let fixed = id + status + days + written + rejected + duration + operatorName + (columnCount - 1)
        let flexible = max(10, width - fixed)
        sync = (flexible + 1) / 2
        request = flexible - sync
    }

    var header: String {
        var cells = [pad("id", id), pad("sync", sync), pad("request", request), pad("status", status), pad("days", days),
                     padLeft("written", written)]
        if rejected > 0 {
            cells.append(padLeft("rej", rejected))
        }
        cells += [padLeft("time", duration), pad("operator", operatorName)]
        return cells.joined(separator: " ")
    }

    func line(for execution: Execution, status: ExecutionStatus, rowRole: Role, now: Date, unicode: Bool) -> StyledLine {
        let progress = execution.progress
        var cells: [(String, Role)] = [
            (pad("#\(execution.id)", id) + " ", rowRole),
            (pad(TerminalText.escape(execution.syncPath), sync, unicode) + " ", rowRole),
            (pad(DisplayFormat.compactRequest(execution.request), request, unicode) + " ", rowRole),
            (pad(Controls.statusText(status, unicode: unicode), self.status, unicode), Role.of(status)),
            (" " + pad("\(progress.unitsDone)/\(progress.unitsTotal)", days) + " ", rowRole),
            (padLeft("\(progress.recordsWritten)", written) + " ", rowRole),
        ]
        if rejected > 0 {
            cells.append((padLeft("\(progress.recordsRejected)", rejected) + " ", rowRole))
        }
        cells += [
            (padLeft(DisplayFormat.duration(execution.duration(now: now)), duration) + " ", rowRole),
            (pad(TerminalText.escape(execution.operatorName), operatorName, unicode), rowRole),
        ]
        return StyledLine(cells.map { StyledSpan($0.0, $0.1) })
    }

    private func pad(_ text: String, _ width: Int, _ unicode: Bool = true) -> String {
        TextLayout.pad(text, toWidth: width, unicode: unicode)
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        TextLayout.padLeft(text, toWidth: width)
    }
}
