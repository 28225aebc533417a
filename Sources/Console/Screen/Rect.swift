/// A rectangle of cells: its top-left corner and its size.
public struct Rect: Hashable, Sendable {
    public var column: Int
    public var row: Int
    public var columns: Int
    public var rows: Int

    public init(column: Int, row: Int, columns: Int, rows: Int) {
        self.column = column
        self.row = row
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }

    public var maxColumn: Int { column + columns }
    public var maxRow: Int { row + rows }
    public var isEmpty: Bool { columns == 0 || rows == 0 }

    /// The rectangle inside a one-cell border.
    public var inner: Rect {
        Rect(column: column + 1, row: row + 1, columns: columns - 2, rows: rows - 2)
    }

    /// A rectangle of `columns` x `rows` centered in this one, shrunk to fit.
    public func centered(columns wanted: Int, rows wantedRows: Int) -> Rect {
        let width = min(wanted, columns)
        let height = min(wantedRows, rows)
        return Rect(column: column + (columns - width) / 2, row: row + (rows - height) / 2, columns: width, rows: height)
    }
}
