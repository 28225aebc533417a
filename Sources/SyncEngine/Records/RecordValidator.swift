import SyncModel

/// The outcome of checking one record.
public enum RecordValidation: Sendable {
    case valid(ValidRecord)
    /// The record is rejected; the issue names its first invalid field.
    case invalid(RecordIssue)
}

/// Carries a `RecordIssue` through `Result`, which needs an `Error`.
private struct FieldIssue: Error {
    var issue: RecordIssue

    init(_ issue: RecordIssue) {
        self.issue = issue
    }
}

/// Checks the records of one day (or of a snapshot) against a sync's schema and turns them
/// into the values the destination writes.
///
/// With a schema, every valid record has the schema's fields as columns, in schema order, and
/// source fields the schema does not name are ignored. Without one, a record keeps its own
/// fields in source order, nested JSON as text, and a field name repeated in the source keeps
/// its first value.
public struct RecordValidator: Sendable {
    public let schema: [FieldSpec]?
    public let day: Day?
    /// The source file or address, relative to the workspace, named in issues.
    public let location: String

    private let schemaColumns: [String]

    public init(schema: [FieldSpec]?, day: Day?, location: String) {
        self.schema = schema
        self.day = day
        self.location = location
        self.schemaColumns = schema?.map(\.name) ?? []
    }

    /// Returns the record's values converted to the schema's types, or an issue naming the
    /// first field that fails.
    public func validate(_ record: SourceRecord) -> RecordValidation {
        guard let schema else {
            return .valid(passThrough(record))
        }

        var values: [FieldValue] = []
        values.reserveCapacity(schema.count)
        for (position, field) in schema.enumerated() {
            let value = lookUp(field.name, near: position, in: record)
            switch check(value, against: field, line: record.line) {
            case .success(let checked):
                values.append(checked)
            case .failure(let failure):
                return .invalid(failure.issue)
            }
        }
        return .valid(ValidRecord(columns: schemaColumns, values: values))
    }

    // MARK: - Fields

    private func check(_ value: SourceValue?, against field: FieldSpec, line: Int) -> Result<FieldValue, FieldIssue> {
        if field.required, FieldConversion.isEmpty(value) {
            let state = value == nil ? "missing" : "empty"
            return .failure(FieldIssue(issue("required field \"\(field.name)\" is \(state)", field: field.name, line: line)))
        }
        guard let value else {
            return .success(FieldValue.null)
        }
        guard let converted = FieldConversion.convert(value, to: field.type) else {
            let message = "field \"\(field.name)\" has \(describe(value)), expected \(FieldConversion.expectation(for: field.type))"
            return .failure(FieldIssue(issue(message, field: field.name, line: line)))
        }
        return .success(converted)
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

    private func describe(_ value: SourceValue) -> String {
        switch value {
        case .text(let text), .json(let text):
            return ValueExcerpt.quoted(text)
        case .integer, .decimal, .boolean, .null:
            return FieldConversion.text(of: value)
        }
    }

    private func issue(_ message: String, field: String, line: Int) -> RecordIssue {
        RecordIssue(kind: .invalidValue, day: day, location: location, line: line, field: field, message: message)
    }
}
