extension String {
    /// Returns the text with control characters and escape sequences made visible, so that text
    /// from data, configuration or logs cannot move the cursor, recolor or retitle a terminal.
    ///
    /// ESC becomes `\e`, tab `\t`, newline `\n` and carriage return `\r`. Any other C0 or C1
    /// control, DEL, or a bidirectional override becomes `\u{XX}`. A backslash stays as it is.
    public var escapingControlCharacters: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x1B: result += "\\e"
            case 0x09: result += "\\t"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
