/// Draws lines one under the other in a column, wrapping long text and stopping at the bottom.
public struct ColumnFlow {
    public let column: Int
    public let width: Int
    public let maxRow: Int
    public private(set) var row: Int

    public init(_ rect: Rect) {
        column = rect.column
        width = rect.columns
        maxRow = rect.maxRow
        row = rect.row
    }

    public var hasRoom: Bool { row < maxRow }

    public mutating func add(_ line: StyledLine, in buffer: inout ScreenBuffer) {
        guard hasRoom else { return }
        buffer.put(line, column: column, row: row, maxWidth: width)
        row += 1
    }

    /// Adds `text` wrapped to the column width, at most `maxLines` lines, the last one cut
    /// with an ellipsis when the text is longer.
    public mutating func addWrapped(_ text: String, role: Role, in buffer: inout ScreenBuffer, maxLines: Int = .max,
                                    unicode: Bool = true) {
        var lines = TextLayout.wrap(text, toWidth: width)
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = TextLayout.truncate(lines[maxLines - 1] + " …", toWidth: width, unicode: unicode)
        }
        for line in lines {
            add(StyledLine(line, role), in: &buffer)
        }
    }

    public mutating func skip(_ rows: Int = 1) {
        row += rows
    }
}
