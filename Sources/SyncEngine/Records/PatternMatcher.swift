import Foundation

/// A schema pattern ready to check values: matched by `SimplePattern` when the pattern is in its
/// subset, so that the common case never touches ICU, and by `NSRegularExpression` otherwise.
struct PatternMatcher: @unchecked Sendable {
    private enum Engine {
        case simple(SimplePattern)
        case expression(NSRegularExpression)
    }

    /// The pattern as the schema writes it, without anchors.
    let pattern: String
    private let engine: Engine

    init(pattern: String, simple: SimplePattern) {
        self.pattern = pattern
        engine = .simple(simple)
    }

    init(pattern: String, expression: NSRegularExpression) {
        self.pattern = pattern
        engine = .expression(expression)
    }

    /// Whether `SimplePattern` matches, rather than ICU.
    var isSimple: Bool {
        if case .simple = engine { return true }
        return false
    }

    /// Returns whether the whole of `text` matches the pattern. Safe from any thread.
    func matches(_ text: String) -> Bool {
        switch engine {
        case .expression(let expression):
            return PatternCache.matches(expression, text)
        case .simple(let simple):
            if let verdict = simple.matches(text) {
                return verdict
            }
            return matchesWithICU(text)
        }
    }

    /// Matches with ICU a text whose result depends on its Unicode tables, compiling the
    /// expression for the first such text. `SimplePattern` accepts only patterns that ICU accepts
    /// too. If the compile still failed, the text is reported as not matching, not let through.
    private func matchesWithICU(_ text: String) -> Bool {
        guard let expression = try? PatternCache.shared.expression(for: pattern) else { return false }
        return PatternCache.matches(expression, text)
    }
}
