import Foundation
import SyncModel
import Testing
@testable import SyncEngine

// MARK: - Fixtures

/// A daily sync whose schema is the single field `field`.
private func syncWithField(_ field: [String: Any]) -> String {
    workspaceText(sync: dailySync { $0["schema"] = [["name": "id", "type": "integer", "required": true], field] })
}

private let field1 = "clients[0].syncs[0].schema[1]"

/// A rule written wrong, and the problem it must cause at its JSON path.
struct RuleRejectionCase: Sendable, CustomTestStringConvertible {
    let label: String
    let field: String
    let path: String
    let fragment: String

    init(_ label: String, _ field: [String: any Sendable], path: String, _ fragment: String) {
        self.label = label
        self.field = syncWithField(field)
        self.path = "\(field1).\(path)"
        self.fragment = fragment
    }

    var testDescription: String { label }
}

let ruleRejectionCases: [RuleRejectionCase] = [
    RuleRejectionCase("invalid pattern", ["name": "code", "type": "string", "pattern": "[A-Z"],
                      path: "pattern", "\"[A-Z\" is not a valid regular expression"),
    RuleRejectionCase("unbalanced pattern", ["name": "code", "type": "string", "pattern": "a)|(b"],
                      path: "pattern", "is not a valid regular expression"),
    RuleRejectionCase("pattern on integer", ["name": "code", "type": "integer", "pattern": "[0-9]+"],
                      path: "pattern", "\"pattern\" does not apply to an integer field"),
    RuleRejectionCase("pattern not text", ["name": "code", "type": "string", "pattern": 5],
                      path: "pattern", "expected a string, found a number"),
    RuleRejectionCase("min on string", ["name": "code", "type": "string", "min": 1],
                      path: "min", "\"min\" does not apply to a string field"),
    RuleRejectionCase("fractional integer min", ["name": "count", "type": "integer", "min": 0.5],
                      path: "min", "0.5 is not a whole number"),
    RuleRejectionCase("max as text", ["name": "count", "type": "integer", "max": "10"],
                      path: "max", "expected a number, found a string"),
    RuleRejectionCase("min above max", ["name": "count", "type": "integer", "min": 10, "max": 1],
                      path: "max", "max 1 is below min 10"),
    RuleRejectionCase("date bound", ["name": "on", "type": "date", "min": "2026-02-30"],
                      path: "min", "\"2026-02-30\" is not a date"),
    RuleRejectionCase("timestamp bound", ["name": "at", "type": "timestamp", "max": "2026-01-01T10:00"],
                      path: "max", "is not a timestamp with a time zone"),
    RuleRejectionCase("enum on decimal", ["name": "amount", "type": "decimal", "enum": [1, 2]],
                      path: "enum", "\"enum\" does not apply to a decimal field"),
    RuleRejectionCase("empty enum", ["name": "status", "type": "string", "enum": [String]()],
                      path: "enum", "\"enum\" lists no values"),
    RuleRejectionCase("enum value of other type", ["name": "status", "type": "string", "enum": ["paid", 3]],
                      path: "enum[1]", "expected a string, found a number"),
    RuleRejectionCase("unique as text", ["name": "code", "type": "string", "unique": "yes"],
                      path: "unique", "expected a boolean"),
    RuleRejectionCase("misspelt rule", ["name": "code", "type": "string", "patern": "x"],
                      path: "patern", "did you mean \"pattern\"?"),
]

// MARK: - Rejections

@Test(arguments: ruleRejectionCases)
func schemaRuleRejected(_ rejection: RuleRejectionCase) throws {
    let folder = try WorkspaceFolder()

    let error = try folder.loadError(rejection.field)

    let problems = error.problems(at: rejection.path)
    #expect(problems.count == 1, "problems: \(error.problems.map(\.description))")
    #expect(problems.first?.description.contains(rejection.fragment) == true,
            "expected \(rejection.fragment) in \(problems.map(\.description))")
}

// MARK: - Loading

@Suite struct SchemaWorkspaceTests {
    private func loadedField(_ field: [String: Any]) throws -> FieldSpec? {
        let folder = try WorkspaceFolder()
        try folder.write(syncWithField(field))
        let workspace = try Workspace.load(folder: folder.url)
        return workspace.clients.first?.syncs.first?.schema?.last
    }

    @Test func integerBounds() throws {
        let field = try loadedField(["name": "count", "type": "integer", "min": 1, "max": 100])
        #expect(field?.rules.minimum == .integer(1))
        #expect(field?.rules.maximum == .integer(100))
    }

    @Test func decimalBound() throws {
        let field = try loadedField(["name": "amount", "type": "decimal", "min": 0.5])
        #expect(field?.rules.minimum == .decimal(0.5))
    }

    @Test func timestampBoundInUTC() throws {
        let field = try loadedField(["name": "at", "type": "timestamp", "min": "2026-01-01T01:00:00+01:00"])
        #expect(field?.rules.minimum == .text("2026-01-01T00:00:00Z"))
    }

    @Test func dateBounds() throws {
        let field = try loadedField(["name": "on", "type": "date", "min": "2026-01-01", "max": "2026-12-31"])
        #expect(field?.rules.maximum == .text("2026-12-31"))
    }

    @Test func patternKeptAsWritten() throws {
        let field = try loadedField(["name": "code", "type": "string", "pattern": "C[0-9]{6}"])
        #expect(field?.rules.pattern == "C[0-9]{6}")
    }

    @Test func simplePatternLoadsWithoutICU() throws {
        // Unique to this test: the cache is shared by the whole process.
        let pattern = "L[0-9]{4}-loaded"
        _ = try loadedField(["name": "code", "type": "string", "pattern": pattern])
        #expect(!PatternCache.shared.hasExpression(for: pattern))
    }

    @Test func otherPatternLoadsWithICU() throws {
        let pattern = "(?i)L[0-9]{4}-loaded"
        _ = try loadedField(["name": "code", "type": "string", "pattern": pattern])
        #expect(PatternCache.shared.hasExpression(for: pattern))
    }

    @Test func enumOfStrings() throws {
        let field = try loadedField(["name": "status", "type": "string", "enum": ["paid", "refunded"]])
        #expect(field?.rules.allowed == [.text("paid"), .text("refunded")])
    }

    @Test func enumOfIntegers() throws {
        let field = try loadedField(["name": "level", "type": "integer", "enum": [1, 2, 3]])
        #expect(field?.rules.allowed == [.integer(1), .integer(2), .integer(3)])
    }

    @Test func unique() throws {
        let field = try loadedField(["name": "code", "type": "string", "unique": true])
        #expect(field?.rules.unique == true)
    }

    @Test func noRules() throws {
        let field = try loadedField(["name": "code", "type": "string"])
        #expect(field?.rules.isEmpty == true)
    }

    @Test func rulesDoNotChangeTheTable() throws {
        // Two syncs may share a table when their fields agree, whatever rules each one checks.
        let folder = try WorkspaceFolder()
        let first = dailySync(id: "orders") { $0["schema"] = [["name": "id", "type": "integer", "unique": true]] }
        let second = dailySync(id: "more") { sync in
            sync["destination"] = ["type": "sqlite", "path": "out/acme.sqlite", "table": "orders", "writeMode": "append"]
            sync["schema"] = [["name": "id", "type": "integer", "min": 1]]
        }
        try folder.write(workspaceText(clients: [client(syncs: [first, second])]))

        #expect(throws: Never.self) { try Workspace.load(folder: folder.url) }
    }
}
