import SyncModel

/// The tabs of the play dialog.
enum PlayTab: Int, CaseIterable {
    case defaultRun, singleDate, dateRange

    var title: String {
        switch self {
        case .defaultRun: return "Default"
        case .singleDate: return "Single Date"
        case .dateRange: return "Date Range"
        }
    }
}

/// The controls of the play dialog that can have focus.
enum PlayControl: Hashable {
    case singleDay, calendar, firstDay, lastDay, mode(RangeMode), confirmation, execute, cancel
}

/// The play dialog of one sync: choose what to import, see exactly what will run, confirm a
/// re-import, and start the execution.
///
/// Nothing starts except Enter on an enabled **Execute**. The plan is asked from the engine
/// whenever the request changes, so the preview, the overlap and the confirmation always match
/// what `start` will do.
struct PlayDialog {
    static let minimumSize = Size(columns: 80, rows: 24)

    let client: Client
    let sync: SyncDefinition
    var tab: PlayTab = .defaultRun
    var focus: PlayControl = .execute
    var singleDay: DateField
    var firstDay: DateField
    var lastDay: DateField
    var mode: RangeMode = .missingOnly
    var confirmed = false
    /// What the current request would do, or why it cannot run.
    var plan: Result<ExecutionPlan, RequestRejection>?
    /// The rejection of the last Execute, shown until the request changes or Esc.
    var startError: String?
    var span: DayRange?
    var marks: CalendarMarks
    /// The day under the calendar's cursor, which follows the focused date field.
    var calendarDay: Day?
    /// In Date Range, the first day picked on the calendar while the last one is still to pick.
    var rangeAnchor: Day?

    init(client: Client, sync: SyncDefinition, context: ConsoleContext) {
        self.client = client
        self.sync = sync
        let span = context.span(of: sync, in: client)
        self.span = span
        singleDay = DateField(span?.last)
        firstDay = DateField(span?.first)
        lastDay = DateField(span?.last)
        calendarDay = span?.last
        marks = CalendarMarks(span: span, imported: [], timeZone: client.timeZone)
        refreshMarks(context: context)
        replan(context: context)
    }

    var tabs: [PlayTab] {
        sync.supportsPeriods ? PlayTab.allCases : [.defaultRun]
    }

    /// The controls of the current tab, top to bottom, in focus order.
    var controls: [PlayControl] {
        var controls: [PlayControl]
        switch tab {
        case .defaultRun: controls = []
        case .singleDate: controls = [.singleDay, .calendar]
        case .dateRange: controls = [.firstDay, .lastDay, .calendar, .mode(.missingOnly), .mode(.reimportAll)]
        }
        if requiresConfirmation {
            controls.append(.confirmation)
        }
        return controls + [.execute, .cancel]
    }

    var requiresConfirmation: Bool {
        if case .success(let plan) = plan { return plan.requiresConfirmation }
        return false
    }

    /// Whether Enter on Execute starts the execution now.
    var canExecute: Bool {
        guard case .success(let plan) = plan, plan.unitCount > 0 else { return false }
        return !plan.requiresConfirmation || confirmed
    }

    /// The request that the current tab and fields describe, or the rejection of a typed day.
    var request: Result<ExecutionRequest, RequestRejection> {
        switch tab {
        case .defaultRun:
            return .success(.default)
        case .singleDate:
            return singleDay.day.map { ExecutionRequest.singleDate($0) }
        case .dateRange:
            return firstDay.day.flatMap { first in
                lastDay.day.flatMap { last in
                    Result { try ExecutionPlanner.range(from: first, to: last) }
                        .mapError { $0 as? RequestRejection ?? RequestRejection(.endBeforeStart, String(describing: $0)) }
                        .map { ExecutionRequest.dateRange($0, mode) }
                }
            }
        }
    }

    /// The typed field that is still being written, whose parse error is not worth showing yet.
    var incompleteField: DateField? {
        switch tab {
        case .defaultRun: return nil
        case .singleDate: return singleDay.isComplete ? nil : singleDay
        case .dateRange: return [firstDay, lastDay].first { !$0.isComplete }
        }
    }
}
