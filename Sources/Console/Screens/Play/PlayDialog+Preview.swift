import SyncModel

/// The preview of what will run, the inline errors, and the re-import alert.
extension PlayDialog {
    func drawPreview(_ buffer: inout ScreenBuffer, flow: inout ColumnFlow, unicode: Bool) {
        if let startError {
            flow.addWrapped(TerminalText.escape(startError), role: .error, in: &buffer, maxLines: 3, unicode: unicode)
        }
        switch plan {
        case .none:
            return
        case .failure(let rejection):
            if let incomplete = incompleteField {
                let typed = incomplete.text.isEmpty ? "" : " (\(TerminalText.escape(incomplete.text)) so far)"
                flow.addWrapped("Type the day as YYYY-MM-DD\(typed).", role: .dim, in: &buffer, unicode: unicode)
            } else {
                flow.addWrapped(TerminalText.escape(rejection.message), role: .error, in: &buffer, maxLines: 3, unicode: unicode)
            }
        case .success(let plan):
            flow.addWrapped(previewText(plan), role: plan.days.isEmpty && !plan.isSnapshot ? .dim : .body, in: &buffer,
                            maxLines: 3, unicode: unicode)
            let odd = plan.days.filter { $0.hours(in: client.timeZone) != 24 }
            if !odd.isEmpty {
                let text = odd.map { "\($0) has \($0.hours(in: client.timeZone)) hours" }.prefix(3).joined(separator: ", ")
                flow.addWrapped("* " + text + " in \(client.timeZone.identifier)", role: .hint, in: &buffer, maxLines: 2,
                                unicode: unicode)
            }
        }
    }

    /// Exactly which days the plan imports, and how many of them were imported before.
    func previewText(_ plan: ExecutionPlan) -> String {
        if plan.isSnapshot {
            return "Will import the snapshot."
        }
        guard let first = plan.days.first, let last = plan.days.last else {
            return tab == .defaultRun
                ? "Nothing to import: every day of the span is in the ledger."
                : "Nothing to import: every day of the range is in the ledger. Choose re-import everything to import them again."
        }
        var text = "Will import \(DisplayFormat.count(plan.days.count, "day"))"
        text += first == last ? ": \(first)" : ", \(first) to \(last)"
        let contiguous = plan.days.count == last.ordinal - first.ordinal + 1
        if !contiguous {
            text += ": \(DisplayFormat.days(plan.days, limit: 4))"
        }
        if case .dateRange(let range, .missingOnly) = plan.request, range.count > plan.days.count {
            text += "; skips \(DisplayFormat.count(range.count - plan.days.count, "day")) already imported"
        }
        return text + ". " + importedBeforeText(plan)
    }

    /// Describes how many of the planned days the ledger contains, with their records.
    private func importedBeforeText(_ plan: ExecutionPlan) -> String {
        guard !plan.overlap.isEmpty else {
            return plan.days.count == 1 ? "It was never imported before." : "None was imported before."
        }
        let records = DisplayFormat.count(plan.overlapRecords, "record")
        if plan.days.count == 1 {
            return "It was imported before (\(records))."
        }
        return "\(plan.overlap.count) of them were imported before (\(records))."
    }

    /// Draws the re-import alert with the I confirm checkbox, when the plan needs confirmation.
    func drawConfirmation(_ buffer: inout ScreenBuffer, flow: inout ColumnFlow, unicode: Bool) {
        guard case .success(let plan) = plan, plan.requiresConfirmation, flow.hasRoom else { return }
        flow.skip()
        let room = flow.maxRow - flow.row
        let lines = fittedAlertLines(plan, width: flow.width - 4, rows: room - 3)
        let rect = Rect(column: flow.column, row: flow.row, columns: flow.width,
                        rows: min(lines.count + 3, flow.maxRow - flow.row))
        buffer.box(rect, role: .alert, unicode: unicode,
                   title: "Re-import: \(TerminalText.escape(client.name)) / \(TerminalText.escape(sync.name))",
                   titleRole: .alert)
        var inner = ColumnFlow(Rect(column: rect.column + 2, row: rect.row + 1, columns: rect.columns - 4, rows: rect.rows - 2))
        for line in lines where inner.row < rect.maxRow - 2 {
            inner.add(line, in: &buffer)
        }
        Controls.checkbox(&buffer, column: rect.column + 1, row: rect.maxRow - 2, label: "I confirm", checked: confirmed,
                          focused: focus == .confirmation, unicode: unicode, maxWidth: rect.columns - 2)
    }

