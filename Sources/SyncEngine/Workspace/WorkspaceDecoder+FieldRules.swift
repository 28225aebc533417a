import Foundation
import SyncModel

extension WorkspaceDecoder {
    /// Returns the rules of a schema field of `type`, or `nil` after reporting every rule that
    /// is written wrong or does not fit the type.
    func decodeRules(in field: JSONObject, type: FieldType) -> FieldRules? {
        var isValid = true
        let minimum = decodeBound("min", in: field, type: type, isValid: &isValid)
        let maximum = decodeBound("max", in: field, type: type, isValid: &isValid)
        let pattern = decodePattern(in: field, type: type, isValid: &isValid)
        let allowed = decodeAllowed(in: field, type: type, isValid: &isValid)
        let unique = boolean("unique", in: field)
        if field.has("unique"), unique == nil {
            isValid = false
        }

        if let minimum, let maximum, WorkspaceDecoder.isGreater(minimum, than: maximum) {
            report(field.path.appending("max"), "max \(maximum) is below min \(minimum)",
                   fix: "set max to \(minimum) or more, or swap the two")
            isValid = false
        }
        guard isValid else { return nil }
        return FieldRules(minimum: minimum, maximum: maximum, pattern: pattern, allowed: allowed, unique: unique ?? false)
    }

    // MARK: - Bounds

    private func decodeBound(_ key: String, in field: JSONObject, type: FieldType, isValid: inout Bool) -> RuleValue? {
        guard let value = field.fields[key] else { return nil }
        let path = field.path.appending(key)
        let bound: RuleValue?
        switch type {
        case .integer:
            bound = integer(value, at: path, example: "\"\(key)\": 1")
        case .decimal:
            bound = number(value, at: path, example: "\"\(key)\": 0")
        case .date:
            bound = dayText(value, at: path, key: key)
        case .timestamp:
            bound = timestampText(value, at: path, key: key)
        case .string, .boolean:
            report(path, "\(JSONText.quoted(key)) does not apply to \(WorkspaceDecoder.fieldPhrase(type))",
                   fix: "min and max apply to integer, decimal, date and timestamp fields; remove \(JSONText.quoted(key))"
                       + (type == .string ? ", or describe the text with \"pattern\"" : ""))
            bound = nil
        }
        if bound == nil {
            isValid = false
        }
        return bound
    }

    private func integer(_ value: Any, at path: JSONPath, example: String) -> RuleValue? {
        guard JSONKind(of: value) == .number, let number = value as? NSNumber else {
            reportWrongType(value, at: path, expected: .number, example: example)
            return nil
        }
        if let exact = WorkspaceDecoder.exactInteger(number) {
            return .integer(exact)
        }
        report(path, "\(number.stringValue) is not a whole number, but the field is an integer",
               fix: "write a whole number, or make the field a decimal")
        return nil
    }

    private func number(_ value: Any, at path: JSONPath, example: String) -> RuleValue? {
        guard JSONKind(of: value) == .number, let number = value as? NSNumber, number.doubleValue.isFinite else {
            reportWrongType(value, at: path, expected: .number, example: example)
            return nil
        }
        return .decimal(number.doubleValue)
    }

    private func dayText(_ value: Any, at path: JSONPath, key: String) -> RuleValue? {
        guard JSONKind(of: value) == .string, let text = value as? String else {
            reportWrongType(value, at: path, expected: .string, example: "\"\(key)\": \"2026-01-01\"")
            return nil
        }
        guard let day = Day(text) else {
            report(path, "\(JSONText.quoted(text)) is not a date", fix: "write an existing date as YYYY-MM-DD, for example \"2026-01-01\"")
            return nil
        }
        return .text(day.description)
    }

