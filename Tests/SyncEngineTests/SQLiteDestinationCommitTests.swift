import Foundation
import Testing
import SyncModel
import SyncStore
@testable import SyncEngine

/// Days finished in one transaction and committed together: each day stays whole whatever
/// happens to the days around it.
@Suite struct SQLiteDestinationCommitTests {
    let folder: TemporaryFolder
    let monday = Day(year: 2026, month: 1, day: 5)!
    let tuesday = Day(year: 2026, month: 1, day: 6)!
    let wednesday = Day(year: 2026, month: 1, day: 7)!

    init() throws {
        folder = try TemporaryFolder()
    }

    private var databaseURL: URL { folder.url.appendingPathComponent("out/acme.sqlite") }

    private func destination() throws -> SQLiteDestination {
        let destination = SQLiteDestination(
            databaseURL: databaseURL, displayPath: "out/acme.sqlite", table: "orders", writeMode: .append,
            schema: [FieldSpec(name: "id", type: .integer, required: true)], partitioned: true)
        try destination.prepare()
        return destination
    }

    /// Writes `ids` for `day` and finishes the day without committing it.
    private func finishDay(_ destination: SQLiteDestination, _ day: Day, _ ids: [Int64]) throws {
        let batch = try destination.begin(day: day, executionID: 1)
        for id in ids {
            try batch.write(ValidRecord(columns: ["id"], values: [.integer(id)]))
        }
        try batch.finish()
    }

    /// Returns the rows of each day as another connection reads them, which is what is committed.
    private func committedRows() throws -> [String: Int64] {
        let rows = try SQLiteConnection(path: databaseURL.path, readOnly: true)
            .query("SELECT _syncdeck_day, COUNT(*) FROM orders GROUP BY _syncdeck_day")
        var counts: [String: Int64] = [:]
        for row in rows {
            counts[row[0].textValue ?? "?"] = row[1].integerValue
        }
        return counts
    }

    private func committedImports() throws -> [String] {
        try SQLiteConnection(path: databaseURL.path, readOnly: true)
            .query("SELECT day FROM _syncdeck_imports ORDER BY day").compactMap { $0.first?.textValue }
    }

    @Test func finishedDaysWaitForTheCommit() throws {
        let destination = try destination()
        try finishDay(destination, monday, [1, 2])
        try finishDay(destination, tuesday, [3])
        #expect(try committedRows().isEmpty)

        try destination.commitFinishedDays()
        destination.close()
        #expect(try committedRows() == ["2026-01-05": 2, "2026-01-06": 1])
        #expect(try committedImports() == ["2026-01-05", "2026-01-06"])
    }

    @Test func rollbackKeepsEarlierFinishedDays() throws {
        let destination = try destination()
        try finishDay(destination, monday, [1, 2])
        let batch = try destination.begin(day: tuesday, executionID: 1)
        try batch.write(ValidRecord(columns: ["id"], values: [.integer(3)]))
        batch.rollback()
        try finishDay(destination, wednesday, [4])

        try destination.commitFinishedDays()
        destination.close()
        #expect(try committedRows() == ["2026-01-05": 2, "2026-01-07": 1])
        #expect(try committedImports() == ["2026-01-05", "2026-01-07"])
    }

    @Test func closeDiscardsUncommittedDays() throws {
        let destination = try destination()
        try finishDay(destination, monday, [1])
        try destination.commitFinishedDays()
        try finishDay(destination, tuesday, [2])
        destination.close()
        #expect(try committedRows() == ["2026-01-05": 1])
    }

    @Test func commitWithADayOpenFails() throws {
        let destination = try destination()
        try finishDay(destination, monday, [1])
        let batch = try destination.begin(day: tuesday, executionID: 1)
        #expect(throws: ExecutionFailure.self) { try destination.commitFinishedDays() }
        batch.rollback()
        destination.close()
    }

    @Test func commitWithNothingFinished() throws {
        let destination = try destination()
        try destination.commitFinishedDays()
        destination.close()
        #expect(try committedRows().isEmpty)
    }
}
