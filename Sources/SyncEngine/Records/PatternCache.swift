import Foundation

/// The compiled schema patterns, shared by every file and execution of the process, so that a
/// pattern is compiled once rather than once per day. Safe from any thread.
final class PatternCache: @unchecked Sendable {
    static let shared = PatternCache()

    private let lock = NSLock()
    private var matchers: [String: PatternMatcher] = [:]
    private var expressions: [String: NSRegularExpression] = [:]

    /// Returns `pattern` ready to match whole texts: with `SimplePattern` when it accepts the
    /// pattern, which then never compiles an ICU expression, else with `NSRegularExpression`.
    ///
    /// - Throws: the error of `NSRegularExpression` when the pattern is not a valid expression.
    func matcher(for pattern: String) throws -> PatternMatcher {
        lock.lock()
        defer { lock.unlock() }
        if let matcher = matchers[pattern] {
            return matcher
        }
        let matcher: PatternMatcher
        if let simple = SimplePattern(pattern) {
            matcher = PatternMatcher(pattern: pattern, simple: simple)
        } else {
            // The pattern is compiled alone first, because the anchors added around it could
            // turn an unbalanced parenthesis into a valid but different expression.
            _ = try NSRegularExpression(pattern: pattern)
            matcher = PatternMatcher(pattern: pattern, expression: try compiledExpression(pattern))
        }
        matchers[pattern] = matcher
        return matcher
    }

    /// Returns `pattern` compiled by ICU so that it must match the whole text.
    ///
    /// - Throws: the error of `NSRegularExpression` when the pattern is not a valid expression.
    func expression(for pattern: String) throws -> NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        return try compiledExpression(pattern)
    }

    /// Returns whether ICU has compiled `pattern`. Tests use it to check that simple patterns never do.
    func hasExpression(for pattern: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return expressions[pattern] != nil
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

    /// Must be called with the lock held.
    private func compiledExpression(_ pattern: String) throws -> NSRegularExpression {
        if let expression = expressions[pattern] {
            return expression
        }
        let expression = try NSRegularExpression(pattern: PatternCache.wholeText(pattern))
        expressions[pattern] = expression
        return expression
    }
}
