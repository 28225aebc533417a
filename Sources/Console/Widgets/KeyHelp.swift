/// One key of a screen and what it does, for the help overlay and the status line.
public struct KeyHelp: Hashable, Sendable {
    public var keys: String
    public var action: String

    public init(_ keys: String, _ action: String) {
        self.keys = keys
        self.action = action
    }
}

/// The `?` overlay: every key of the screen under it.
public enum HelpOverlay {
    public static func draw(_ buffer: inout ScreenBuffer, title: String, keys: [KeyHelp], unicode: Bool) {
        let keyWidth = min(20, keys.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let actionWidth = keys.map { DisplayWidth.of($0.action) }.max() ?? 0
        let wanted = keyWidth + actionWidth + 7
        let rect = buffer.bounds.centered(columns: max(30, wanted), rows: keys.count + 4)
        buffer.box(rect, role: .border, unicode: unicode, title: "Help: \(title)")

        let inner = rect.inner
        for (index, key) in keys.enumerated() where index < inner.rows - 1 {
            let row = inner.row + index
            buffer.put(TextLayout.pad(key.keys, toWidth: keyWidth, unicode: unicode), column: inner.column + 1, row: row,
                       role: .hint)
            buffer.put(key.action, column: inner.column + keyWidth + 3, row: row, role: .body,
                       maxWidth: inner.columns - keyWidth - 3)
        }
        buffer.put("Esc or ? closes this help", column: inner.column + 1, row: inner.maxRow - 1, role: .dim,
                   maxWidth: inner.columns - 1)
    }
}
