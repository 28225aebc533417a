import Foundation
import SyncModel

/// The text of the details box, built fresh from the execution on every draw.
extension ExecutionDetailsScreen {
    func detailLines(_ execution: Execution, context: ConsoleContext, width: Int) -> [StyledLine] {
        let unicode = context.unicode
        let status = context.displayedStatus(of: execution)
        var lines: [StyledLine] = [field("Status", StyledSpan(Controls.statusText(status, unicode: unicode), Role.of(status)))]
        lines += failureLines(execution, width: width)
        lines.append(field("Request", StyledSpan(execution.request.summary)))
        lines += pair(field("Operator", StyledSpan(TerminalText.escape(execution.operatorName + (execution.operatorAddress.map { " from \($0)" } ?? "")))),
                 field("Confirmed", StyledSpan(execution.confirmed ? "yes" : "no")), width: width)
        lines += pair(field("Created", StyledSpan(DisplayFormat.time(execution.createdAt))),
                 field("Started", StyledSpan(DisplayFormat.time(execution.startedAt))), width: width)
        lines += pair(field("Finished", StyledSpan(DisplayFormat.time(execution.finishedAt))),
                 field("Duration", StyledSpan(DisplayFormat.duration(execution.duration(now: context.now())))), width: width)
        lines.append(field("Progress", StyledSpan(progressText(execution))))
        if let retryOf = execution.retryOf {
            lines.append(field("Retry of", StyledSpan("#\(retryOf)")))
        }
        lines += warningLines(execution, width: width)
        lines += dayLines(execution, unicode: unicode)
        return lines
    }

    private func field(_ name: String, _ value: StyledSpan) -> StyledLine {
        StyledLine([StyledSpan(name.padding(toLength: 11, withPad: " ", startingAt: 0), .dim), value])
    }

    /// Puts two fields on one line when the box is wide enough for both.
    private func pair(_ left: StyledLine, _ right: StyledLine, width: Int) -> [StyledLine] {
        let columnWidth = 36
        guard width >= columnWidth * 2 else { return [left, right] }
        let leftWidth = left.spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let gap = String(repeating: " ", count: max(2, columnWidth - leftWidth))
        return [StyledLine(left.spans + [StyledSpan(gap)] + right.spans)]
    }

    private func progressText(_ execution: Execution) -> String {
        let progress = execution.progress
        let units = execution.plannedDays.isEmpty && progress.days.isEmpty ? "snapshot" : "days"
        return "\(progress.unitsDone)/\(progress.unitsTotal) \(units); read \(progress.recordsRead), written \(progress.recordsWritten), rejected \(progress.recordsRejected)"
    }

    private func dayLines(_ execution: Execution, unicode: Bool) -> [StyledLine] {
        guard !execution.progress.days.isEmpty else { return [] }
        var lines = [StyledLine.empty, StyledLine("Days", .title)]
        for day in execution.progress.days {
            let state = day.state.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            lines.append(StyledLine([
                StyledSpan("  \(day.day)  "),
                StyledSpan(dayStateSymbol(day.state, unicode: unicode) + " " + state, dayStateRole(day.state)),
                StyledSpan(" read \(day.recordsRead), written \(day.recordsWritten), rejected \(day.recordsRejected)"
                           + (execution.warnings.breakdown(on: day.day).map { " (\($0))" } ?? "")),
            ]))
        }
        return lines
    }

    private func warningLines(_ execution: Execution, width: Int) -> [StyledLine] {
        guard !execution.warnings.isEmpty else { return [] }
        var lines = [StyledLine.empty, StyledLine("Warnings", .title)]
        for summary in execution.warnings {
            lines.append(StyledLine("  \(summary.kind.title): \(DisplayFormat.count(summary.count, "record"))",
                                    .finishedWithWarnings))
            for issue in summary.examples {
                let field = issue.field.map { " field \(TerminalText.escape($0)):" } ?? ""
                let text = "\(TerminalText.escape(issue.position))\(field) \(TerminalText.escape(issue.message))"
                lines += StyledLine.wrapped(text, role: .body, width: width, lead: StyledSpan("    "))
            }
            if summary.count > summary.examples.count {
                lines.append(StyledLine("    and \(summary.count - summary.examples.count) more", .dim))
            }
        }
        return lines
    }

    private func failureLines(_ execution: Execution, width: Int) -> [StyledLine] {
        guard let failure = execution.failure else { return [] }
        var lines: [StyledLine] = []
        let day = failure.day.map { " on \($0)" } ?? ""
        lines += StyledLine.wrapped(TerminalText.escape(failure.message), role: .error, width: width,
                                    lead: StyledSpan("  \(failure.category.rawValue) error\(day): ", .failed))
        lines += StyledLine.wrapped(TerminalText.escape(failure.hint), role: .body, width: width,
                                    lead: StyledSpan("  What to do: ", .hint))
        return lines
    }

    private func dayStateSymbol(_ state: DayProgress.State, unicode: Bool) -> String {
        switch state {
        case .pending: return unicode ? "·" : "."
        case .running: return unicode ? "▶" : ">"
        case .imported: return unicode ? "✓" : "+"
        case .failed: return unicode ? "✗" : "x"
        case .skipped: return "-"
        }
    }

    private func dayStateRole(_ state: DayProgress.State) -> Role {
        switch state {
        case .pending: return .dim
        case .running: return .inProgress
        case .imported: return .finished
        case .failed: return .failed
        case .skipped: return .canceled
        }
    }
}
