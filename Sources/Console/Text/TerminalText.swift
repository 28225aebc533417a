/// Makes text from data, configuration, logs and errors safe to draw on a terminal.
///
/// Every string that the console did not write itself goes through `escape` before it is drawn,
/// so that no escape sequence, bell or line break in a file or a message can move the cursor,
/// change colors or retitle the terminal.
public enum TerminalText {
    /// Returns `text` with every control character replaced by a visible backslash form.
    ///
    /// ESC becomes `\e`, newline `\n`, carriage return `\r`, tab `\t`, and every other C0 or C1
    /// control and DEL becomes `\u{XX}`. Line and paragraph separators (U+2028, U+2029) are
    /// escaped too, because some terminals treat them as line breaks.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            escaped += isControl(scalar) ? visibleForm(of: scalar) : String(scalar)
        }
        return escaped
    }

    /// Whether `scalar` could change the terminal's state or layout when written raw.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func visibleForm(of scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
