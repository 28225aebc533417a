/// Fits text into a number of terminal columns: truncation, padding and word wrapping.
public enum TextLayout {
    /// Returns `text` cut to at most `width` columns, ending with an ellipsis when it was cut.
    ///
    /// A character is never split: a wide character that does not fit is left out whole. The
    /// ellipsis is `…` or, when the terminal cannot show it, `~`.
    public static func truncate(_ text: String, toWidth width: Int, unicode: Bool = true) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width {
            return text
        }
        let ellipsis = unicode ? "…" : "~"
        var result = ""
        var used = 0
        for character in text {
            let columns = DisplayWidth.of(character)
            if used + columns > width - 1 { break }
            result.append(character)
            used += columns
        }
        return result + ellipsis
    }

    /// Returns `text` truncated to `width` and padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, toWidth width: Int, unicode: Bool = true) -> String {
        let fitted = truncate(text, toWidth: width, unicode: unicode)
        let missing = width - DisplayWidth.of(fitted)
        return missing > 0 ? fitted + String(repeating: " ", count: missing) : fitted
    }

    /// Returns `text` padded on the left to `width` columns, for numbers in columns.
    public static func padLeft(_ text: String, toWidth width: Int, unicode: Bool = true) -> String {
        let fitted = truncate(text, toWidth: width, unicode: unicode)
        let missing = width - DisplayWidth.of(fitted)
        return missing > 0 ? String(repeating: " ", count: missing) + fitted : fitted
    }

    /// Splits `text` into lines of at most `width` columns, breaking at spaces when it can.
    ///
    /// A word longer than a line is cut between characters. Line breaks in `text` are kept; use
    /// it on escaped text when the breaks should show as `\n` instead.
    public static func wrap(_ text: String, toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(String(paragraph), width: width)
        }
        return lines
    }

    private static func wrapParagraph(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = DisplayWidth.of(word)
            let separator = line.isEmpty ? 0 : 1
            if lineWidth + separator + wordWidth <= width {
                line += (line.isEmpty ? "" : " ") + word
                lineWidth += separator + wordWidth
                continue
            }
            if !line.isEmpty {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            for character in word {
                let columns = DisplayWidth.of(character)
                if lineWidth + columns > width, !line.isEmpty {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += columns
            }
        }
        lines.append(line)
        return lines
    }
}