    /// How many overlapping days the alert names one by one before summing up the rest.
    static let alertDayLimit = 6

    /// The alert's lines in at most `rows` rows: fewer days are named one by one when room is
    /// short, then runs of days with their record totals, so that the days and the sentence on
    /// the write mode always show.
    private func fittedAlertLines(_ plan: ExecutionPlan, width: Int, rows: Int) -> [StyledLine] {
        for limit in stride(from: Self.alertDayLimit, through: 1, by: -1) {
            let lines = alertLines(plan, width: width, dayLimit: limit)
            if lines.count <= rows { return lines }
        }
        // Even as runs the days do not fit: the write mode's effect is what the operator must
        // read before confirming, so the days are cut instead, ending with an ellipsis.
        let effect = effectLines(plan, width: width)
        let days = Array(alertLines(plan, width: width, dayLimit: 0).dropLast(effect.count))
        let room = max(1, rows - effect.count)
        guard days.count > room else { return days + effect }
        var kept = Array(days.prefix(room))
        let lastText = kept[room - 1].spans.map(\.text).joined()
        kept[room - 1] = StyledLine(TextLayout.truncate(lastText + " …", toWidth: width), .alert)
        return kept + effect
    }

    /// Wraps to `width` what the operator must read before confirming: which days were imported
    /// more than once already, and what the write mode does to the re-imported days.
    private func effectLines(_ plan: ExecutionPlan, width: Int) -> [StyledLine] {
        let effect = sync.destination.writeMode.reimportEffect
        var text = effect.prefix(1).uppercased() + effect.dropFirst() + "."
        if let note = plan.repeatedImportsNote {
            text = note.prefix(1).uppercased() + note.dropFirst() + ". " + text
        }
        return StyledLine.wrapped(text, role: .alert, width: width)
    }

    /// `2026-01-01..2026-01-09 (27 records), 2026-01-12 (3 records)`: the overlapping days as
    /// runs, at most three, with the records each run contains.
    private func overlapRuns(_ overlap: [LedgerEntry]) -> String {
        var runs: [(first: Day, last: Day, records: Int)] = []
        for entry in overlap {
            if let last = runs.last, last.last.next == entry.day {
                runs[runs.count - 1] = (last.first, entry.day, last.records + entry.records)
            } else {
                runs.append((entry.day, entry.day, entry.records))
            }
        }
        let shown = runs.prefix(3).map { run in
            (run.first == run.last ? "\(run.first)" : "\(run.first)..\(run.last)")
                + " (\(DisplayFormat.count(run.records, "record")))"
        }
        let rest = runs.dropFirst(3).reduce(0) { $0 + $1.last.ordinal - $1.first.ordinal + 1 }
        return shown.joined(separator: ", ") + (rest > 0 ? " and \(rest) more days" : "")
    }

    /// Builds the alert's text, naming `limit` days one by one, or all of them as runs when it is 0.
    private func alertLines(_ plan: ExecutionPlan, width: Int, dayLimit limit: Int) -> [StyledLine] {
        let names = "\(TerminalText.escape(sync.name)) of \(TerminalText.escape(client.name))"
        var text: String
        if plan.overlap.isEmpty {
            text = "\(plan.days.first.map(\.description) ?? "This day") of \(names) is not in the ledger yet, "
                + "but a single date always imports as if nothing had been imported."
        } else {
            var days = overlapRuns(plan.overlap)
            if limit > 0 {
                let shown = plan.overlap.prefix(limit).map { "\($0.day) (\(DisplayFormat.count($0.records, "record")))" }
                let rest = plan.overlap.count - shown.count
                days = shown.joined(separator: ", ") + (rest > 0 ? " and \(rest) more days" : "")
            }
            text = "\(names) already contains " + days + ": \(DisplayFormat.count(plan.overlapRecords, "record")) in all."
        }
        return StyledLine.wrapped(text, role: .alert, width: width) + effectLines(plan, width: width)
    }
}
