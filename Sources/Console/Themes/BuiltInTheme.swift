extension Theme {
    /// The styles of the default dark theme; `themes/default.theme` contains the same values.
    static let builtInStyles: [Role: Style] = [
        .body: style(.terminalDefault, .terminalDefault),
        .border: style(.indexed(244), .terminalDefault),
        .title: style(.indexed(14), .terminalDefault, .bold),
        .dim: style(.indexed(245), .terminalDefault),
        .tab: style(.terminalDefault, .indexed(236)),
        .tabActive: style(.indexed(0), .indexed(6), .bold),
        .selection: style(.terminalDefault, .indexed(238)),
        .focusSelection: style(.indexed(15), .indexed(25), .bold),
        .button: style(.indexed(0), .indexed(250)),
        .buttonDisabled: style(.indexed(244), .indexed(236)),
        .alert: style(.indexed(15), .indexed(124), .bold),
        .hint: style(.indexed(245), .terminalDefault),
        .statusLine: style(.indexed(0), .indexed(250)),
        .input: style(.indexed(15), .indexed(236), .underline),
        .error: style(.indexed(9), .terminalDefault, .bold),
        .queued: style(.indexed(250), .terminalDefault),
        .inProgress: style(.indexed(14), .terminalDefault, .bold),
        .canceling: style(.indexed(3), .terminalDefault, .bold),
        .finished: style(.indexed(2), .terminalDefault, .bold),
        .finishedWithWarnings: style(.indexed(11), .terminalDefault, .bold),
        .failed: style(.indexed(9), .terminalDefault, .bold),
        .canceled: style(.indexed(245), .terminalDefault),
        .dayImported: style(.indexed(2), .terminalDefault),
        .dayMissing: style(.indexed(245), .terminalDefault),
        .dayRunning: style(.indexed(14), .terminalDefault, .bold),
        .dayFailed: style(.indexed(9), .terminalDefault, .bold),
        .dayOutside: style(.indexed(239), .terminalDefault),
    ]

    private static func style(_ foreground: TerminalColor, _ background: TerminalColor,
                              _ attributes: TextAttributes = []) -> Style {
        Style(foreground: foreground, background: background, attributes: attributes)
    }
}
