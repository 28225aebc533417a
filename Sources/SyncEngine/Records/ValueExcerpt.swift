/// Source text quoted in an issue message: control characters escaped and long text shortened,
/// so that one bad value cannot flood a log line or the terminal.
enum ValueExcerpt {
    static let defaultLimit = 60

    /// Returns `text` in double quotes, with quotes, backslashes and control characters escaped
    /// and at most `limit` characters of it kept, followed by `…` when it was cut.
    static func quoted(_ text: String, limit: Int = defaultLimit) -> String {
        "\"" + escaped(text, limit: limit, escapingQuotes: true) + "\""
    }

    /// Returns at most `limit` characters of `text`, with control characters escaped, followed
    /// by `…` when it was cut.
    static func escaped(_ text: String, limit: Int = defaultLimit, escapingQuotes: Bool = false) -> String {
        var result = ""
        var kept = 0
        for character in text {
            guard kept < limit else {
                result += "…"
                break
            }
            kept += 1
            result += escape(character, escapingQuotes: escapingQuotes)
        }
        return result
    }

    private static func escape(_ character: Character, escapingQuotes: Bool) -> String {
        switch character {
        case "\"" where escapingQuotes: return "\\\""
        case "\\" where escapingQuotes: return "\\\\"
        case "\n": return "\\n"
        case "\r\n": return "\\r\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            break
        }
        guard character.unicodeScalars.contains(where: isControl) else {
            return String(character)
        }
        return character.unicodeScalars.map { scalar in
            isControl(scalar) ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || scalar.properties.generalCategory == .format && scalar.value != 0x200D
    }
}
