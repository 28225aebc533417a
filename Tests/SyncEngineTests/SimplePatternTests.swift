import Foundation
import Testing
@testable import SyncEngine

/// Tests of what `SimplePattern` accepts, what it rejects, and how it matches.
@Suite struct SimplePatternTests {
    /// Returns whether `SimplePattern` matches `text`, or `nil` when it rejects the pattern or
    /// leaves the text to ICU.
    private func matches(_ pattern: String, _ text: String) -> Bool? {
        SimplePattern(pattern)?.matches(text)
    }

    // MARK: - The subset

    @Test func literalsMatchWholeText() {
        #expect(matches("C[0-9]{6}", "C123456") == true)
        #expect(matches("C[0-9]{6}", "C1234567") == false)
        #expect(matches("C[0-9]{6}", "xC123456") == false)
    }

    @Test func emptyPattern() {
        #expect(matches("", "") == true)
        #expect(matches("", "a") == false)
    }

    @Test func alternationCoversWholeText() {
        #expect(matches("paid|refunded", "refunded") == true)
        #expect(matches("paid|refunded", "paidrefunded") == false)
    }

    @Test func escapedMetacharacters() {
        #expect(matches("a\\.b\\-c\\\\\\(\\)", "a.b-c\\()") == true)
        #expect(matches("a\\.b", "axb") == false)
    }

    @Test func dotStopsAtLineTerminators() {
        #expect(matches("a.b", "a\u{2028}b") == false)
        #expect(matches("a..b", "a\r\nb") == false)
        #expect(matches("a.b", "a中b") == true)
    }

    @Test func matchesScalarsNotCharacters() {
        // "é" written as e and a combining accent is one Character but two scalars for ICU.
        #expect(matches("e.", "e\u{301}") == true)
        #expect(matches(".", "e\u{301}") == false)
        #expect(matches("..", "👍🏽") == true)
    }

    @Test func negatedClassTakesLineTerminators() {
        #expect(matches("[^a]", "\n") == true)
    }

    @Test func hyphenFirstOrLastIsLiteral() {
        #expect(matches("[-a]+", "-a-") == true)
        #expect(matches("[a-]+", "-a") == true)
        #expect(matches("[^-]", "-") == false)
    }

    @Test func boundedRepeats() {
        #expect(matches("a{2,3}", "aaa") == true)
        #expect(matches("a{2,3}", "aaaa") == false)
        #expect(matches("a{2,}", "aaaaaaaa") == true)
        #expect(matches("(ab){0}", "") == true)
    }

    @Test func anchorsAtTheEndsOfBranches() {
        #expect(matches("^a|b$", "a") == true)
        #expect(matches("^a$", "a\n") == false)
    }

    @Test func asciiDigitDecided() {
        #expect(matches("\\d+", "2026") == true)
        #expect(matches("\\w+", "snake_case") == true)
        #expect(matches("\\s", "\u{3000}") == true)
    }

    @Test func digitBeyondASCIILeftToICU() {
        #expect(SimplePattern("\\d")?.matches("٣") == nil)
    }

    @Test func literalBeyondASCIIDecided() {
        #expect(matches("[à-ÿ]+中", "éü中") == true)
    }

    @Test func countAtTheLimit() {
        #expect(SimplePattern("a{1000}") != nil)
    }

    // MARK: - Rejections

    @Test(arguments: [
        "a*?", "a+?", "a??", "a{2}?", "a*+", "a++", "a{2}+", "a**",
        "(a)\\1", "(?=a)", "(?!a)", "(?<=a)b", "(?i)a", "(?<name>a)", "(?#note)",
        "\\p{L}", "\\P{L}", "\\b", "\\B", "\\A", "\\z", "\\Z", "\\G", "\\Qa.b\\E", "\\x41", "\\u0041",
        "\\0101", "\\N{DIGIT ONE}", "\\cA", "\\e", "\\X", "\\R", "\\h", "\\v", "\\k<x>",
        "[[a]&&[b]]", "[a&&b]", "[[:alpha:]]", "[:alpha:]", "[^:a]", "[a[b]]", "[]a]", "[]", "[^]",
        "[a-\\d]", "[\\d-z]", "[a-c-e]", "[--a]", "[z-a]", "[a^]", "[{a}]", "[$a]", "[a",
        "a{,3}", "a{3,2}", "a{1001}", "a{1,1001}", "(a{500}){20}", "a{", "a{x}", "{2}", "}", "]",
        "a(", "a)", "(?:a", "*a", "+", "?", "a|*", "(*)",
        "a^", "(^a)", "a$b", "(a$)", "$a", "^*", "a\\",
    ])
    func rejected(_ pattern: String) {
        #expect(SimplePattern(pattern) == nil)
    }

    /// A rejected pattern that ICU finds valid still works, through `NSRegularExpression`.
    @Test func rejectedFallsBackToICU() throws {
        let matcher = try PatternCache.shared.matcher(for: "(?i)ab+c")
        #expect(!matcher.isSimple)
        #expect(matcher.matches("ABBC"))
    }

    // MARK: - Bounded work

    @Test func nestedStarsOnLongText() {
        let text = String(repeating: "a", count: 10_000)
        #expect(matches("(a*)*b", text) == false)
        #expect(matches("(a|aa)+", text) == true)
        #expect(matches("(a?){50}a{50}", String(repeating: "a", count: 50)) == true)
    }

    @Test func emptyLoops() {
        #expect(matches("()*a", "a") == true)
        #expect(matches("(|a)+", "aaa") == true)
        #expect(matches("(a*)+b", "aab") == true)
    }
}
