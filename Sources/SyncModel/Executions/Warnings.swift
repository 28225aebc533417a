/// The kind of a non-fatal problem found in the data.
public enum WarningKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A value that does not have its field's type, or a required field that is empty or absent.
    case invalidValue
    /// A value that breaks a rule of the schema beyond its type.
    case ruleViolated
    /// Two records of one day with the same key.
    case duplicateKey
    /// A row that cannot be read as a record: wrong number of fields, bad JSON, bad encoding.
    case inconsistentRow

    public var title: String {
        switch self {
        case .invalidValue: return "invalid value"
        case .ruleViolated: return "rule violated"
        case .duplicateKey: return "duplicate key"
        case .inconsistentRow: return "inconsistent row"
        }
    }
}

/// One rejected record, with where it was found.
public struct RecordIssue: Hashable, Sendable, Codable {
    public var kind: WarningKind
    public var day: Day?
    /// The source file or location, relative to the workspace when it is a file.
    public var location: String
    /// The line in the source where the record starts, counting from 1.
    public var line: Int?
    public var field: String?
    public var message: String

    public init(kind: WarningKind, day: Day?, location: String, line: Int?, field: String?, message: String) {
        self.kind = kind
        self.day = day
        self.location = location
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line` when the line is known.
    public var position: String {
        line.map { "\(location):\($0)" } ?? location
    }
}

/// All the issues of one kind in an execution: how many, and the first few as examples.
public struct WarningSummary: Hashable, Sendable, Codable {
    public static let exampleLimit = 5

    public var kind: WarningKind
    public var count: Int
    public var examples: [RecordIssue]

    public init(kind: WarningKind, count: Int = 0, examples: [RecordIssue] = []) {
        self.kind = kind
        self.count = count
        self.examples = examples
    }

    /// Adds `issue` to the count, keeping it as an example while there are fewer than the limit.
    public mutating func add(_ issue: RecordIssue) {
        count += 1
        if examples.count < WarningSummary.exampleLimit {
            examples.append(issue)
        }
    }
}

extension Array where Element == WarningSummary {
    /// Adds `issue` to the summary of its kind, creating it when needed.
    public mutating func add(_ issue: RecordIssue) {
        if let index = firstIndex(where: { $0.kind == issue.kind }) {
            self[index].add(issue)
        } else {
            var summary = WarningSummary(kind: issue.kind)
            summary.add(issue)
            append(summary)
        }
    }
}
