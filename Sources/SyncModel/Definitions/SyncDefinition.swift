/// One sync of a client: where its records come from, where they go, and how they are checked.
public struct SyncDefinition: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var partitioning: Partitioning
    public var source: SourceConfig
    public var destination: DestinationConfig
    /// The fields of a record; `nil` when the sync takes the fields as the source gives them.
    public var schema: [FieldSpec]?

    public init(id: String, name: String, partitioning: Partitioning, source: SourceConfig,
                destination: DestinationConfig, schema: [FieldSpec]?) {
        self.id = id
        self.name = name
        self.partitioning = partitioning
        self.source = source
        self.destination = destination
        self.schema = schema
    }

    /// Whether the sync supports executions for chosen days (Single Date and Date Range).
    public var supportsPeriods: Bool {
        if case .daily = partitioning { return true }
        return false
    }
}

/// The division of a sync's data: by calendar day, or none for a snapshot.
public enum Partitioning: Hashable, Sendable {
    /// Data is organised by calendar day, from `firstDay` to `lastDay` when the source ends.
    case daily(firstDay: Day, lastDay: Day?)
    /// A snapshot with no date dimension, imported whole.
    case none
}

/// The source a sync reads its records from.
public enum SourceConfig: Hashable, Sendable {
    /// Files in the workspace; `path` may contain `{date}`, replaced by the day as `YYYY-MM-DD`.
    case files(format: FileFormat, path: String)
    /// A JSON API read page by page over HTTP.
    case http(HTTPSourceSettings)
    /// A program whose standard output carries the records.
    case command(CommandSourceSettings)

    /// A one-line description for screens; it never contains the value of an environment variable.
    public var summary: String {
        switch self {
        case .files(let format, let path): return "\(format.rawValue) files \(path)"
        case .http(let settings): return "http \(settings.url)"
        case .command(let settings): return "command \(settings.command.joined(separator: " ")) (\(settings.format.rawValue))"
        }
    }
}

public enum FileFormat: String, Hashable, Sendable, CaseIterable {
    case csv
    case jsonl
}

/// The destination a sync writes its records to.
public enum DestinationConfig: Hashable, Sendable {
    /// A table of a SQLite database file, relative to the workspace.
    case sqlite(path: String, table: String, writeMode: WriteMode)

    public var writeMode: WriteMode {
        switch self {
        case .sqlite(_, _, let writeMode): return writeMode
        }
    }

    public var summary: String {
        switch self {
        case .sqlite(let path, let table, let writeMode): return "sqlite \(path) table \(table) (\(writeMode.summary))"
        }
    }
}

/// The destination's handling of the rows of a day that is imported again.
public enum WriteMode: Hashable, Sendable {
    /// Adds the rows; a re-import duplicates them.
    case append
    /// Inserts or overwrites rows by the key fields.
    case upsert(key: [String])
    /// Deletes the day's earlier rows, then adds the new ones (for a snapshot: all rows).
    case replace

    public var name: String {
        switch self {
        case .append: return "append"
        case .upsert: return "upsert"
        case .replace: return "replace"
        }
    }

    public var summary: String {
        switch self {
        case .append: return "append"
        case .upsert(let key): return "upsert by \(key.joined(separator: ", "))"
        case .replace: return "replace"
        }
    }

    /// The effect of a re-import on rows already in the destination, in the words operators read.
    public var reimportEffect: String {
        switch self {
        case .append:
            return "the destination appends rows, so every record of these days gets one more copy"
        case .upsert(let key):
            return "the destination upserts by \(key.joined(separator: ", ")), so existing rows with the same key are overwritten"
        case .replace:
            return "the destination replaces each day, so the rows imported earlier for these days are deleted first"
        }
    }

    /// Whether a re-import leaves duplicate rows.
    public var duplicatesOnReimport: Bool {
        if case .append = self { return true }
        return false
    }
}

/// One field of a record.
public struct FieldSpec: Hashable, Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    /// The rules its values must follow beyond the type: bounds, pattern, allowed values, uniqueness.
    public var rules: FieldRules

    public init(name: String, type: FieldType, required: Bool = false, rules: FieldRules = FieldRules()) {
        self.name = name
        self.type = type
        self.required = required
        self.rules = rules
    }
}

public enum FieldType: String, Hashable, Sendable, CaseIterable {
    case string, integer, decimal, boolean, date, timestamp
}
