import Foundation
import SyncModel
import Testing
@testable import SyncEngine

/// Imports through the real engine with a schema that has rules: what is written, what is
/// rejected, and how the warnings are grouped.
@Suite struct SchemaImportTests {
    static let schema = """
        [{"name": "id", "type": "integer", "required": true, "unique": true},
         {"name": "status", "type": "string", "enum": ["paid", "refunded"]},
         {"name": "quantity", "type": "integer", "min": 1, "max": 10}]
        """

    private func twoDays() throws -> ImportFixture {
        let fixture = try ImportFixture(schema: SchemaImportTests.schema, dayCount: 2)
        try fixture.write("id,status,quantity\n1,paid,1\n2,shipped,1\n1,paid,2\n3,paid,0\nx,paid,1\n", day: 0)
        try fixture.write("id,status,quantity\n1,paid,1\n2,refunded,11\n", day: 1)
        return fixture
    }

    @Test func finishesWithWarnings() throws {
        let (execution, _) = try twoDays().run()
        #expect(execution.status == .finishedWithWarnings)
    }

    @Test func writesOnlyValidRecords() throws {
        let fixture = try twoDays()
        _ = try fixture.run()
        #expect(try fixture.rows(day: 0) == ["1"])
        #expect(try fixture.rows(day: 1) == ["1"])
    }

    @Test func groupsWarningsByKind() throws {
        let (execution, _) = try twoDays().run()
        let counts = execution.warnings.map { "\($0.kind.rawValue) \($0.count)" }
        #expect(counts == ["ruleViolated 3", "duplicateKey 1", "invalidValue 1"])
    }

    @Test func countsWarningsPerDay() throws {
        let fixture = try twoDays()
        let (execution, _) = try fixture.run()
        let rules = try #require(execution.warnings.first { $0.kind == .ruleViolated })
        #expect(rules.days == [DayCount(day: fixture.days[0], count: 2), DayCount(day: fixture.days[1], count: 1)])
    }

    @Test func describesDayByKind() throws {
        let fixture = try twoDays()
        let (execution, _) = try fixture.run()
        #expect(execution.warnings.breakdown(on: fixture.days[0]) == "2 rule violated, 1 duplicate key, 1 invalid value")
    }

    @Test func rejectedPerDay() throws {
        let (execution, _) = try twoDays().run()
        #expect(execution.progress.days.map(\.recordsRejected) == [4, 1])
    }

    @Test func duplicateExampleNamesBothLines() throws {
        let fixture = try twoDays()
        let (execution, _) = try fixture.run()
        let duplicate = try #require(execution.warnings.first { $0.kind == .duplicateKey }?.examples.first)
        #expect(duplicate.position == "data/\(fixture.days[0]).csv:4")
        #expect(duplicate.message.contains("already on line 2"))
    }

    @Test func uniqueWithinADayOnly() throws {
        // Id 1 is in both days: each day is checked on its own, so both are written.
        let fixture = try twoDays()
        _ = try fixture.run()
        #expect(try fixture.rows() == ["1", "1"])
    }

    // MARK: - A day with no valid record

    private func allInvalid() throws -> ImportFixture {
        let fixture = try ImportFixture(schema: SchemaImportTests.schema)
        try fixture.write("id,status,quantity\n1,lost,1\n2,lost,1\n")
        return fixture
    }

    @Test func allInvalidDayIsAWarning() throws {
        let (execution, _) = try allInvalid().run()
        #expect(execution.status == .finishedWithWarnings)
    }

    @Test func allInvalidDaySaysNothingWasImported() throws {
        let fixture = try allInvalid()
        let (_, log) = try fixture.run()
        #expect(log.contains("\(fixture.days[0]): every record was rejected, so nothing was imported"))
    }

    @Test func allInvalidDayWritesNoRow() throws {
        let fixture = try allInvalid()
        _ = try fixture.run()
        #expect(try fixture.rows().isEmpty)
    }
}
