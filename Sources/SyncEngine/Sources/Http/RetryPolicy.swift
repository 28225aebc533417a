import Foundation

/// How often and how long an HTTP source waits before asking again after HTTP 429 or 5xx.
struct RetryPolicy: Sendable {
    /// Requests made in all, the first one included.
    var attempts: Int
    /// The wait after the first failed attempt; it doubles after each further one.
    var baseDelay: TimeInterval
    /// The maximum wait, even when the server's `Retry-After` requests more.
    var maximumDelay: TimeInterval

    static let standard = RetryPolicy(attempts: 3, baseDelay: 1, maximumDelay: 30)

    /// Returns the wait after failed attempt `attempt` (counting from 1), following the server's
    /// `Retry-After` when it gave one.
    func delay(afterAttempt attempt: Int, retryAfter: TimeInterval?) -> TimeInterval {
        let backoff = baseDelay * pow(2, Double(max(attempt - 1, 0)))
        return min(max(retryAfter ?? backoff, 0), maximumDelay)
    }

    /// Reads a `Retry-After` value: a number of seconds, or an HTTP date (RFC 9110).
    ///
    /// - Returns: the seconds to wait from `now`, or `nil` when the value is absent or unreadable.
    static func retryAfter(_ value: String?, now: Date) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) {
            return TimeInterval(max(seconds, 0))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(date.timeIntervalSince(now), 0)
    }
}
