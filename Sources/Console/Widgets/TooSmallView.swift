/// The view drawn instead of a screen when the terminal is smaller than the screen needs.
///
/// It replaces only the drawing: the screen's state stays, so the screen comes back as it was
/// when the terminal grows again.
public enum TooSmallView {
    /// Draws the most complete message that fits, so that even a 10x3 terminal shows the size
    /// the screen needs.
    public static func draw(_ buffer: inout ScreenBuffer, needs minimum: Size) {
        let have = buffer.size
        let needs = "\(minimum.columns)x\(minimum.rows)"
        let messages = [
            ["Terminal too small:", "needs \(needs), has \(have.columns)x\(have.rows).", "Enlarge the window."],
            ["Terminal too small:", "needs \(needs)."],
            ["Too small: needs \(needs)"],
            ["needs \(needs)"],
        ]
        let width = max(1, have.columns)
        let wrapped = messages.map { sentences in sentences.flatMap { TextLayout.wrap($0, toWidth: width) } }
        let lines = wrapped.first { $0.count <= have.rows } ?? wrapped[wrapped.count - 1]
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
