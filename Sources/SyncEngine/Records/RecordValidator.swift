import Foundation
import SyncModel

/// The outcome of checking one record.
public enum RecordValidation: Sendable {
    case valid(ValidRecord)
    /// The record is rejected; the issue names its first invalid field.
    case invalid(RecordIssue)
}

/// Checks the records of one day (or of a snapshot) against a sync's schema and turns them
/// into the values the destination writes.
///
/// With a schema, every valid record has the schema's fields as columns, in schema order, and
/// source fields the schema does not name are ignored. A record is rejected for the first field
/// that is missing while required or not of its type (`invalidValue`), then for the first rule
/// it breaks (`ruleViolated`), then for a value of a `unique` field that an earlier record of
/// the same file had (`duplicateKey`). Without a schema, a record keeps its own fields in
/// source order, nested JSON as text, and a field name repeated in the source keeps its first
/// value.
///
/// - Note: A validator remembers the values of its `unique` fields, so it serves one day (or one
///   snapshot) and is then dropped; its memory grows with that day's records only.
public final class RecordValidator {
    public let schema: [FieldSpec]?
    public let day: Day?
    /// The source file or address, relative to the workspace, named in issues.
    public let location: String
    /// The client's time zone, for timestamps written without an offset.
    public let timeZone: TimeZone?

    private let schemaColumns: [String]
    /// The schema's types and `required` flags, kept apart: reading a `FieldSpec` from the
    /// schema for each field of each record copies it, with a retain and a release of each of
    /// its strings and arrays.
    private let types: [FieldType]
    private let requiredFlags: [Bool]
    private let checks: [RuleCheck]
    /// The positions of the fields that have rules.
    private let ruleFields: [Int]
    private var uniqueness: UniqueValues

    /// - Parameter timeZone: the client's time zone, for timestamps written without an offset.
    public init(schema: [FieldSpec]?, day: Day?, location: String, timeZone: TimeZone? = nil) {
        self.timeZone = timeZone
        self.schema = schema
        self.day = day
        self.location = location
        self.schemaColumns = schema?.map(\.name) ?? []
        self.types = schema?.map(\.type) ?? []
        self.requiredFlags = schema?.map(\.required) ?? []
        let checks = (schema ?? []).map(RuleCheck.init)
        self.checks = checks
        self.ruleFields = checks.indices.filter { !checks[$0].isEmpty }
        self.uniqueness = UniqueValues(schema: schema ?? [])
    }

    /// Returns the record's values converted to the schema's types, or an issue naming the
    /// first field that fails.
    public func validate(_ record: SourceRecord) -> RecordValidation {
        guard let schema else {
            return .valid(passThrough(record))
        }

        var values: [FieldValue] = []
        values.reserveCapacity(schemaColumns.count)
        for position in schemaColumns.indices {
            let value = lookUp(schemaColumns[position], near: position, in: record)
            guard let converted = convert(value, type: types[position], required: requiredFlags[position]) else {
                return .invalid(typeIssue(value, field: schema[position], line: record.line))
            }
            values.append(converted)
        }

        if !ruleFields.isEmpty, let issue = ruleIssue(values, line: record.line) {
            return .invalid(issue)
        }
        if uniqueness.isActive, let issue = duplicateIssue(values, line: record.line) {
            return .invalid(issue)
        }
        return .valid(ValidRecord(columns: schemaColumns, values: values))
    }

    // MARK: - Fields

    /// Returns the value converted to the field's type, or `nil` when it is required and
    /// empty, or not of the type.
    private func convert(_ value: SourceValue?, type: FieldType, required: Bool) -> FieldValue? {
        if required, FieldConversion.isEmpty(value) {
            return nil
        }
        guard let value else {
            return FieldValue.null
        }
        return FieldConversion.convert(value, to: type, timeZone: timeZone)
    }

    /// Finds field `name`, looking first at `position`, where it usually is when the source
    /// follows the schema's order.
    private func lookUp(_ name: String, near position: Int, in record: SourceRecord) -> SourceValue? {
        if position < record.fields.count, record.fields[position].name == name {
            return record.fields[position].value
        }
        return record.value(of: name)
    }

    private func passThrough(_ record: SourceRecord) -> ValidRecord {
        var columns: [String] = []
        var values: [FieldValue] = []
        columns.reserveCapacity(record.fields.count)
        values.reserveCapacity(record.fields.count)

        for (name, value) in record.fields where !columns.contains(name) {
            columns.append(name)
            values.append(RecordValidator.fieldValue(value))
        }
        return ValidRecord(columns: columns, values: values)
    }

    private static func fieldValue(_ value: SourceValue) -> FieldValue {
        switch value {
        case .null: return .null
        case .text(let text), .json(let text): return .text(text)
        case .integer(let number): return .integer(number)
        case .decimal(let number): return .decimal(number)
        case .boolean(let flag): return .boolean(flag)
        }
    }

    // MARK: - Issues

    private func typeIssue(_ value: SourceValue?, field: FieldSpec, line: Int) -> RecordIssue {
        if field.required, FieldConversion.isEmpty(value) {
            let state = value == nil ? "missing" : "empty"
            return issue(.invalidValue, "required field \"\(field.name)\" is \(state)", field: field.name, line: line)
        }
        let shown = value.map(describe) ?? "no value"
        let message = "field \"\(field.name)\" has \(shown), expected \(FieldConversion.expectation(for: field.type))"
        return issue(.invalidValue, message, field: field.name, line: line)
    }

    private func ruleIssue(_ values: [FieldValue], line: Int) -> RecordIssue? {
        for position in ruleFields {
            if let message = checks[position].violation(of: values[position]) {
                return issue(.ruleViolated, message, field: schemaColumns[position], line: line)
            }
        }
        return nil
    }

    private func duplicateIssue(_ values: [FieldValue], line: Int) -> RecordIssue? {
        guard let duplicate = uniqueness.insert(values, line: line) else { return nil }
        let scope = day.map { "of \($0) " } ?? ""
        let message = "field \"\(duplicate.field)\" repeats \(RuleCheck.show(duplicate.value)), "
            + "already on line \(duplicate.firstLine) \(scope)in \(location); the record is not written"
        return issue(.duplicateKey, message, field: duplicate.field, line: line)
    }

    private func describe(_ value: SourceValue) -> String {
        switch value {
        case .text(let text), .json(let text):
            return ValueExcerpt.quoted(text)
        case .integer, .decimal, .boolean, .null:
            return FieldConversion.text(of: value)
        }
    }

    private func issue(_ kind: WarningKind, _ message: String, field: String, line: Int) -> RecordIssue {
        RecordIssue(kind: kind, day: day, location: location, line: line, field: field, message: message)
    }
}
