extension MainScreen {
    /// Every key of the main screen, for the help overlay.
    static let keyHelp: [KeyHelp] = [
        KeyHelp("Up/Down, k/j", "move the selection"),
        KeyHelp("PgUp/PgDn, Home/End", "move by a page; to the newest or oldest"),
        KeyHelp("Left/Right, h/l", "move between the panes"),
        KeyHelp("Enter", "clients: go to syncs; syncs: play; executions: details"),
        KeyHelp("p", "open the play dialog of the selected sync"),
        KeyHelp("e", "focus the executions list"),
        KeyHelp("c", "cancel the selected execution (asks first)"),
        KeyHelp("r", "retry a failed or canceled execution (asks first)"),
        KeyHelp("s", "executions: show the next status filter"),
        KeyHelp("/", "filter the focused list by text; Enter keeps it"),
        KeyHelp("Esc", "clear the filters of the focused list"),
        KeyHelp("?", "show this help"),
        KeyHelp("Ctrl-L", "redraw and reload executions of other processes"),
        KeyHelp("q", "quit (asks first while executions run)"),
    ]

    /// The short hints of the status line for the focused pane; each fits 79 columns, since
    /// terminals keep the last cell of the screen free.
    func statusHints() -> String {
        if filters[focus]?.isEditing == true {
            return "type to filter  Enter keep  Esc clear"
        }
        switch focus {
        case .clients: return "Up/Down move  Right syncs  / filter  e executions  ? help  q quit"
        case .syncs: return "Enter/p play  Left/Right panes  / filter  e executions  ? help  q quit"
        case .executions: return "Enter details  c cancel  r retry  s status  / filter  h panes  ? help  q quit"
        }
    }
}
