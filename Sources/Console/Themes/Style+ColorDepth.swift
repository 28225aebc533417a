extension Style {
    /// Returns this style of `role` as a terminal of `depth` can show it.
    ///
    /// Colors map to the nearest entry the terminal has. Below 16 colors, and whenever the
    /// mapping leaves text in the color of its background, the role's monochrome attributes are
    /// added so that the selection, titles and inputs stay visible.
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
            if depth == .colors8 {
                mapped.attributes.formUnion(MonochromeStyles.attributes(for: role))
            }
            return mapped
        }
    }
}

extension TerminalColor {
    fileprivate func nearest(within limit: Int) -> TerminalColor {
        switch self {
        case .terminalDefault: return self
        case .indexed(let index): return .indexed(ColorPalette.nearest(to: index, within: limit))
        }
    }
}
