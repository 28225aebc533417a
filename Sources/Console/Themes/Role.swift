import SyncModel

/// What a piece of text is, which the theme turns into colors and attributes.
///
/// Screens pick roles, never colors, so that every theme, color depth and `NO_COLOR` apply alike.
public enum Role: String, Hashable, Sendable, CaseIterable {
    case body, border, title, dim, tab, tabActive, selection, focusSelection, button, buttonDisabled
    case alert, hint, statusLine, input, error
    case queued, inProgress, canceling, finished, finishedWithWarnings, failed, canceled
    /// Calendar marks.
    case dayImported, dayMissing, dayRunning, dayFailed, dayOutside

    /// The role that shows `status`.
    public static func of(_ status: ExecutionStatus) -> Role {
        switch status {
        case .queued: return .queued
        case .inProgress: return .inProgress
        case .canceling: return .canceling
        case .finished: return .finished
        case .finishedWithWarnings: return .finishedWithWarnings
        case .error: return .failed
        case .canceled: return .canceled
        }
    }
}
