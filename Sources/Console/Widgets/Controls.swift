import SyncModel

/// Drawing of the small form controls: fields, checkboxes, radio options, buttons, statuses.
///
/// Focus is shown by the `focusSelection` role and, for readers without color, by a `›` (or `>`)
/// marker in front of the control.
public enum Controls {
    /// Draws the focus marker or a blank in front of a control and returns its width.
    @discardableResult
    public static func marker(_ buffer: inout ScreenBuffer, column: Int, row: Int, focused: Bool, unicode: Bool) -> Int {
        buffer.put(focused ? (unicode ? "›" : ">") : " ", column: column, row: row, role: focused ? .focusSelection : .body)
    }

    /// Draws `label [text]` for a typed field and returns the columns used.
    @discardableResult
    public static func field(_ buffer: inout ScreenBuffer, column: Int, row: Int, label: String, text: String,
                             width: Int, focused: Bool, unicode: Bool) -> Int {
        var used = marker(&buffer, column: column, row: row, focused: focused, unicode: unicode)
        used += buffer.put(label + " ", column: column + used, row: row, role: .body)
        let content = TextLayout.pad(TerminalText.escape(text) + (focused ? "_" : ""), toWidth: width, unicode: unicode)
        used += buffer.put("[", column: column + used, row: row, role: .body)
        used += buffer.put(content, column: column + used, row: row, role: focused ? .focusSelection : .input)
        used += buffer.put("]", column: column + used, row: row, role: .body)
        return used
    }

    /// Draws `[x] label` or `[ ] label`.
    public static func checkbox(_ buffer: inout ScreenBuffer, column: Int, row: Int, label: String, checked: Bool,
                                focused: Bool, unicode: Bool, maxWidth: Int) {
        let used = marker(&buffer, column: column, row: row, focused: focused, unicode: unicode)
        let box = checked ? "[x] " : "[ ] "
        buffer.put(box + label, column: column + used, row: row, role: focused ? .focusSelection : .body,
                   maxWidth: maxWidth - used)
    }

    /// Draws `(•) label` or `( ) label` (`(*)` without Unicode).
    public static func radio(_ buffer: inout ScreenBuffer, column: Int, row: Int, label: String, chosen: Bool,
                             focused: Bool, unicode: Bool, maxWidth: Int) {
        let used = marker(&buffer, column: column, row: row, focused: focused, unicode: unicode)
        let dot = chosen ? (unicode ? "(•) " : "(*) ") : "( ) "
        buffer.put(dot + label, column: column + used, row: row, role: focused ? .focusSelection : .body,
                   maxWidth: maxWidth - used)
    }

    /// Draws `[ label ]` as a button and returns the columns used.
    ///
    /// A disabled button keeps the `buttonDisabled` role even when focused, so that it never
    /// looks pressable.
    @discardableResult
    public static func button(_ buffer: inout ScreenBuffer, column: Int, row: Int, label: String, enabled: Bool,
                              focused: Bool, unicode: Bool) -> Int {
        var used = marker(&buffer, column: column, row: row, focused: focused, unicode: unicode)
        let role: Role = !enabled ? .buttonDisabled : (focused ? .focusSelection : .button)
        used += buffer.put("[ \(label) ]", column: column + used, row: row, role: role)
        return used
    }

    /// The status as operators read it without color: symbol and label, `✓ FINISHED`.
    public static func statusText(_ status: ExecutionStatus, unicode: Bool) -> String {
        "\(status.symbol(unicode: unicode)) \(status.label(unicode: unicode))"
    }
}
