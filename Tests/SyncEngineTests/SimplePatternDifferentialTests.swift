import Foundation
import SyncModel
import Testing
@testable import SyncEngine

/// Tests that `SimplePattern` and ICU give the same results on random patterns and texts.
@Suite struct SimplePatternDifferentialTests {
    @Test func randomPatternsOfTheSubset() throws {
        var random = SplitMix64(seed: 0x5EED_0001)
        var mismatches: [String] = []
        var rejected: [String] = []
        var matchCount = 0
        var decidedCount = 0

        for _ in 0..<1500 {
            let pattern = PatternGenerator.pattern(&random)
            guard let simple = SimplePattern(pattern) else {
                rejected.append(pattern)
                continue
            }
            let expression = try NSRegularExpression(pattern: PatternCache.wholeText(pattern))
            for _ in 0..<24 {
                let text = PatternGenerator.text(for: pattern, &random)
                let expected = PatternCache.matches(expression, text)
                if expected { matchCount += 1 }
                guard let verdict = simple.matches(text) else { continue }
                decidedCount += 1
                if verdict != expected {
                    mismatches.append("\(pattern.debugDescription) on \(text.debugDescription): ICU \(expected)")
                }
            }
        }

        #expect(rejected.isEmpty, "\(rejected.count) rejected, first: \(rejected.prefix(3))")
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(10))")
        #expect(matchCount > 3000, "too few matching texts to test much: \(matchCount)")
        #expect(decidedCount > 24000, "too few texts decided without ICU: \(decidedCount)")
    }

    /// Checks random strings of metacharacters: whatever `SimplePattern` accepts, ICU must
    /// accept too and match the same way.
    @Test func randomNearPatterns() {
        var random = SplitMix64(seed: 0x5EED_0002)
        let alphabet = Array("ab1(){}[]|*+?^$\\.-,:&=!#_dwsDWSpQEbBzZ0")
        var problems: [String] = []
        var acceptedCount = 0

        for _ in 0..<20000 {
            let length = Int.random(in: 1...8, using: &random)
            let pattern = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
            guard let simple = SimplePattern(pattern) else { continue }
            acceptedCount += 1
            guard let expression = try? NSRegularExpression(pattern: PatternCache.wholeText(pattern)),
                  (try? NSRegularExpression(pattern: pattern)) != nil else {
                problems.append("\(pattern.debugDescription) is invalid for ICU")
                continue
            }
            for _ in 0..<8 {
                let text = PatternGenerator.text(for: pattern, &random)
                let expected = PatternCache.matches(expression, text)
                if let verdict = simple.matches(text), verdict != expected {
                    problems.append("\(pattern.debugDescription) on \(text.debugDescription): ICU \(expected)")
                }
            }
        }

        #expect(problems.isEmpty, "\(problems.count) problems: \(problems.prefix(10))")
        #expect(acceptedCount > 1000, "too few accepted to test much: \(acceptedCount)")
    }

    // MARK: - Classes over every scalar

    @Test(arguments: ["\\s", "\\S", "\\d", "\\D", "\\w", "\\W", "[^\\s]", "[\\d_]"])
    func classOverEveryScalar(_ pattern: String) throws {
        let icu = try EveryScalar.icuMatches(pattern)
        let simple = try #require(SimplePattern(pattern))
        var mismatches: [UInt32] = []

        for value in EveryScalar.values {
            guard let scalar = Unicode.Scalar(value),
                  let verdict = simple.matches(String(Character(scalar))) else { continue }
            if verdict != icu.contains(value) { mismatches.append(value) }
        }

        #expect(mismatches.isEmpty, "mismatches: \(mismatches.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func dotOverEveryScalar() throws {
        let icu = try EveryScalar.icuMatches(".")
        let simple = try #require(SimplePattern("."))
        var mismatches: [UInt32] = []

        for value in EveryScalar.values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if simple.matches(String(Character(scalar))) != icu.contains(value) { mismatches.append(value) }
        }

        #expect(mismatches.isEmpty, "mismatches: \(mismatches.prefix(10).map { String($0, radix: 16) })")
    }
}

/// The scalars a class test visits: all of them up to U+2FFF, then every seventh one, so that the
/// test stays cheap in a debug build.
private enum EveryScalar {
    static let values: [UInt32] = Array(0...0x2FFF) + stride(from: 0x3000, through: 0x10FFFF, by: 7).map { UInt32($0) }

    /// Returns the scalars among `values` that ICU matches with `pattern`, found in one pass.
    static func icuMatches(_ pattern: String) throws -> Set<UInt32> {
        var text = String.UnicodeScalarView()
        var scalarAtOffset: [Int: UInt32] = [:]
        var offset = 0
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            text.append(scalar)
            scalarAtOffset[offset] = value
            offset += scalar.utf16.count
        }
        let expression = try NSRegularExpression(pattern: pattern)
        let matches = expression.matches(in: String(text), range: NSRange(location: 0, length: offset))
        return Set(matches.compactMap { scalarAtOffset[$0.range.location] })
    }
}
