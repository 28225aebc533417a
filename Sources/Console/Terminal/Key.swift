/// A key press, decoded from the terminal.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// A character typed with Ctrl, given as its lowercase letter (`control("l")` for Ctrl-L).
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
}

/// Something the console reacts to.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal now has this size.
    case resize(Size)
}

/// A terminal size or a position, in character cells.
public struct Size: Hashable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}
