import Foundation

/// The compiled regular expressions of schema patterns, shared by every file and execution of
/// the process, so that a pattern is compiled once rather than once per day.
final class PatternCache: @unchecked Sendable {
    static let shared = PatternCache()

    private let lock = NSLock()
    private var expressions: [String: NSRegularExpression] = [:]

    /// Returns `pattern` compiled so that it must match the whole text.
    ///
    /// - Throws: the error of `NSRegularExpression` when the pattern is not a valid expression.
    func expression(for pattern: String) throws -> NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        if let expression = expressions[pattern] {
            return expression
        }
        let expression = try NSRegularExpression(pattern: PatternCache.wholeText(pattern))
        expressions[pattern] = expression
        return expression
    }

    /// Returns whether `expression` matches `text`. Matching is safe from any thread.
    static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        let range = NSRange(location: 0, length: text.utf16.count)
        return expression.firstMatch(in: text, range: range) != nil
    }

    /// Anchors `pattern` at both ends of the text, so that `[0-9]+` rejects `12a`; a pattern that
    /// already has anchors keeps its meaning.
    static func wholeText(_ pattern: String) -> String {
        "\\A(?:" + pattern + ")\\z"
    }
}
