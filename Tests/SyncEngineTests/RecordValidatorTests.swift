import Foundation
import Testing
import SyncModel
@testable import SyncEngine

@Suite struct RecordValidatorTests {
    let day = Day(year: 2026, month: 1, day: 5)

    private func validator(_ type: FieldType, required: Bool = false) -> RecordValidator {
        RecordValidator(schema: [FieldSpec(name: "value", type: type, required: required)], day: day, location: "data/x.csv")
    }

    /// Returns the single converted value, or `nil` when the record is rejected.
    private func convert(_ value: SourceValue, to type: FieldType) -> FieldValue? {
        let record = SourceRecord(fields: [("value", value)], line: 2)
        guard case .valid(let valid) = validator(type).validate(record) else { return nil }
        return valid.values.first
    }

    private func issue(_ fields: [(name: String, value: SourceValue)], _ validator: RecordValidator) -> RecordIssue? {
        guard case .invalid(let issue) = validator.validate(SourceRecord(fields: fields, line: 9)) else { return nil }
        return issue
    }

    // MARK: - Types

    @Test func stringValues() {
        #expect(convert(.text("abc"), to: .string) == .text("abc"))
        #expect(convert(.integer(42), to: .string) == .text("42"))
        #expect(convert(.boolean(true), to: .string) == .text("true"))
        #expect(convert(.json("[1]"), to: .string) == .text("[1]"))
        #expect(convert(.text(""), to: .string) == .text(""))
    }

    @Test func integerValues() {
        #expect(convert(.text("42"), to: .integer) == .integer(42))
        #expect(convert(.text("-7"), to: .integer) == .integer(-7))
        #expect(convert(.text(" 8 "), to: .integer) == .integer(8))
        #expect(convert(.integer(3), to: .integer) == .integer(3))
    }

    @Test func integerInvalid() {
        #expect(convert(.text("4.0"), to: .integer) == nil)
        #expect(convert(.text("abc"), to: .integer) == nil)
        #expect(convert(.text("99999999999999999999"), to: .integer) == nil)
        #expect(convert(.decimal(4.5), to: .integer) == nil)
    }

    @Test func decimalValues() {
        #expect(convert(.text("12.50"), to: .decimal) == .decimal(12.5))
        #expect(convert(.text("1e3"), to: .decimal) == .decimal(1000))
        #expect(convert(.text("-0.5"), to: .decimal) == .decimal(-0.5))
        #expect(convert(.integer(2), to: .decimal) == .decimal(2))
    }

    @Test func decimalInvalid() {
        #expect(convert(.text("NaN"), to: .decimal) == nil)
        #expect(convert(.text("inf"), to: .decimal) == nil)
        #expect(convert(.text("1e999"), to: .decimal) == nil)
        #expect(convert(.text("0x10"), to: .decimal) == nil)
        #expect(convert(.text("12,5"), to: .decimal) == nil)
    }

    @Test func booleanValues() {
        #expect(convert(.text("TRUE"), to: .boolean) == .boolean(true))
        #expect(convert(.text("no"), to: .boolean) == .boolean(false))
        #expect(convert(.text("Yes"), to: .boolean) == .boolean(true))
        #expect(convert(.text("0"), to: .boolean) == .boolean(false))
        #expect(convert(.boolean(true), to: .boolean) == .boolean(true))
        #expect(convert(.integer(1), to: .boolean) == .boolean(true))
        #expect(convert(.text("maybe"), to: .boolean) == nil)
    }

    @Test func dateValues() {
        #expect(convert(.text("2024-02-29"), to: .date) == .text("2024-02-29"))
        #expect(convert(.text("2023-02-29"), to: .date) == nil)
        #expect(convert(.text("2026-1-5"), to: .date) == nil)
    }

    @Test func timestampValues() {
        #expect(convert(.text("2026-01-05T10:00:00Z"), to: .timestamp) == .text("2026-01-05T10:00:00Z"))
        #expect(convert(.text("2026-01-05T10:00:00+01:00"), to: .timestamp) == .text("2026-01-05T09:00:00Z"))
        #expect(convert(.text("2026-01-05 23:30-0100"), to: .timestamp) == .text("2026-01-06T00:30:00Z"))
        #expect(convert(.text("2026-01-01T00:15:00.250+02"), to: .timestamp) == .text("2025-12-31T22:15:00.250Z"))
    }

