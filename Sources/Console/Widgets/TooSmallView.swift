/// The view drawn instead of a screen when the terminal is smaller than the screen needs.
///
/// It replaces only the drawing: the screen's state stays, so the screen comes back as it was
/// when the terminal grows again.
public enum TooSmallView {
    public static func draw(_ buffer: inout ScreenBuffer, needs minimum: Size) {
        let have = buffer.size
        let sentences = ["Terminal too small:", "needs \(minimum.columns)x\(minimum.rows), has \(have.columns)x\(have.rows).",
                         "Enlarge the window."]
        let lines = sentences.flatMap { TextLayout.wrap($0, toWidth: max(1, have.columns)) }
        let top = max(0, (have.rows - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let column = max(0, (have.columns - DisplayWidth.of(line)) / 2)
            buffer.put(line, column: column, row: top + index, role: .alert)
        }
    }

    /// Whether `size` is at least `minimum` in both directions.
    public static func fits(_ size: Size, _ minimum: Size) -> Bool {
        size.columns >= minimum.columns && size.rows >= minimum.rows
    }
}
