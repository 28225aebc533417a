import CNcurses
import Foundation

/// The console's terminal on a real screen, through ncursesw.
///
/// All set-up happens in `init`: locale, terminal type checks, input modes, escape delay, cursor
/// and colors. `present` writes only the cells that changed since the last frame. ncurses is not
/// thread-safe, so one thread creates, drives and shuts down an instance.
///
/// - Note: Ignore `SIGINT`, `SIGTERM`, `SIGHUP` and `SIGWINCH` (or handle them) before creating
///   the terminal: ncurses installs its own handlers for signals left at their default, and those
///   would end the process without the console's clean shut-down.
public final class NcursesTerminal: Terminal {
    public private(set) var size: Size
    public let supportsUnicode: Bool
    /// The colors the terminal offers, after `NO_COLOR`.
    public let colorDepth: ColorDepth

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let styles: CursesStyles
    private var shown: ScreenBuffer?
    private var decoder = KeyDecoder()
    private var isOpen = true

    /// Takes over the terminal on standard input and output.
    ///
    /// - Throws: `TerminalSetupError` when standard input or output is not a terminal, `TERM` is
    ///   unset or unknown, or the terminal cannot move the cursor. The terminal is left as it was.
    public init(theme: Theme, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalSetupError.notATerminal }
        guard let termName = environment["TERM"], !termName.isEmpty else { throw TerminalSetupError.termUnset }

        setlocale(LC_ALL, "")
        supportsUnicode = cn_locale_is_utf8() == 1

        guard let screen = newterm(termName, cn_stdout(), cn_stdin()) else {
            throw TerminalSetupError.unknownTerminal(termName)
        }
        guard cn_has_cursor_addressing() == 1, let window = cn_stdscr() else {
            endwin()
            delscreen(screen)
            throw TerminalSetupError.noCursorAddressing(termName)
        }
        self.screen = screen
        self.window = window

        NcursesTerminal.configureInput(window)
        let (depth, hasDefaultColors) = NcursesTerminal.startColors(environment: environment)
        colorDepth = depth
        styles = CursesStyles(theme: theme, depth: depth, hasDefaultColors: hasDefaultColors)
        size = Size(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
    }

    deinit {
        shutDown()
    }

    private static func configureInput(_ window: UnsafeMutablePointer<WINDOW>) {
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        nodelay(window, true)
        set_escdelay(25)
        // Terminals without an invisible cursor return ERR here; the cursor then simply shows.
        curs_set(0)
    }

    private static func startColors(environment: [String: String]) -> (ColorDepth, hasDefaultColors: Bool) {
        guard !ColorDepth.colorsAreDisabled(by: environment), has_colors() else { return (.monochrome, false) }
        guard start_color() == OK else { return (.monochrome, false) }
        let hasDefaultColors = use_default_colors() == OK
        return (ColorDepth(colorCount: Int(cn_colors()), environment: environment), hasDefaultColors)
    }

    // MARK: - Output

    public func present(_ buffer: ScreenBuffer) {
        guard isOpen else { return }
        let previous = shown.flatMap { $0.size == buffer.size ? $0 : nil }
        if previous == nil {
            werase(window)
        }

        for row in 0..<buffer.size.rows {
            for column in 0..<buffer.size.columns {
                let cell = buffer[column, row]
                if let previous, previous[column, row] == cell { continue }
                // ncurses draws a wide character over both of its cells from the first one.
                if cell.isContinuation { continue }
                write(cell, column: column, row: row)
            }
        }

        shown = buffer
        wnoutrefresh(window)
        doupdate()
    }

    public func invalidate() {
        guard isOpen else { return }
        clearok(window, true)
        shown = nil
    }

    private func write(_ cell: Cell, column: Int, row: Int) {
        let (attributes, pair) = styles.curses(for: cell.role)
        var characters = terminalCharacters(cell.text)
        let written = characters.withUnsafeBufferPointer { text in
            cn_add_cell(window, Int32(row), Int32(column), text.baseAddress, attributes, pair)
        }
        // A wide character that does not fit at the right edge is refused; a blank keeps the
        // cell from showing what was there before.
        if written == ERR, cell.text != " " {
            characters = [wchar_t(0x20), 0]
            _ = characters.withUnsafeBufferPointer { text in
                cn_add_cell(window, Int32(row), Int32(column), text.baseAddress, attributes, pair)
            }
        }
    }

    /// Returns `text` as the null-terminated wide characters of one cell, with control characters
    /// (and, without Unicode, everything outside ASCII) replaced so nothing reaches the terminal raw.
    private func terminalCharacters(_ text: String) -> [wchar_t] {
        var characters: [wchar_t] = []
        for scalar in text.unicodeScalars.prefix(Int(CCHARW_MAX)) {
            let value = scalar.value
            let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
            let isShowable = !isControl && (supportsUnicode || value < 0x7F)
            characters.append(wchar_t(isShowable ? value : 0x3F))
        }
        if characters.isEmpty { characters.append(0x20) }
        characters.append(0)
        return characters
    }

    // MARK: - Input and size

    /// Reads every key waiting on standard input without blocking.
    ///
    /// - Returns: the decoded keys, whether ncurses saw a resize, and how many inputs were read at
    ///   all, which is zero when the terminal has gone away or the read source woke for nothing.
    public func readPendingInput() -> PendingInput {
        var input = PendingInput()
        guard isOpen else { return input }

        // The cap keeps a flood of input (a paste) from holding the loop away from drawing.
        while input.readCount < 4096 {
            var character: wint_t = 0
            let status = wget_wch(window, &character)
            if status == ERR { break }
            input.readCount += 1

            if status == KEY_CODE_YES {
                if Int32(character) == KeyCode.resize {
                    input.sawResize = true
                } else {
                    input.keys += decoder.decode(.keyCode(Int32(character)))
                }
            } else {
                input.keys += decoder.decode(.character(UInt32(character)))
            }
        }
        input.keys += decoder.finishBatch()
        return input
    }

    /// Takes the terminal's size from the kernel and resizes ncurses to it.
    ///
    /// - Returns: the new size, or `nil` when it did not change.
    @discardableResult
    public func updateSize() -> Size? {
        guard isOpen else { return nil }
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard cn_terminal_size(STDOUT_FILENO, &rows, &columns) == 0, rows > 0, columns > 0 else { return nil }

        let newSize = Size(columns: Int(columns), rows: Int(rows))
        if newSize != Size(columns: Int(getmaxx(window)), rows: Int(getmaxy(window))) {
            resizeterm(rows, columns)
        }
        guard newSize != size else { return nil }
        size = newSize
        shown = nil
        return newSize
    }

    /// Gives the terminal back: leaves the alternate screen and restores the cursor and input
    /// modes. Safe to call more than once; later calls do nothing.
    public func shutDown() {
        guard isOpen else { return }
        isOpen = false
        endwin()
        delscreen(screen)
        fflush(cn_stdout())
    }
}

/// The keys and resizes that one `NcursesTerminal.readPendingInput()` read.
public struct PendingInput: Hashable, Sendable {
    public var keys: [Key] = []
    /// Whether ncurses reported a resize among the inputs.
    public var sawResize = false
    /// How many results `get_wch` returned, including the ones that decoded to no key.
    public var readCount = 0
}
