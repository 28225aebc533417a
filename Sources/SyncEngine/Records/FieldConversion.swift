import Foundation
import SyncModel

/// The conversion of a source value to the type a schema field declares.
enum FieldConversion {
    /// Returns `value` as `type`, or `nil` when it is not a valid value of that type.
    ///
    /// Empty text becomes `.null` for every type but `string`, which keeps it.
    ///
    /// - Parameter timeZone: the zone of timestamps written without an offset.
    static func convert(_ value: SourceValue, to type: FieldType, timeZone: TimeZone? = nil) -> FieldValue? {
        if case .null = value {
            return .null
        }
        if type != .string, case .text(let text) = value, isBlank(text) {
            return .null
        }

        switch type {
        case .string: return .text(text(of: value))
        case .integer: return integer(from: value)
        case .decimal: return decimal(from: value)
        case .boolean: return boolean(from: value)
        case .date: return date(from: value)
        case .timestamp: return timestamp(from: value, timeZone: timeZone)
        }
    }

    /// Returns an example of a valid value of `type`, for issue messages.
    static func expectation(for type: FieldType) -> String {
        switch type {
        case .string: return "text"
        case .integer: return "an integer such as 42"
        case .decimal: return "a decimal number such as 12.50"
        case .boolean: return "true, false, yes, no, 1 or 0"
        case .date: return "an existing date as YYYY-MM-DD"
        case .timestamp: return "a timestamp such as 2026-01-05T10:00:00Z, with an offset or in the client's time zone"
        }
    }

    /// Returns whether `value` counts as empty for a required field.
    static func isEmpty(_ value: SourceValue?) -> Bool {
        switch value {
        case nil, .null?: return true
        case .text(let text)?: return isBlank(text)
        default: return false
        }
    }

    /// Returns the text form of a source value: as written for text and JSON, canonical for the others.
    static func text(of value: SourceValue) -> String {
        switch value {
        case .null: return ""
        case .text(let text), .json(let text): return text
        case .integer(let number): return String(number)
        case .decimal(let number): return String(number)
        case .boolean(let flag): return flag ? "true" : "false"
        }
    }

    // MARK: - Types

    private static func integer(from value: SourceValue) -> FieldValue? {
        switch value {
        case .integer(let number):
            return .integer(number)
        case .text(let text):
            return Int64(trimmed(text)).map(FieldValue.integer)
        default:
            return nil
        }
    }

    private static func decimal(from value: SourceValue) -> FieldValue? {
        switch value {
        case .integer(let number):
            return .decimal(Double(number))
        case .decimal(let number):
            return number.isFinite ? .decimal(number) : nil
        case .text(let text):
            let candidate = trimmed(text)
            guard isDecimalLiteral(candidate), let number = Double(candidate), number.isFinite else {
                return nil
            }
            return .decimal(number)
        default:
            return nil
        }
    }

    private static func boolean(from value: SourceValue) -> FieldValue? {
        switch value {
        case .boolean(let flag):
            return .boolean(flag)
        case .integer(0):
            return .boolean(false)
        case .integer(1):
            return .boolean(true)
        case .text(let text):
            switch trimmed(text).lowercased() {
            case "true", "yes", "1": return .boolean(true)
            case "false", "no", "0": return .boolean(false)
            default: return nil
            }
        default:
            return nil
        }
    }

    private static func date(from value: SourceValue) -> FieldValue? {
        guard case .text(let text) = value, let day = Day(trimmed(text)) else {
            return nil
        }
        return .text(day.description)
    }

    private static func timestamp(from value: SourceValue, timeZone: TimeZone?) -> FieldValue? {
        guard case .text(let text) = value,
              let normalized = TimestampText.normalized(trimmed(text), localZone: timeZone) else {
            return nil
        }
        return .text(normalized)
    }

    // MARK: - Text

    /// Returns whether `text` contains only digits, signs, points and exponent letters. This check
    /// runs before `Double.init`, which also reads `nan`, `inf` and hexadecimal numbers.
    private static func isDecimalLiteral(_ text: String) -> Bool {
        var sawDigit = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default:
                return false
            }
        }
        return sawDigit
    }

    private static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
              isSpace(first) || isSpace(last) else {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func isBlank(_ text: String) -> Bool {
        text.utf8.allSatisfy(isSpace)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }
}
