import Foundation
import Testing
@testable import SyncModel

@Suite struct ExecutionPlannerTests {
    // MARK: - Fixtures

    let span = DayRange(Day("2026-01-01")!, Day("2026-01-10")!)!

    func dailySync(writeMode: WriteMode = .append) -> SyncDefinition {
        SyncDefinition(id: "orders", name: "Orders", partitioning: .daily(firstDay: Day("2026-01-01")!, lastDay: nil),
                       source: .files(format: .csv, path: "data/{date}.csv"),
                       destination: .sqlite(path: "out.sqlite", table: "orders", writeMode: writeMode), schema: nil)
    }

    var snapshotSync: SyncDefinition {
        SyncDefinition(id: "customers", name: "Customers", partitioning: .none,
                       source: .files(format: .jsonl, path: "customers.jsonl"),
                       destination: .sqlite(path: "out.sqlite", table: "customers", writeMode: .upsert(key: ["id"])), schema: nil)
    }

    /// A ledger holding 2026-01-02 (10 records) and 2026-01-04 (20 records).
    var coverage: LedgerCoverage {
        LedgerCoverage(entries: [
            entry("2026-01-02", records: 10),
            entry("2026-01-04", records: 20),
        ])
    }

    func entry(_ day: String, records: Int, execution: ExecutionID = 1, at seconds: TimeInterval = 0) -> LedgerEntry {
        LedgerEntry(clientID: "acme", syncID: "orders", day: Day(day)!, executionID: execution,
                    importedAt: Date(timeIntervalSince1970: seconds), records: records)
    }

    func range(_ first: String, _ last: String) -> DayRange {
        DayRange(Day(first)!, Day(last)!)!
    }

    func plan(_ request: ExecutionRequest) throws -> ExecutionPlan {
        try ExecutionPlanner.plan(request, for: dailySync(), span: span, coverage: coverage)
    }

    func rejection(_ request: ExecutionRequest) -> RequestRejection? {
        do {
            _ = try plan(request)
            return nil
        } catch {
            return error as? RequestRejection
        }
    }

    // MARK: - Default

    @Test func defaultPlansOnlyMissingDays() throws {
        let plan = try plan(.default)
        #expect(plan.days.count == 8)
        #expect(!plan.days.contains(Day("2026-01-02")!))
        #expect(!plan.days.contains(Day("2026-01-04")!))
        #expect(plan.overlap.isEmpty)
        #expect(!plan.requiresConfirmation)
    }

    @Test func defaultWithFullLedgerPlansNothing() throws {
        let full = LedgerCoverage(entries: span.map { entry($0.description, records: 1) })
        let plan = try ExecutionPlanner.plan(.default, for: dailySync(), span: span, coverage: full)
        #expect(plan.days.isEmpty)
        #expect(!plan.requiresConfirmation)
    }

    @Test func defaultOfSnapshotImportsSnapshot() throws {
        let plan = try ExecutionPlanner.plan(.default, for: snapshotSync, span: nil, coverage: LedgerCoverage(entries: []))
        #expect(plan.isSnapshot)
        #expect(plan.unitCount == 1)
        #expect(!plan.requiresConfirmation)
    }

    // MARK: - Single date

    @Test func singleDateAlwaysNeedsConfirmation() throws {
        let plan = try plan(.singleDate(Day("2026-01-05")!))
        #expect(plan.days == [Day("2026-01-05")!])
        #expect(plan.overlap.isEmpty)
        #expect(plan.requiresConfirmation)
    }

    @Test func singleDateOverlapCarriesRecordCount() throws {
        let plan = try plan(.singleDate(Day("2026-01-04")!))
        #expect(plan.overlap.map(\.records) == [20])
        #expect(plan.requiresConfirmation)
    }

    @Test func singleDateBeforeFirstDayIsRejected() {
        let rejection = rejection(.singleDate(Day("2025-12-31")!))
        #expect(rejection?.reason == .beforeSpan)
        #expect(rejection?.message.contains("2025-12-31") == true)
        #expect(rejection?.message.contains("from 2026-01-01 to 2026-01-10") == true)
    }

    @Test func singleDateAfterLastCompleteDayIsRejected() {
        let rejection = rejection(.singleDate(Day("2026-01-11")!))
        #expect(rejection?.reason == .afterSpan)
        #expect(rejection?.message.contains("last complete day") == true)
    }

