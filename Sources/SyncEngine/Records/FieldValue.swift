/// A value read from a source, before it is checked against the sync's schema.
public enum SourceValue: Hashable, Sendable {
    case null
    /// Text as the source gave it; every CSV value is text.
    case text(String)
    case integer(Int64)
    case decimal(Double)
    case boolean(Bool)
    /// A nested JSON array or object, kept as its JSON text.
    case json(String)
}

/// A value checked against the sync's schema, ready to be written.
public enum FieldValue: Hashable, Sendable {
    case null
    case text(String)
    case integer(Int64)
    case decimal(Double)
    case boolean(Bool)
}

/// One record from a source: its fields in source order and where it was found.
public struct SourceRecord: Sendable {
    public var fields: [(name: String, value: SourceValue)]
    /// The line where the record starts, counting from 1.
    public var line: Int

    public init(fields: [(name: String, value: SourceValue)], line: Int) {
        self.fields = fields
        self.line = line
    }

    public func value(of name: String) -> SourceValue? {
        fields.first { $0.name == name }?.value
    }
}

/// A record whose values have passed the schema, in the order of the destination's columns.
public struct ValidRecord: Sendable {
    public var columns: [String]
    public var values: [FieldValue]

    public init(columns: [String], values: [FieldValue]) {
        self.columns = columns
        self.values = values
    }
}
