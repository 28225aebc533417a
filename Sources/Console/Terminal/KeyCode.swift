import CNcurses

/// The ncurses codes of the special keys that `get_wch` reports with `KEY_CODE_YES`.
enum KeyCode {
    static let up = Int32(KEY_UP)
    static let down = Int32(KEY_DOWN)
    static let left = Int32(KEY_LEFT)
    static let right = Int32(KEY_RIGHT)
    static let pageUp = Int32(KEY_PPAGE)
    static let pageDown = Int32(KEY_NPAGE)
    static let home = Int32(KEY_HOME)
    static let end = Int32(KEY_END)
    static let enter = Int32(KEY_ENTER)
    static let backTab = Int32(KEY_BTAB)
    static let backspace = Int32(KEY_BACKSPACE)
    static let delete = Int32(KEY_DC)
    static let resize = Int32(KEY_RESIZE)
    static let mouse = Int32(KEY_MOUSE)

    /// The highest function key ncurses names (`KEY_F(63)`).
    static let maximumFunctionKey = 63

    /// The code of function key `number`, F1 to F63.
    static func function(_ number: Int) -> Int32 {
        cn_key_f0() + Int32(number)
    }
}
