/// The state or outcome of an execution.
public enum ExecutionStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Waiting while another execution of the same sync runs.
    case queued = "QUEUED"
    case inProgress = "IN_PROGRESS"
    /// Cancel was requested and the current day is being rolled back.
    case canceling = "CANCELING"
    case finished = "FINISHED"
    /// Completed, but some records or rules failed without stopping the execution.
    case finishedWithWarnings = "FINISHED_WITH_WARNINGS"
    /// A fatal error stopped the execution.
    case error = "ERROR"
    case canceled = "CANCELED"

    /// The stable name used in JSON output and in the state database.
    public var jsonName: String { rawValue }

    /// Whether the execution has ended; an ended execution never changes status again.
    public var isFinal: Bool {
        switch self {
        case .queued, .inProgress, .canceling: return false
        case .finished, .finishedWithWarnings, .error, .canceled: return true
        }
    }

    /// Whether the execution can still be canceled.
    public var isCancelable: Bool { !isFinal && self != .canceling }

    /// The label operators read, with the warning sign when the terminal can show it.
    public func label(unicode: Bool = true) -> String {
        switch self {
        case .queued: return "QUEUED"
        case .inProgress: return "IN PROGRESS"
        case .canceling: return "CANCELING"
        case .finished: return "FINISHED"
        case .finishedWithWarnings: return unicode ? "FINISHED ⚠︎" : "FINISHED (!)"
        case .error: return "ERROR"
        case .canceled: return "CANCELED"
        }
    }

    /// A one-cell symbol shown before the label, so statuses differ without color.
    public func symbol(unicode: Bool = true) -> String {
        switch self {
        case .queued: return unicode ? "…" : "."
        case .inProgress: return unicode ? "▶" : ">"
        case .canceling: return unicode ? "■" : "#"
        case .finished: return unicode ? "✓" : "+"
        case .finishedWithWarnings: return "!"
        case .error: return unicode ? "✗" : "x"
        case .canceled: return unicode ? "–" : "-"
        }
    }
}
