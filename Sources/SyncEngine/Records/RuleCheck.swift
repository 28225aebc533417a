import SyncModel

/// The rules of one schema field, prepared once per file so that checking a value needs no
/// parsing or compiling: bounds in the field's own form, the allowed values as a set, the
/// pattern compiled.
struct RuleCheck {
    let field: FieldSpec
    private let minimum: Bound?
    private let maximum: Bound?
    private let pattern: PatternMatcher?
    private let allowed: AllowedValues?

    /// Whether no value can break a rule, so `violation(of:)` need not run.
    let isEmpty: Bool

    init(_ field: FieldSpec) {
        self.field = field
        let rules = field.rules
        minimum = rules.minimum.flatMap { Bound($0, type: field.type) }
        maximum = rules.maximum.flatMap { Bound($0, type: field.type) }
        // The workspace loader has compiled the pattern already, so this only fails for a
        // schema built in code. NOTE: such a rule is then skipped silently, not reported.
        pattern = rules.pattern.flatMap { try? PatternCache.shared.matcher(for: $0) }
        allowed = rules.allowed.map { AllowedValues($0.map { RuleCheck.fieldValue($0, type: field.type) }) }
        isEmpty = minimum == nil && maximum == nil && pattern == nil && allowed == nil
    }

    /// Returns why `value` breaks a rule of the field, or `nil` when it follows them all.
    /// A null value follows every rule: `required` is what forbids it.
    func violation(of value: FieldValue) -> String? {
        if case .null = value { return nil }

        if let minimum, minimum.isAbove(value) {
            return "field \"\(field.name)\" is \(RuleCheck.show(value)), below the minimum \(minimum.text)"
        }
        if let maximum, maximum.isBelow(value) {
            return "field \"\(field.name)\" is \(RuleCheck.show(value)), above the maximum \(maximum.text)"
        }
        if let pattern, case .text(let text) = value, !pattern.matches(text) {
            return "field \"\(field.name)\" is \(RuleCheck.show(value)), which does not match the pattern \(field.rules.pattern ?? "")"
        }
        if let allowed, !allowed.contains(value) {
            return "field \"\(field.name)\" is \(RuleCheck.show(value)), which is not one of \(listAllowed())"
        }
        return nil
    }

    // MARK: - Values

    static func fieldValue(_ value: RuleValue, type: FieldType) -> FieldValue {
        switch (value, type) {
        case (.integer(let number), .decimal): return .decimal(Double(number))
        case (.integer(let number), _): return .integer(number)
        case (.decimal(let number), _): return .decimal(number)
        case (.text(let text), _): return .text(text)
        }
    }

    /// The value as a message quotes it: text in quotes and shortened, numbers as they are.
    static func show(_ value: FieldValue) -> String {
        switch value {
        case .null: return "empty"
        case .text(let text): return ValueExcerpt.quoted(text)
        case .integer(let number): return String(number)
        case .decimal(let number): return String(number)
        case .boolean(let flag): return flag ? "true" : "false"
        }
    }

    private func listAllowed() -> String {
        let values = field.rules.allowed ?? []
        let shown = values.prefix(8).map { value -> String in
            if case .text(let text) = value { return ValueExcerpt.quoted(text, limit: 20) }
            return value.description
        }
        let more = values.count > shown.count ? " and \(values.count - shown.count) more" : ""
        return shown.joined(separator: ", ") + more
    }
}

/// The values of an `enum` rule. A short list is searched in order, which is faster than
/// hashing each value of each record; a long one is a set.
private enum AllowedValues {
    case list([FieldValue])
    case set(Set<FieldValue>)

    init(_ values: [FieldValue]) {
        self = values.count <= 16 ? .list(values) : .set(Set(values))
    }

    func contains(_ value: FieldValue) -> Bool {
        switch self {
        case .list(let values): return values.contains(value)
        case .set(let values): return values.contains(value)
        }
    }
}

/// A bound of a field in the form its values take after conversion.
private enum Bound {
    case integer(Int64)
    case decimal(Double)
    /// A date as `YYYY-MM-DD`, which compares as text.
    case day(String)
    case instant(TimestampInstant, text: String)

    init?(_ value: RuleValue, type: FieldType) {
        switch (type, value) {
        case (.integer, .integer(let number)): self = .integer(number)
        case (.integer, .decimal(let number)), (.decimal, .decimal(let number)): self = .decimal(number)
        case (.decimal, .integer(let number)): self = .decimal(Double(number))
        case (.date, .text(let text)): self = .day(text)
        case (.timestamp, .text(let text)):
            guard let instant = TimestampText.instant(text) else { return nil }
            self = .instant(instant, text: text)
        default: return nil
        }
    }

    var text: String {
        switch self {
        case .integer(let number): return String(number)
        case .decimal(let number): return String(number)
        case .day(let text), .instant(_, let text): return text
        }
    }

    /// Whether `value` is below this bound, used as a minimum.
    func isAbove(_ value: FieldValue) -> Bool {
        compare(value).map { $0 < 0 } ?? false
    }

    /// Whether `value` is above this bound, used as a maximum.
    func isBelow(_ value: FieldValue) -> Bool {
        compare(value).map { $0 > 0 } ?? false
    }

    /// Returns the sign of `value` minus the bound, or `nil` when they cannot be compared.
    private func compare(_ value: FieldValue) -> Int? {
        switch (self, value) {
        case (.integer(let bound), .integer(let number)): return sign(number, bound)
        case (.decimal(let bound), .integer(let number)): return sign(Double(number), bound)
        case (.decimal(let bound), .decimal(let number)): return sign(number, bound)
        case (.integer(let bound), .decimal(let number)): return sign(number, Double(bound))
        case (.day(let bound), .text(let text)): return sign(text, bound)
        case (.instant(let bound, _), .text(let text)):
            return TimestampText.instant(text).map { sign($0, bound) }
        default: return nil
        }
    }

    private func sign<T: Comparable>(_ value: T, _ bound: T) -> Int {
        value < bound ? -1 : (value > bound ? 1 : 0)
    }
}
