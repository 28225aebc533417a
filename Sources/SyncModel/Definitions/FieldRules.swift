/// The rules a field's values must follow beyond their type. A record that breaks one is
/// rejected and reported as a rule violation; a repeated `unique` value as a duplicate key.
///
/// The workspace loader checks that each rule fits the field's type, so the engine can apply
/// them without asking again.
public struct FieldRules: Hashable, Sendable {
    /// The smallest value allowed, included: a number, or a date or timestamp as text.
    public var minimum: RuleValue?
    /// The largest value allowed, included.
    public var maximum: RuleValue?
    /// A regular expression (ICU syntax, as `NSRegularExpression` reads it) that the whole
    /// text of a string field must match.
    public var pattern: String?
    /// The only values allowed, when given.
    public var allowed: [RuleValue]?
    /// Whether two records of one day (or of one snapshot) may not share a value.
    public var unique: Bool

    public init(minimum: RuleValue? = nil, maximum: RuleValue? = nil, pattern: String? = nil,
                allowed: [RuleValue]? = nil, unique: Bool = false) {
        self.minimum = minimum
        self.maximum = maximum
        self.pattern = pattern
        self.allowed = allowed
        self.unique = unique
    }

    /// Whether no rule is set.
    public var isEmpty: Bool {
        minimum == nil && maximum == nil && pattern == nil && allowed == nil && !unique
    }
}

/// A value written in a rule of the schema, in the form of the field it applies to.
public enum RuleValue: Hashable, Sendable, CustomStringConvertible {
    case integer(Int64)
    case decimal(Double)
    /// Text, a date as `YYYY-MM-DD`, or a timestamp normalised to UTC.
    case text(String)

    public var description: String {
        switch self {
        case .integer(let number): return String(number)
        case .decimal(let number): return String(number)
        case .text(let text): return text
        }
    }
}
