/// What an operator asks an execution to import.
public enum ExecutionRequest: Hashable, Sendable {
    /// Imports every missing day of a daily sync, or the snapshot of a snapshot sync.
    /// Never re-imports a day the ledger holds.
    case `default`
    /// Imports one day as if nothing had been imported before.
    case singleDate(Day)
    /// Imports the days of an inclusive range, either only those the ledger lacks or all of them.
    case dateRange(DayRange, RangeMode)

    /// A short text for lists and logs, for example `range 2026-01-01 to 2026-01-31, re-import all`.
    public var summary: String {
        switch self {
        case .default:
            return "default"
        case .singleDate(let day):
            return "single date \(day)"
        case .dateRange(let range, let mode):
            return "range \(range.first) to \(range.last), \(mode.summary)"
        }
    }
}

/// Which days of a date range an execution imports.
public enum RangeMode: String, Hashable, Sendable, Codable, CaseIterable {
    /// Only the days of the range that the ledger lacks.
    case missingOnly
    /// Every day of the range, including those already imported.
    case reimportAll

    public var summary: String {
        switch self {
        case .missingOnly: return "missing only"
        case .reimportAll: return "re-import all"
        }
    }
}

// MARK: - Codable

extension ExecutionRequest: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, day, first, last, mode
    }

    private enum Kind: String, Codable {
        case `default`, singleDate, dateRange
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .default:
            self = .default
        case .singleDate:
            self = .singleDate(try container.decode(Day.self, forKey: .day))
        case .dateRange:
            let first = try container.decode(Day.self, forKey: .first)
            let last = try container.decode(Day.self, forKey: .last)
            guard let range = DayRange(first, last) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .last, in: container, debugDescription: "range ends on \(last), before its first day \(first)")
            }
            self = .dateRange(range, try container.decode(RangeMode.self, forKey: .mode))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .default:
            try container.encode(Kind.default, forKey: .kind)
        case .singleDate(let day):
            try container.encode(Kind.singleDate, forKey: .kind)
            try container.encode(day, forKey: .day)
        case .dateRange(let range, let mode):
            try container.encode(Kind.dateRange, forKey: .kind)
            try container.encode(range.first, forKey: .first)
            try container.encode(range.last, forKey: .last)
            try container.encode(mode, forKey: .mode)
        }
    }
}
