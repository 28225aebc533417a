import SyncModel

/// The values seen so far in the `unique` fields of a schema, with the line of each first
/// occurrence, so that a repeated value is named together with the record it repeats.
struct UniqueValues {
    /// A value seen twice: the field, the value and the line where it first appeared.
    struct Duplicate {
        var field: String
        var value: FieldValue
        var firstLine: Int
    }

    /// The positions in the schema of the `unique` fields, and their names.
    private let fields: [(position: Int, name: String)]
    private var seen: [[FieldValue: Int]]

    init(schema: [FieldSpec]) {
        fields = schema.enumerated().filter { $0.element.rules.unique }.map { ($0.offset, $0.element.name) }
        seen = Array(repeating: [:], count: fields.count)
    }

    /// Whether the schema has a `unique` field at all.
    var isActive: Bool { !fields.isEmpty }

    /// Remembers the record's values of the unique fields, or returns the first that an earlier
    /// record had; a record with a duplicate leaves nothing behind. Null values are never
    /// duplicates, as in SQL.
    mutating func insert(_ values: [FieldValue], line: Int) -> Duplicate? {
        for (index, field) in fields.enumerated() {
            let value = values[field.position]
            if case .null = value { continue }
            if let firstLine = seen[index][value] {
                return Duplicate(field: field.name, value: value, firstLine: firstLine)
            }
        }
        for (index, field) in fields.enumerated() {
            let value = values[field.position]
            if case .null = value { continue }
            seen[index][value] = line
        }
        return nil
    }
}
