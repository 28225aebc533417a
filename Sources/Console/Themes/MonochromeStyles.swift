/// The attributes that tell roles apart when a terminal shows no colors.
///
/// Statuses are always written as a symbol and a label, so these only add emphasis: the
/// selection is reversed, titles and alerts bold, inputs underlined.
enum MonochromeStyles {
    static func attributes(for role: Role) -> TextAttributes {
        switch role {
        case .body, .border, .tab, .queued, .finished, .dayImported:
            return []
        case .title, .button, .alert, .error, .inProgress, .canceling, .finishedWithWarnings, .failed, .dayRunning:
            return .bold
        case .dim, .buttonDisabled, .hint, .canceled, .dayMissing, .dayOutside:
            return .dim
        case .selection, .statusLine:
            return .reverse
        case .tabActive, .focusSelection:
            return [.reverse, .bold]
        case .input:
            return .underline
        case .dayFailed:
            return [.bold, .underline]
        }
    }
}
