extension Style {
    /// Returns this style of `role` as a terminal of `depth` can show it.
    ///
    /// Colors map to the nearest entry the terminal has. Below 16 colors, and whenever the
    /// mapping leaves text in the color of its background, the role's monochrome attributes are
    /// added so that the selection, titles and inputs stay visible. A gray text color that maps
    /// to black or white over the terminal's own background takes the terminal's own color, since
    /// that background may be the same black or white.
    func adapted(to depth: ColorDepth, role: Role) -> Style {
        let monochrome = Style(attributes: attributes.union(MonochromeStyles.attributes(for: role)))
        switch depth {
        case .colors256:
            return self
        case .monochrome:
            return monochrome
        case .colors16, .colors8:
            let limit = depth.rawValue
            var mapped = Style(foreground: foreground.nearest(within: limit),
                               background: background.nearest(within: limit), attributes: attributes)
            if case .indexed = mapped.foreground, mapped.foreground == mapped.background {
                return monochrome
            }
            let grayIsLost = foreground.isGrayLostOnDefaultBackground(mapped.foreground, background: background)
            if grayIsLost {
                mapped.foreground = .terminalDefault
            }
            if depth == .colors8 || grayIsLost {
                mapped.attributes.formUnion(MonochromeStyles.attributes(for: role))
            }
            return mapped
        }
    }
}

extension TerminalColor {
    /// Whether this palette gray became black or white on the terminal's own background, which
    /// may be that very color: a dark gray would turn into black text on a black terminal.
    fileprivate func isGrayLostOnDefaultBackground(_ mapped: TerminalColor, background: TerminalColor) -> Bool {
        guard background == .terminalDefault, case .indexed(let index) = self, index >= 16,
              case .indexed(let mappedIndex) = mapped, [0, 7, 15].contains(mappedIndex) else { return false }
        let color = ColorPalette.rgb(index)
        return color.red == color.green && color.green == color.blue
    }

    fileprivate func nearest(within limit: Int) -> TerminalColor {
        switch self {
        case .terminalDefault: return self
        case .indexed(let index): return .indexed(ColorPalette.nearest(to: index, within: limit))
        }
    }
}
