/// A yes/no question drawn over the screen, such as "cancel execution 12?".
public enum PromptBox {
    public static func draw(_ buffer: inout ScreenBuffer, title: String, message: String, unicode: Bool) {
        let width = min(buffer.size.columns - 2, max(40, min(64, DisplayWidth.of(message) + 4)))
        let lines = TextLayout.wrap(message, toWidth: max(1, width - 4))
        let rect = buffer.bounds.centered(columns: width, rows: lines.count + 4)
        buffer.box(rect, role: .alert, unicode: unicode, title: title, titleRole: .alert)
        let inner = rect.inner
        for (index, line) in lines.enumerated() where index < inner.rows - 1 {
            buffer.put(line, column: inner.column + 1, row: inner.row + index, role: .body, maxWidth: inner.columns - 2)
        }
        buffer.put("y: yes   n or Esc: no", column: inner.column + 1, row: inner.maxRow - 1, role: .hint,
                   maxWidth: inner.columns - 2)
    }
}
