import SyncModel
import Testing
@testable import SyncEngine

/// The schema's rules beyond types, as the validator applies them to single records.
@Suite struct SchemaRuleTests {
    let day = Day(year: 2026, month: 1, day: 5)

    private func validator(_ type: FieldType, _ rules: FieldRules) -> RecordValidator {
        RecordValidator(schema: [FieldSpec(name: "value", type: type, rules: rules)], day: day, location: "data/x.csv")
    }

    /// Returns the issue for `value`, or `nil` when the record passes.
    private func issue(_ value: SourceValue, _ type: FieldType, _ rules: FieldRules, line: Int = 2) -> RecordIssue? {
        issue(value, validator(type, rules), line: line)
    }

    private func issue(_ value: SourceValue, _ validator: RecordValidator, line: Int = 2) -> RecordIssue? {
        guard case .invalid(let issue) = validator.validate(SourceRecord(fields: [("value", value)], line: line)) else {
            return nil
        }
        return issue
    }

    // MARK: - Bounds

    @Test func integerWithinBounds() {
        let rules = FieldRules(minimum: .integer(1), maximum: .integer(100))
        #expect(issue(.text("1"), .integer, rules) == nil)
        #expect(issue(.text("100"), .integer, rules) == nil)
    }

    @Test func integerBelowMinimum() {
        let found = issue(.text("0"), .integer, FieldRules(minimum: .integer(1)))
        #expect(found?.kind == .ruleViolated)
        #expect(found?.message == "field \"value\" is 0, below the minimum 1")
    }

    @Test func integerAboveMaximum() {
        let found = issue(.text("101"), .integer, FieldRules(maximum: .integer(100)))
        #expect(found?.message == "field \"value\" is 101, above the maximum 100")
    }

    @Test func decimalBounds() {
        let rules = FieldRules(minimum: .decimal(0), maximum: .decimal(9.99))
        #expect(issue(.text("-0.01"), .decimal, rules)?.kind == .ruleViolated)
        #expect(issue(.text("9.99"), .decimal, rules) == nil)
        #expect(issue(.text("10"), .decimal, rules)?.kind == .ruleViolated)
    }

    @Test func decimalBoundOnInteger() {
        #expect(issue(.text("2"), .integer, FieldRules(maximum: .decimal(1.5)))?.kind == .ruleViolated)
    }

    @Test func dateBounds() {
        let rules = FieldRules(minimum: .text("2026-01-01"), maximum: .text("2026-01-31"))
        #expect(issue(.text("2025-12-31"), .date, rules)?.kind == .ruleViolated)
        #expect(issue(.text("2026-01-31"), .date, rules) == nil)
    }

    @Test func timestampBoundsCompareInstants() {
        let rules = FieldRules(minimum: .text("2026-01-05T10:00:00Z"))
        #expect(issue(.text("2026-01-05T10:00:00.5Z"), .timestamp, rules) == nil)
        #expect(issue(.text("2026-01-05T10:30:00+01:00"), .timestamp, rules)?.kind == .ruleViolated)
    }

    @Test func nullPassesBounds() {
        #expect(issue(.text(""), .integer, FieldRules(minimum: .integer(1))) == nil)
    }

    @Test func typeCheckedBeforeRules() {
        #expect(issue(.text("abc"), .integer, FieldRules(minimum: .integer(1)))?.kind == .invalidValue)
    }

    // MARK: - Pattern and allowed values

    @Test func patternMatchesWholeText() {
        let rules = FieldRules(pattern: "C[0-9]{3}")
        #expect(issue(.text("C123"), .string, rules) == nil)
        #expect(issue(.text("C1234"), .string, rules)?.kind == .ruleViolated)
        #expect(issue(.text("xC123"), .string, rules)?.kind == .ruleViolated)
    }

    @Test func patternMessage() {
        let found = issue(.text("B12"), .string, FieldRules(pattern: "C[0-9]{3}"))
        #expect(found?.message == "field \"value\" is \"B12\", which does not match the pattern C[0-9]{3}")
    }

    @Test func patternWithAlternatives() {
        // Anchoring wraps the pattern whole, so each alternative must match the whole text.
        let rules = FieldRules(pattern: "a|b")
        #expect(issue(.text("b"), .string, rules) == nil)
        #expect(issue(.text("ab"), .string, rules)?.kind == .ruleViolated)
    }

    @Test func patternOutsideTheSimpleSubset() {
        let rules = FieldRules(pattern: "(?i)c[0-9]{3}")
        #expect(issue(.text("C123"), .string, rules) == nil)
        #expect(issue(.text("D123"), .string, rules)?.kind == .ruleViolated)
    }

    @Test func patternDigitsOfOtherScripts() {
        // Beyond ASCII, ICU's own Unicode tables decide what `\d` takes.
        let rules = FieldRules(pattern: "\\d+")
        #expect(issue(.text("٣٤"), .string, rules) == nil)
        #expect(issue(.text("٣x"), .string, rules)?.kind == .ruleViolated)
    }

    @Test func enumOfStrings() {
        let rules = FieldRules(allowed: [.text("paid"), .text("refunded")])
        #expect(issue(.text("paid"), .string, rules) == nil)
        let found = issue(.text("shipped"), .string, rules)
        #expect(found?.message == "field \"value\" is \"shipped\", which is not one of \"paid\", \"refunded\"")
    }

    @Test func enumOfIntegers() {
        let rules = FieldRules(allowed: [.integer(1), .integer(2)])
        #expect(issue(.text("2"), .integer, rules) == nil)
        #expect(issue(.text("3"), .integer, rules)?.kind == .ruleViolated)
    }

    // MARK: - Uniqueness

    @Test func secondValueIsDuplicate() {
        let validator = validator(.integer, FieldRules(unique: true))
        #expect(issue(.text("7"), validator, line: 2) == nil)

        let found = issue(.text("7"), validator, line: 5)

        #expect(found?.kind == .duplicateKey)
        #expect(found?.line == 5)
        #expect(found?.message == "field \"value\" repeats 7, already on line 2 of 2026-01-05 in data/x.csv; the record is not written")
    }

    @Test func distinctValuesPass() {
        let validator = validator(.string, FieldRules(unique: true))
        #expect(issue(.text("a"), validator) == nil)
        #expect(issue(.text("b"), validator) == nil)
    }

    @Test func nullsAreNotDuplicates() {
        let validator = validator(.integer, FieldRules(unique: true))
        #expect(issue(.null, validator) == nil)
        #expect(issue(.null, validator) == nil)
    }

    @Test func rejectedRecordClaimsNoValue() {
        let schema = [FieldSpec(name: "id", type: .integer, rules: FieldRules(unique: true)),
                      FieldSpec(name: "amount", type: .decimal, rules: FieldRules(minimum: .decimal(0)))]
        let validator = RecordValidator(schema: schema, day: day, location: "x.csv")
        _ = validator.validate(SourceRecord(fields: [("id", .text("1")), ("amount", .text("-5"))], line: 2))

        let second = validator.validate(SourceRecord(fields: [("id", .text("1")), ("amount", .text("5"))], line: 3))

        guard case .valid = second else {
            Issue.record("the record was rejected: \(second)")
            return
        }
    }

    @Test func newValidatorForgetsValues() {
        // Each day gets its own validator, so uniqueness is checked within a day.
        let rules = FieldRules(unique: true)
        #expect(issue(.text("7"), validator(.integer, rules)) == nil)
        #expect(issue(.text("7"), validator(.integer, rules)) == nil)
    }
}