    private func timestampText(_ value: Any, at path: JSONPath, key: String) -> RuleValue? {
        let example = "\"\(key)\": \"2026-01-01T00:00:00Z\""
        guard JSONKind(of: value) == .string, let text = value as? String else {
            reportWrongType(value, at: path, expected: .string, example: example)
            return nil
        }
        guard let normalized = TimestampText.normalized(text) else {
            report(path, "\(JSONText.quoted(text)) is not a timestamp with a time zone", fix: "write for example \(example)")
            return nil
        }
        return .text(normalized)
    }

    // MARK: - Pattern and allowed values

    private func decodePattern(in field: JSONObject, type: FieldType, isValid: inout Bool) -> String? {
        guard field.has("pattern") else { return nil }
        let path = field.path.appending("pattern")
        guard type == .string else {
            report(path, "\"pattern\" does not apply to \(WorkspaceDecoder.fieldPhrase(type))",
                   fix: "a pattern checks the text of a string field; remove it, or use min, max or enum")
            isValid = false
            return nil
        }
        guard let pattern = string("pattern", in: field, example: "\"C[0-9]{6}\"") else {
            isValid = false
            return nil
        }
        do {
            _ = try PatternCache.shared.matcher(for: pattern)
        } catch {
            report(path, "\(JSONText.quoted(pattern)) is not a valid regular expression",
                   fix: "check its brackets, braces and parentheses; a backslash is written \\\\ in JSON, "
                       + "for example \"[A-Z]{2}\\\\d{4}\"")
            isValid = false
            return nil
        }
        return pattern
    }

    private func decodeAllowed(in field: JSONObject, type: FieldType, isValid: inout Bool) -> [RuleValue]? {
        guard field.has("enum") else { return nil }
        let path = field.path.appending("enum")
        let example = type == .integer ? "[1, 2, 3]" : "[\"paid\", \"refunded\"]"
        guard type == .string || type == .integer else {
            report(path, "\"enum\" does not apply to \(WorkspaceDecoder.fieldPhrase(type))",
                   fix: "enum lists the values of a string or integer field; use min and max for a \(type.rawValue)")
            isValid = false
            return nil
        }
        guard let items = array("enum", in: field, example: example) else {
            isValid = false
            return nil
        }
        guard !items.isEmpty else {
            report(path, "\"enum\" lists no values, so no record could pass", fix: "list the allowed values, for example \(example)")
            isValid = false
            return nil
        }

        var values: [RuleValue] = []
        for (index, item) in items.enumerated() {
            let itemPath = path.appending(index)
            let value: RuleValue?
            if type == .integer {
                value = integer(item, at: itemPath, example: "1")
            } else if JSONKind(of: item) == .string, let text = item as? String {
                value = .text(text)
            } else {
                reportWrongType(item, at: itemPath, expected: .string, example: "\"paid\"")
                value = nil
            }
            if let value {
                values.append(value)
            } else {
                isValid = false
            }
        }
        return values
    }

    // MARK: - Numbers

    /// Returns "an integer field", "a date field" and so on.
    static func fieldPhrase(_ type: FieldType) -> String {
        let article = type == .integer ? "an" : "a"
        return "\(article) \(type.rawValue) field"
    }

    /// Returns `number` as an exact 64-bit integer, or `nil` when it has a fraction or is too large.
    static func exactInteger(_ number: NSNumber) -> Int64? {
        let type = String(cString: number.objCType)
        if type == "d" || type == "f" {
            return Int64(exactly: number.doubleValue)
        }
        return number.int64Value
    }

    static func isGreater(_ lhs: RuleValue, than rhs: RuleValue) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): return a > b
        case (.integer(let a), .decimal(let b)): return Double(a) > b
        case (.decimal(let a), .integer(let b)): return a > Double(b)
        case (.decimal(let a), .decimal(let b)): return a > b
        case (.text(let a), .text(let b)):
            if let first = TimestampText.instant(a), let second = TimestampText.instant(b) {
                return first > second
            }
            return a > b
        default: return false
        }
    }
}
