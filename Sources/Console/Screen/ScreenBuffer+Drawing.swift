/// Drawing primitives that screens and widgets use; everything is clipped to the buffer.
extension ScreenBuffer {
    /// The whole buffer as a rectangle.
    public var bounds: Rect {
        Rect(column: 0, row: 0, columns: size.columns, rows: size.rows)
    }

    /// Draws `text` from (`column`, `row`) with `role`, in at most `maxWidth` columns, and
    /// returns the columns it used.
    ///
    /// A wide character takes its cell and a continuation cell; one that would cross the limit
    /// or the right edge is drawn as a space instead. A grapheme holding a control character is
    /// drawn in its escaped form, so nothing raw reaches the terminal even when a caller forgot
    /// `TerminalText.escape`.
    @discardableResult
    public mutating func put(_ text: String, column: Int, row: Int, role: Role, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < size.rows else { return 0 }
        let limit = min(size.columns, column + (maxWidth ?? size.columns))
        var cursor = column
        for character in text {
            if character.unicodeScalars.contains(where: TerminalText.isControl) {
                cursor += put(TerminalText.escape(String(character)), column: cursor, row: row, role: role,
                              maxWidth: limit - cursor)
                continue
            }
            let width = DisplayWidth.of(character)
            guard cursor < limit else { break }
            if width == 0 {
                continue
            }
            if cursor + width > limit {
                setCell(column: cursor, row: row, Cell(text: " ", role: role))
                cursor += 1
                break
            }
            setCell(column: cursor, row: row, Cell(text: String(character), role: role))
            if width == 2 {
                setCell(column: cursor + 1, row: row, Cell(text: "", role: role))
            }
            cursor += width
        }
        return cursor - column
    }

    /// Fills `rect` with `character` (a one-column character) in `role`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", role: Role) {
        for row in rect.row..<rect.maxRow {
            for column in rect.column..<rect.maxColumn {
                setCell(column: column, row: row, Cell(text: String(character), role: role))
            }
        }
    }

    /// Changes the role of the cells of `rect`, keeping their text (for a selected row).
    public mutating func paint(_ rect: Rect, role: Role) {
        for row in rect.row..<rect.maxRow {
            for column in rect.column..<rect.maxColumn where contains(column: column, row: row) {
                self[column, row].role = role
            }
        }
    }

    /// Draws a horizontal line of `length` cells.
    public mutating func horizontalLine(column: Int, row: Int, length: Int, role: Role, unicode: Bool) {
        for offset in 0..<max(0, length) {
            setCell(column: column + offset, row: row, Cell(text: unicode ? "─" : "-", role: role))
        }
    }

    /// Draws the border of `rect`, with `title` in its top line when given, and clears its
    /// inside when `clear` is set.
    ///
    /// Box-drawing lines are used when the terminal shows Unicode, `+`, `-` and `|` otherwise.
    public mutating func box(_ rect: Rect, role: Role, unicode: Bool, title: String? = nil, titleRole: Role = .title,
                             clear: Bool = true) {
        guard rect.columns >= 2, rect.rows >= 2 else { return }
        if clear {
            fill(rect.inner, role: .body)
        }
        let glyphs = unicode ? ["┌", "┐", "└", "┘", "─", "│"] : ["+", "+", "+", "+", "-", "|"]
        let right = rect.maxColumn - 1
        let bottom = rect.maxRow - 1
        for column in rect.column + 1..<right {
            setCell(column: column, row: rect.row, Cell(text: glyphs[4], role: role))
            setCell(column: column, row: bottom, Cell(text: glyphs[4], role: role))
        }
        for row in rect.row + 1..<bottom {
            setCell(column: rect.column, row: row, Cell(text: glyphs[5], role: role))
            setCell(column: right, row: row, Cell(text: glyphs[5], role: role))
        }
        setCell(column: rect.column, row: rect.row, Cell(text: glyphs[0], role: role))
        setCell(column: right, row: rect.row, Cell(text: glyphs[1], role: role))
        setCell(column: rect.column, row: bottom, Cell(text: glyphs[2], role: role))
        setCell(column: right, row: bottom, Cell(text: glyphs[3], role: role))

        if let title, rect.columns > 6 {
            let fitted = TextLayout.truncate(" \(title) ", toWidth: rect.columns - 4, unicode: unicode)
            put(fitted, column: rect.column + 2, row: rect.row, role: titleRole)
        }
    }

    /// Writes one cell, repairing the wide character that a write over either of its halves
    /// would leave broken.
    private mutating func setCell(column: Int, row: Int, _ cell: Cell) {
        guard contains(column: column, row: row) else { return }
        if self[column, row].isContinuation, column > 0 {
            self[column - 1, row] = Cell(text: " ", role: self[column - 1, row].role)
        }
        if column + 1 < size.columns, self[column + 1, row].isContinuation, !cell.isContinuation {
            self[column + 1, row] = Cell(text: " ", role: self[column + 1, row].role)
        }
        self[column, row] = cell
    }
}
