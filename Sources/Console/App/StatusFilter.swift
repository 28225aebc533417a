import SyncModel

/// The statuses the executions list shows, which `s` moves to the next.
enum StatusFilter: Int, CaseIterable {
    case all, active, finished, warnings, error, canceled

    /// The statuses to request from the store, or `nil` for every status.
    var statuses: Set<ExecutionStatus>? {
        switch self {
        case .all: return nil
        case .active: return [.queued, .inProgress, .canceling]
        case .finished: return [.finished]
        case .warnings: return [.finishedWithWarnings]
        case .error: return [.error]
        case .canceled: return [.canceled]
        }
    }

    /// What the list title says about the filter.
    func label(unicode: Bool) -> String {
        switch self {
        case .all: return "all statuses"
        case .active: return "QUEUED, IN PROGRESS, CANCELING"
        case .finished: return ExecutionStatus.finished.label(unicode: unicode)
        case .warnings: return ExecutionStatus.finishedWithWarnings.label(unicode: unicode)
        case .error: return ExecutionStatus.error.label(unicode: unicode)
        case .canceled: return ExecutionStatus.canceled.label(unicode: unicode)
        }
    }

    var next: StatusFilter {
        StatusFilter(rawValue: (rawValue + 1) % StatusFilter.allCases.count) ?? .all
    }

    func matches(_ status: ExecutionStatus) -> Bool {
        statuses?.contains(status) ?? true
    }
}
