import CNcurses

/// Turns roles into ncurses attributes and color pairs, allocating each pair on first use.
///
/// Only `NcursesTerminal` uses it, on the thread that owns ncurses.
final class CursesStyles {
    private let theme: Theme
    private let depth: ColorDepth
    /// Whether `use_default_colors` succeeded, so that -1 means the terminal's own color.
    private let hasDefaultColors: Bool
    private var resolved: [Role: (attributes: attr_t, pair: Int16)] = [:]
    private var pairs: [ColorPairKey: Int16] = [:]
    private let maximumPair: Int

    private struct ColorPairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    init(theme: Theme, depth: ColorDepth, hasDefaultColors: Bool) {
        self.theme = theme
        self.depth = depth
        self.hasDefaultColors = hasDefaultColors
        self.maximumPair = depth == .monochrome ? 0 : Int(min(cn_color_pairs(), Int32(Int16.max))) - 1
    }

    /// The attributes and color pair that show `role`.
    func curses(for role: Role) -> (attributes: attr_t, pair: Int16) {
        if let known = resolved[role] { return known }
        let style = theme.style(for: role, depth: depth)
        let result = (attributes(style.attributes), pair(style))
        resolved[role] = result
        return result
    }

    private func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = cn_a_normal()
        if attributes.contains(.bold) { result |= cn_a_bold() }
        if attributes.contains(.dim) { result |= cn_a_dim() }
        if attributes.contains(.underline) { result |= cn_a_underline() }
        if attributes.contains(.reverse) { result |= cn_a_reverse() }
        if attributes.contains(.standout) { result |= cn_a_standout() }
        return result
    }

    private func pair(_ style: Style) -> Int16 {
        guard depth != .monochrome else { return 0 }
        let key = ColorPairKey(foreground: color(style.foreground, isForeground: true),
                               background: color(style.background, isForeground: false))
        if let known = pairs[key] { return known }
        if key.foreground == -1 && key.background == -1 { return 0 }

        // Pair 0 is the terminal's own colors; when the pairs run out, roles fall back to it.
        let number = pairs.count + 1
        guard number <= maximumPair, init_pair(Int16(number), key.foreground, key.background) == OK else { return 0 }
        pairs[key] = Int16(number)
        return Int16(number)
    }

    private func color(_ color: TerminalColor, isForeground: Bool) -> Int16 {
        switch color {
        case .indexed(let index):
            return Int16(index)
        case .terminalDefault:
            if hasDefaultColors { return -1 }
            return isForeground ? Int16(COLOR_WHITE) : Int16(COLOR_BLACK)
        }
    }
}
