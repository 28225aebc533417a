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

    /// Whether a background color is in force at the end of `text`, after every SGR sequence in
    /// it: one that sets a background and no reset (0, 49 or an empty SGR) since.
    static func backgroundIsSet(atEndOf text: String) -> Bool {
        var isSet = false
        var remainder = Substring(text)
        while let start = remainder.range(of: "\u{1B}[") {
            let body = remainder[start.upperBound...]
            guard let end = body.firstIndex(where: { !($0.isASCII && ($0.isNumber || $0 == ";" || $0 == ":")) }) else { break }
            if body[end] == "m" {
                var parameters = body[..<end].split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }.makeIterator()
                while let code = parameters.next() {
                    switch code {
                    case 0, 49: isSet = false
                    case 40...47, 100...107: isSet = true
                    case 38, 48:
                        // 5;INDEX or 2;R;G;B follows; its numbers are not codes.
                        if code == 48 { isSet = true }
                        let components = parameters.next() == 5 ? 1 : 3
                        for _ in 0..<components { _ = parameters.next() }
                    default: break
                    }
                }
            }
            remainder = body[end...]
        }
        return isSet
    }

    /// Whether any of `sequences` picks a color of the 256-color palette or an RGB color.
    static func usePalette(_ sequences: [String]) -> Bool {
        sequences.contains { sequence in codes(of: sequence).contains { $0 == 38 || $0 == 48 } }
    }

    /// Whether any of `sequences` picks one of the eight bright colors of 16-color terminals.
    static func useBrightColors(_ sequences: [String]) -> Bool {
        sequences.contains { sequence in
            let codes = codes(of: sequence)
            // After 38 or 48 the numbers are a palette index, not codes.
            guard !codes.contains(38), !codes.contains(48) else { return false }
            return codes.contains { (90...97).contains($0) || (100...107).contains($0) }
        }
    }

    /// The numbers of a sequence that `find` returned, such as [1, 38, 5, 244] for `ESC[1;38;5;244m`.
    private static func codes(of sequence: String) -> [Int] {
        sequence.dropFirst(4).dropLast().split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) }
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
