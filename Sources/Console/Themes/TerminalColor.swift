/// A color as a theme names it: the terminal's own color or an entry of the 256-color palette.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own foreground or background (`default` in a theme file).
    case terminalDefault
    /// An entry of the xterm palette: 0-7 the basic colors, 8-15 their bright variants,
    /// 16-231 the 6×6×6 color cube and 232-255 the gray ramp.
    case indexed(UInt8)

    /// The names a theme file accepts, in palette order; `bright-` names are entries 8-15.
    static let names: [String] = {
        let basic = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        return basic + basic.map { "bright-\($0)" }
    }()

    /// Reads a color of a theme file: `default`, a name from `names`, or a number from 0 to 255.
    init?(themeValue: String) {
        let value = themeValue.lowercased()
        if value == "default" {
            self = .terminalDefault
        } else if let index = TerminalColor.names.firstIndex(of: value) {
            self = .indexed(UInt8(index))
        } else if value.allSatisfy(\.isASCII), let number = Int(value), (0...255).contains(number) {
            self = .indexed(UInt8(number))
        } else {
            return nil
        }
    }

    /// The color as a theme file writes it.
    var themeValue: String {
        switch self {
        case .terminalDefault: return "default"
        case .indexed(let index) where index < 16: return TerminalColor.names[Int(index)]
        case .indexed(let index): return String(index)
        }
    }
}
