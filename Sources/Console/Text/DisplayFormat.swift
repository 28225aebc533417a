import Foundation
import SyncModel

/// Short text forms of durations, times, days and requests for lists and details.
public enum DisplayFormat {
    /// `42s`, `3m05s`, `2h07m`: at most six columns, for list columns.
    public static func duration(_ interval: TimeInterval?) -> String {
        guard let interval else { return "" }
        let seconds = max(0, Int(interval.rounded()))
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" + twoDigits(seconds % 60) + "s" }
        return "\(seconds / 3600)h" + twoDigits(seconds / 60 % 60) + "m"
    }

    /// `2026-01-22 10:04:31 CET` in the machine's time zone, named because the client's days
    /// may be in another.
    public static func time(_ date: Date?) -> String {
        guard let date else { return "-" }
        return timeFormatter.string(from: date)
    }

    /// `10:04:31`, for log lines.
    public static func clock(_ date: Date) -> String {
        clockFormatter.string(from: date)
    }

    /// The request in a list column: `default`, `2026-01-05`, `missing 2026-01-01..01-31`.
    public static func compactRequest(_ request: ExecutionRequest) -> String {
        switch request {
        case .default:
            return "default"
        case .singleDate(let day):
            return "\(day)"
        case .dateRange(let range, let mode):
            let mark = mode == .missingOnly ? "missing" : "all"
            // The mode comes first so that a narrow column still shows which one it is, and within
            // one year the year is left out of the last day.
            let last = range.first.year == range.last.year ? String(range.last.description.dropFirst(5)) : range.last.description
            return "\(mark) \(range.first)..\(last)"
        }
    }

    /// A list of days for a preview line: every day when there are at most `limit`, otherwise
    /// the first `limit` and how many more, with runs of consecutive days written `first..last`.
    public static func days(_ days: [Day], limit: Int = 6) -> String {
        let runs = consecutiveRuns(days)
        let shown = runs.prefix(limit).map { run in
            run.first == run.last ? "\(run.first)" : "\(run.first)..\(run.last)"
        }
        let rest = runs.dropFirst(limit).reduce(0) { $0 + $1.count }
        return shown.joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
    }

    /// `1 day`, `3 days`.
    public static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    private static func consecutiveRuns(_ days: [Day]) -> [DayRange] {
        var runs: [DayRange] = []
        for day in days {
            if let last = runs.last, last.last.next == day, let extended = DayRange(last.first, day) {
                runs[runs.count - 1] = extended
            } else {
                runs.append(DayRange(single: day))
            }
        }
        return runs
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static let timeFormatter = formatter("yyyy-MM-dd HH:mm:ss zzz")
    private static let clockFormatter = formatter("HH:mm:ss")

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = format
        return formatter
    }
}
