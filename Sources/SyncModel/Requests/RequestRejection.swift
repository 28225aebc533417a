import Foundation

/// The reason an execution request cannot run, with a message that names the value and the fix.
public struct RequestRejection: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: String, Hashable, Sendable {
        /// A typed day is not a date, such as `2023-02-29` or `2026-13-01`.
        case invalidDay
        /// A range ends before it starts.
        case endBeforeStart
        /// A day precedes the sync's first day.
        case beforeSpan
        /// A day follows the sync's last day or the last complete day.
        case afterSpan
        /// The sync is a snapshot sync, which has no days to choose.
        case periodsNotSupported
        /// The request re-imports days and the operator has not confirmed it.
        case confirmationRequired
        /// The client or sync does not exist in the workspace.
        case unknownSync
        /// Another process runs an execution of the sync; the message names it.
        case syncBusy
        /// No execution has the given id.
        case unknownExecution
        /// The execution cannot be retried: it has not ended, it finished, or nothing is left to import.
        case notRetryable
    }

    public let reason: Reason
    public let message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}

extension Day {
    /// Parses a typed day, throwing a rejection that explains why the text is not a date.
    public static func parse(_ text: String) throws -> Day {
        if let day = Day(text) {
            return day
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed != text, let day = Day(trimmed) {
            return day
        }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        if parts.count == 3, trimmed.count == 10, let year = parts[0], let month = parts[1], parts[2] != nil {
            guard (1...12).contains(month) else {
                throw RequestRejection(.invalidDay, "\"\(trimmed)\" is not a date: there is no month \(month); write YYYY-MM-DD")
            }
            let length = Day.numberOfDays(inMonth: month, year: year)
            throw RequestRejection(
                .invalidDay,
                "\"\(trimmed)\" is not a date: \(Day.monthName(month)) \(year) has \(length) days; write YYYY-MM-DD")
        }
        throw RequestRejection(.invalidDay, "\"\(text)\" is not a date; write it as YYYY-MM-DD, for example 2026-01-31")
    }

    public static func monthName(_ month: Int) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July",
                     "August", "September", "October", "November", "December"]
        return (1...12).contains(month) ? names[month - 1] : "month \(month)"
    }
}
