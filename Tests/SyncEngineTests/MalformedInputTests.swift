import Foundation
import SyncModel
import Testing
@testable import SyncEngine

/// Broken CSV files imported through the real engine: each gives warnings that say what is
/// wrong and where, or a clear error, and never stops the process.
@Suite struct MalformedInputTests {
    static let schema = """
        [{"name": "id", "type": "integer", "required": true},
         {"name": "note", "type": "string"}]
        """

    private func fixture(_ text: String) throws -> ImportFixture {
        let fixture = try ImportFixture(schema: MalformedInputTests.schema)
        try fixture.write(text)
        return fixture
    }

    private func fixture(bytes: [UInt8]) throws -> ImportFixture {
        let fixture = try ImportFixture(schema: MalformedInputTests.schema)
        try fixture.write(bytes)
        return fixture
    }

    private func firstIssue(_ execution: Execution) -> RecordIssue? {
        execution.warnings.first?.examples.first
    }

    // MARK: - Rows

    @Test func raggedRowsAreRejected() throws {
        let fixture = try fixture("id,note\n1,a\n2\n3,c,extra\n4,d\n")
        let (execution, _) = try fixture.run()
        #expect(execution.warnings.map(\.kind) == [.inconsistentRow])
        #expect(execution.warnings.first?.count == 2)
        #expect(try fixture.rows() == ["1", "4"])
    }

    @Test func raggedRowNamesItsLineAndCounts() throws {
        let (execution, _) = try fixture("id,note\n1,a\n2\n").run()
        let issue = try #require(firstIssue(execution))
        #expect(issue.position.hasSuffix(".csv:3"))
        #expect(issue.message == "expected 2 fields as in the header, found 1")
    }

    @Test func unterminatedQuoteIsRejected() throws {
        let fixture = try fixture("id,note\n1,a\n2,\"never closed\n3,c\n")
        let (execution, _) = try fixture.run()
        #expect(execution.status == .finishedWithWarnings)
        #expect(firstIssue(execution)?.message == "a quoted field is not closed before the end of the file")
        #expect(try fixture.rows() == ["1"])
    }

    @Test func invalidUTF8IsRejected() throws {
        let bytes = Array("id,note\n1,ok\n2,".utf8) + [0xC3, 0x28] + Array("\n3,fine\n".utf8)
        let fixture = try fixture(bytes: bytes)
        let (execution, _) = try fixture.run()
        #expect(firstIssue(execution)?.message == "field \"note\" is not valid UTF-8 text")
        #expect(firstIssue(execution)?.line == 3)
        #expect(try fixture.rows() == ["1", "3"])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let fixture = try fixture(bytes: [0xEF, 0xBB, 0xBF] + Array("id,note\n1,a\n".utf8))
        let (execution, _) = try fixture.run()
        #expect(execution.status == .finished)
        #expect(try fixture.rows() == ["1"])
    }

    // MARK: - Empty files

    @Test func emptyFileIsAWarning() throws {
        let (execution, _) = try fixture("").run()
        #expect(execution.status == .finishedWithWarnings)
        #expect(firstIssue(execution)?.message == "the file is empty: it has no header row and no records; check that the export ran")
    }

    @Test func headerOnlyIsADayWithoutRecords() throws {
        let (execution, log) = try fixture("id,note\n").run()
        #expect(execution.status == .finished)
        #expect(log.contains { $0.hasSuffix("the source has no records") })
    }

    // MARK: - Header

    @Test func missingSchemaColumnIsAnError() throws {
        let (execution, _) = try fixture("id,nott\n1,a\n").run()
        #expect(execution.status == .error)
        #expect(execution.failure?.category == .configuration)
    }

    @Test func missingColumnErrorNamesColumnAndFile() throws {
        let fixture = try fixture("id,nott\n1,a\n")
        let (execution, _) = try fixture.run()
        let message = try #require(execution.failure?.message)
        #expect(message == "source file data/\(fixture.days[0]).csv has no column \"note\" of the sync's schema; its header row is: id, nott")
    }

    @Test func missingColumnErrorSuggestsTheTypo() throws {
        let (execution, _) = try fixture("id,nott\n1,a\n").run()
        #expect(execution.failure?.hint.contains("\"nott\" may be \"note\"") == true)
    }

    @Test func missingColumnLeavesDayMissing() throws {
        let fixture = try fixture("id,nott\n1,a\n")
        let (execution, _) = try fixture.run()
        #expect(execution.progress.days.map(\.state) == [.failed])
    }

    @Test func extraColumnsAreIgnored() throws {
        let fixture = try fixture("id,extra,note\n1,x,a\n")
        let (execution, _) = try fixture.run()
        #expect(execution.status == .finished)
        #expect(try fixture.rows(column: "note") == ["a"])
    }

    // MARK: - Size

    @Test func tenMegabyteLineIsImported() throws {
        let long = String(repeating: "x", count: 10 * 1024 * 1024)
        let fixture = try fixture("id,note\n1,\(long)\n2,short\n")
        let (execution, _) = try fixture.run()
        #expect(execution.status == .finished)
        #expect(try fixture.rows(column: "length(note)") == ["10485760", "5"])
    }

    @Test func tenMegabyteQuotedFieldImported() throws {
        let long = String(repeating: "line\n", count: 2 * 1024 * 1024)
        let fixture = try fixture("id,note\n1,\"\(long)\"\n2,b\n")
        let (execution, _) = try fixture.run()
        #expect(execution.status == .finished)
        #expect(try fixture.rows() == ["1", "2"])
    }
}
