import Foundation

/// Short, safe renderings of JSON values for problem messages.
enum JSONText {
    /// The longest quoted value, in characters, before it is cut with an ellipsis.
    static let defaultLimit = 60

    /// Returns `text` in double quotes with quotes, backslashes and control characters escaped,
    /// cut to `limit` characters so that a pasted blob cannot flood the terminal.
    static func quoted(_ text: String, limit: Int = defaultLimit) -> String {
        var escaped = ""
        var count = 0
        for character in text {
            if count == limit {
                escaped += "…"
                break
            }
            escaped += escape(character)
            count += 1
        }
        return "\"\(escaped)\""
    }

    /// Returns a short rendering of any parsed JSON value: strings quoted, containers named.
    static func describe(_ value: Any) -> String {
        switch JSONKind(of: value) {
        case .string: return quoted(value as? String ?? "")
        case .boolean: return (value as? Bool ?? false) ? "true" : "false"
        case .number: return (value as? NSNumber)?.stringValue ?? "a number"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    private static func escape(_ character: Character) -> String {
        switch character {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            break
        }
        let scalars = character.unicodeScalars
        guard scalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) else {
            return String(character)
        }
        return scalars.map { String(format: "\\u{%04X}", $0.value) }.joined()
    }
}

/// The kind of a value that `JSONSerialization` returns.
enum JSONKind: Sendable {
    case string, number, boolean, null, array, object

    init(of value: Any) {
        switch value {
        case is String: self = .string
        case is [Any]: self = .array
        case is [String: Any]: self = .object
        case is NSNull: self = .null
        case let number as NSNumber:
            // Foundation on Linux (Swift 6.3) lets `1 is Bool` succeed, so only the encoding
            // separates `true` from `1`. JSON booleans are stored as C `char` ("c").
            self = String(cString: number.objCType) == "c" ? .boolean : .number
        default: self = .null
        }
    }

    /// The kind with its article, as in "expected a string, found an array".
    var phrase: String {
        switch self {
        case .string: return "a string"
        case .number: return "a number"
        case .boolean: return "a boolean"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