    @Test func timestampWithoutOffsetUsesClientZone() {
        let paris = TimeZone(identifier: "Europe/Paris")
        let newYork = TimeZone(identifier: "America/New_York")
        #expect(FieldConversion.convert(.text("2026-01-05 10:00:00"), to: .timestamp, timeZone: paris) == .text("2026-01-05T09:00:00Z"))
        #expect(FieldConversion.convert(.text("2026-07-05T10:00"), to: .timestamp, timeZone: paris) == .text("2026-07-05T08:00:00Z"))
        // 2024-03-10 02:30 does not exist in New York; 03:30 that day is EDT (UTC-4).
        #expect(FieldConversion.convert(.text("2024-03-10 03:30:00"), to: .timestamp, timeZone: newYork) == .text("2024-03-10T07:30:00Z"))
        // An explicit offset wins over the client's zone.
        #expect(FieldConversion.convert(.text("2026-01-05T10:00:00Z"), to: .timestamp, timeZone: paris) == .text("2026-01-05T10:00:00Z"))
    }

    @Test func timestampInvalid() {
        #expect(convert(.text("2026-01-05T10:00:00"), to: .timestamp) == nil)
        #expect(convert(.text("2026-01-05T24:00:00Z"), to: .timestamp) == nil)
        #expect(convert(.text("2023-02-29T10:00:00Z"), to: .timestamp) == nil)
        #expect(convert(.text("yesterday"), to: .timestamp) == nil)
    }

    @Test func emptyIsNull() {
        #expect(convert(.text(""), to: .integer) == .null)
        #expect(convert(.null, to: .date) == .null)
    }

    // MARK: - Records

    @Test func schemaOrderAndExtraFields() {
        let validator = RecordValidator(
            schema: [FieldSpec(name: "id", type: .integer), FieldSpec(name: "name", type: .string)],
            day: day, location: "data/x.csv")
        let record = SourceRecord(fields: [("extra", .text("x")), ("name", .text("Ann")), ("id", .text("1"))], line: 2)
        guard case .valid(let valid) = validator.validate(record) else {
            Issue.record("record was rejected")
            return
        }
        #expect(valid.columns == ["id", "name"])
        #expect(valid.values == [.integer(1), .text("Ann")])
    }

    @Test func absentOptionalField() {
        let validator = RecordValidator(schema: [FieldSpec(name: "note", type: .string)], day: day, location: "x")
        guard case .valid(let valid) = validator.validate(SourceRecord(fields: [], line: 2)) else {
            Issue.record("record was rejected")
            return
        }
        #expect(valid.values == [.null])
    }

    @Test func requiredEmpty() throws {
        let found = try #require(issue([("value", .text(" "))], validator(.integer, required: true)))
        #expect(found.kind == .invalidValue)
        #expect(found.message == "required field \"value\" is empty")
        #expect(found.field == "value")
        #expect(found.line == 9)
        #expect(found.day == day)
        #expect(found.location == "data/x.csv")
    }

    @Test func requiredMissing() throws {
        let found = try #require(issue([], validator(.string, required: true)))
        #expect(found.message == "required field \"value\" is missing")
    }

    @Test func invalidValueMessage() throws {
        let found = try #require(issue([("value", .text("12,5"))], validator(.decimal)))
        #expect(found.message == "field \"value\" has \"12,5\", expected a decimal number such as 12.50")
    }

    @Test func invalidValueTruncated() throws {
        let long = "line\n" + String(repeating: "y", count: 100)
        let found = try #require(issue([("value", .text(long))], validator(.integer)))
        #expect(found.message.contains("\"line\\n" + String(repeating: "y", count: 55) + "…\""))
    }

    @Test func withoutSchema() {
        let validator = RecordValidator(schema: nil, day: nil, location: "x.jsonl")
        let record = SourceRecord(
            fields: [("b", .integer(1)), ("a", .json("[1]")), ("c", .boolean(false)), ("a", .text("later"))], line: 1)
        guard case .valid(let valid) = validator.validate(record) else {
            Issue.record("record was rejected")
            return
        }
        #expect(valid.columns == ["b", "a", "c"])
        #expect(valid.values == [.integer(1), .text("[1]"), .boolean(false)])
    }
}
