/// Finds the escape sequences that set colors in a `capture-pane -e` screen.
enum ColorSequences {
    /// Returns every SGR sequence (`ESC [ … m`) of `text` that sets a foreground or background
    /// color: basic, bright, 256-color or RGB.
    ///
    /// Sequences that only set attributes (bold, reverse) or return to the terminal's own colors
    /// (39, 49) are left out, because tmux writes those even for a screen without colors.
    static func find(in text: String) -> [String] {
        var found: [String] = []
        var remainder = Substring(text)
        while let start = remainder.range(of: "\u{1B}[") {
            let body = remainder[start.upperBound...]
            guard let end = body.firstIndex(where: { !($0.isASCII && ($0.isNumber || $0 == ";" || $0 == ":")) }) else { break }
            if body[end] == "m", setsColor(parameters: body[..<end]) {
                found.append("ESC[" + body[..<end] + "m")
            }
            remainder = body[end...]
        }
        return found
    }

    /// Whether the parameters hold a color code. The numbers after 38 or 48 are that color's
    /// index or components, but 38 or 48 comes first and already counts.
    private static func setsColor(parameters: Substring) -> Bool {
        parameters.split(separator: ";").contains { parameter in
            switch Int(parameter.split(separator: ":").first ?? "") ?? 0 {
            case 30...38, 40...48, 90...97, 100...107: return true
            default: return false
            }
        }
    }
}
