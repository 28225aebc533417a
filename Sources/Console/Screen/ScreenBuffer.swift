/// A grid of cells that screens draw into; the terminal shows it, and tests read it.
public struct ScreenBuffer: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = Size(columns: max(0, size.columns), rows: max(0, size.rows))
        self.cells = Array(repeating: .blank, count: self.size.columns * self.size.rows)
    }

    public subscript(column: Int, row: Int) -> Cell {
        get {
            guard contains(column: column, row: row) else { return .blank }
            return cells[row * size.columns + column]
        }
        set {
            guard contains(column: column, row: row) else { return }
            cells[row * size.columns + column] = newValue
        }
    }

    public func contains(column: Int, row: Int) -> Bool {
        column >= 0 && row >= 0 && column < size.columns && row < size.rows
    }

    /// The text of one row, with wide characters once and trailing spaces kept.
    public func line(_ row: Int) -> String {
        guard row >= 0, row < size.rows else { return "" }
        var text = ""
        for column in 0..<size.columns {
            text += self[column, row].text
        }
        return text
    }

    /// Every row joined by newlines, trailing spaces removed: what a test compares.
    public var text: String {
        (0..<size.rows).map { row in
            var line = self.line(row)
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Returns the roles of the cells that show `needle` on `row`, or `nil` when it is not there.
    public func roles(of needle: String, row: Int) -> [Role]? {
        let line = self.line(row)
        guard let range = line.range(of: needle) else { return nil }
        let startColumn = columnOf(characterOffset: line.distance(from: line.startIndex, to: range.lowerBound), row: row)
        return (startColumn..<min(size.columns, startColumn + needle.count)).map { self[$0, row].role }
    }

    /// Returns the row where `needle` first appears, or `nil`.
    public func row(containing needle: String) -> Int? {
        (0..<size.rows).first { line($0).contains(needle) }
    }

    private func columnOf(characterOffset: Int, row: Int) -> Int {
        var seen = 0
        for column in 0..<size.columns where !self[column, row].isContinuation {
            if seen == characterOffset { return column }
            seen += 1
        }
        return size.columns
    }
}
