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

/// All the issues of one kind in an execution: how many, how many on each day, and the first
/// few as examples.
public struct WarningSummary: Hashable, Sendable, Codable {
    public static let exampleLimit = 5

    public var kind: WarningKind
    public var count: Int
    public var examples: [RecordIssue]
    /// The count of each day that has issues of this kind, in the order the days were imported;
    /// empty for a snapshot sync.
    public var days: [DayCount]

    public init(kind: WarningKind, count: Int = 0, examples: [RecordIssue] = [], days: [DayCount] = []) {
        self.kind = kind
        self.count = count
        self.examples = examples
        self.days = days
    }

    /// Adds `issue` to the count and to its day's, keeping it as an example while there are
    /// fewer than the limit.
    public mutating func add(_ issue: RecordIssue) {
        count += 1
        if examples.count < WarningSummary.exampleLimit {
            examples.append(issue)
        }
        guard let day = issue.day else { return }
        // Days are imported one after the other, so the day is nearly always the last one.
        if let index = days.lastIndex(where: { $0.day == day }) {
            days[index].count += 1
        } else {
            days.append(DayCount(day: day, count: 1))
        }
    }

    /// The count of `day`, zero when it has no issue of this kind.
    public func count(on day: Day) -> Int {
        days.last { $0.day == day }?.count ?? 0
    }

    private enum CodingKeys: String, CodingKey {
        case kind, count, examples, days
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(WarningKind.self, forKey: .kind)
        count = try container.decode(Int.self, forKey: .count)
        examples = try container.decode([RecordIssue].self, forKey: .examples)
        // Executions saved before per-day counts existed have none.
        days = try container.decodeIfPresent([DayCount].self, forKey: .days) ?? []
    }
}

/// How many issues of one kind a day had.
public struct DayCount: Hashable, Sendable, Codable {
    public var day: Day
    public var count: Int

    public init(day: Day, count: Int) {
        self.day = day
        self.count = count
    }
}

extension Array where Element == WarningSummary {
    /// The issues of `day` by kind, such as "3 invalid value, 2 duplicate key", or `nil` when
    /// the day has none.
    public func breakdown(on day: Day) -> String? {
        let parts = compactMap { summary -> String? in
            let count = summary.count(on: day)
            return count > 0 ? "\(count) \(summary.kind.title)" : nil
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

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