    @Test func dayAfterLastDayNamesLastDay() throws {
        let ended = SyncDefinition(id: "old", name: "Old", partitioning: .daily(firstDay: Day("2026-01-01")!, lastDay: Day("2026-01-05")!),
                                   source: .files(format: .csv, path: "{date}.csv"),
                                   destination: .sqlite(path: "o.sqlite", table: "t", writeMode: .append), schema: nil)
        let now = Day("2026-02-01")!.start(in: TimeZone(identifier: "UTC")!)
        let span = try #require(ended.span(in: TimeZone(identifier: "UTC")!, now: now))
        #expect(span.last.description == "2026-01-05")
        #expect {
            try ExecutionPlanner.plan(.singleDate(Day("2026-01-06")!), for: ended, span: span, coverage: LedgerCoverage(entries: []))
        } throws: { error in
            (error as? RequestRejection)?.message.contains("the last day of sync \"old\"") == true
        }
    }

    @Test func snapshotRejectsDates() {
        #expect {
            try ExecutionPlanner.plan(.singleDate(Day("2026-01-05")!), for: snapshotSync, span: nil, coverage: LedgerCoverage(entries: []))
        } throws: { error in
            (error as? RequestRejection)?.reason == .periodsNotSupported
        }
    }

    // MARK: - Date range

    @Test func missingOnlyRangeSkipsImportedDays() throws {
        let plan = try plan(.dateRange(range("2026-01-01", "2026-01-05"), .missingOnly))
        #expect(plan.days.map(\.description) == ["2026-01-01", "2026-01-03", "2026-01-05"])
        #expect(plan.overlap.isEmpty)
        #expect(!plan.requiresConfirmation)
    }

    @Test func reimportAllRangeNeedsConfirmationOnOverlap() throws {
        let plan = try plan(.dateRange(range("2026-01-01", "2026-01-05"), .reimportAll))
        #expect(plan.days.count == 5)
        #expect(plan.overlap.map(\.day.description) == ["2026-01-02", "2026-01-04"])
        #expect(plan.overlapRecords == 30)
        #expect(plan.requiresConfirmation)
    }

    @Test func reimportAllWithoutOverlapNeedsNoConfirmation() throws {
        let plan = try plan(.dateRange(range("2026-01-05", "2026-01-08"), .reimportAll))
        #expect(plan.days.count == 4)
        #expect(!plan.requiresConfirmation)
    }

    @Test func rangeStartingBeforeSpanIsRejected() {
        #expect(rejection(.dateRange(range("2025-12-30", "2026-01-02"), .missingOnly))?.reason == .beforeSpan)
    }

    @Test func rangeEndingAfterSpanIsRejected() {
        #expect(rejection(.dateRange(range("2026-01-08", "2026-01-12"), .missingOnly))?.reason == .afterSpan)
    }

    @Test func rangeAcrossYearEnd() throws {
        let yearEnd = DayRange(Day("2025-12-01")!, Day("2026-01-31")!)!
        let plan = try ExecutionPlanner.plan(.dateRange(range("2025-12-30", "2026-01-02"), .missingOnly),
                                             for: dailySync(), span: yearEnd, coverage: LedgerCoverage(entries: []))
        #expect(plan.days.map(\.description) == ["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"])
    }

    @Test func noCompleteDayYetIsRejected() {
        #expect {
            try ExecutionPlanner.plan(.singleDate(Day("2026-01-01")!), for: dailySync(), span: nil, coverage: LedgerCoverage(entries: []))
        } throws: { error in
            (error as? RequestRejection)?.message.contains("no complete day yet") == true
        }
    }

    // MARK: - Span and coverage

    @Test func spanEndsYesterdayInClientTimeZone() throws {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let now = Date(timeIntervalSince1970: 1_796_353_200)  // 2026-12-04 12:00 in Tokyo
        let span = try #require(dailySync().span(in: tokyo, now: now))
        #expect(span.first.description == "2026-01-01")
        #expect(span.last.description == "2026-12-03")
    }

    @Test func reimportNamesDaysImportedTwice() throws {
        let twice = LedgerCoverage(entries: [
            entry("2026-01-02", records: 10, execution: 1, at: 100),
            entry("2026-01-02", records: 10, execution: 2, at: 200),
            entry("2026-01-03", records: 5, execution: 1, at: 100),
        ])
        let plan = try ExecutionPlanner.plan(.dateRange(range("2026-01-01", "2026-01-05"), .reimportAll),
                                             for: dailySync(), span: span, coverage: twice)
        #expect(plan.repeatedImports == [Day("2026-01-02")!: 2])
        #expect(plan.repeatedImportsNote == "2026-01-02 was already imported 2 times")
    }

    @Test func coverageKeepsLatestImport() {
        let coverage = LedgerCoverage(entries: [
            entry("2026-01-02", records: 10, execution: 1, at: 100),
            entry("2026-01-02", records: 12, execution: 2, at: 200),
        ])
        #expect(coverage[Day("2026-01-02")!]?.executionID == 2)
        #expect(coverage[Day("2026-01-02")!]?.records == 12)
        #expect(coverage.importedCount(in: span) == 1)
    }
}
