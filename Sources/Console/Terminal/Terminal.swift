/// The screen the console draws on: ncurses on a real terminal, or a recording in tests.
///
/// The console draws each frame into a `ScreenBuffer` and hands it over; the terminal writes
/// only the cells that differ from the previous frame.
public protocol Terminal: AnyObject {
    var size: Size { get }

    /// Whether the terminal can show the Unicode glyphs the console uses (box lines, ⚠︎, ✓).
    var supportsUnicode: Bool { get }

    /// Shows `buffer`, writing only what changed since the last frame.
    func present(_ buffer: ScreenBuffer)

    /// Forgets what is on screen, so the next `present` rewrites every cell (Ctrl-L).
    func invalidate()
}
