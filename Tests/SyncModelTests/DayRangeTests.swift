import Testing
@testable import SyncModel

@Suite struct DayRangeTests {
    @Test func rangeIsInclusive() throws {
        let range = try #require(DayRange(Day("2026-01-01")!, Day("2026-01-03")!))
        #expect(range.count == 3)
        #expect(Array(range).map(\.description) == ["2026-01-01", "2026-01-02", "2026-01-03"])
    }

    @Test func rangeAcrossYearEnd() throws {
        let range = try #require(DayRange(Day("2025-12-30")!, Day("2026-01-02")!))
        #expect(range.count == 4)
        #expect(range.contains(Day("2025-12-31")!))
        #expect(range.contains(Day("2026-01-01")!))
        #expect(!range.contains(Day("2026-01-03")!))
    }

    @Test func rangeOverLeapDay() throws {
        let range = try #require(DayRange(Day("2024-02-28")!, Day("2024-03-01")!))
        #expect(range.count == 3)
    }

    @Test func endBeforeStartIsNil() {
        #expect(DayRange(Day("2026-01-02")!, Day("2026-01-01")!) == nil)
    }

    @Test func plannerRejectsEndBeforeStart() {
        #expect {
            try ExecutionPlanner.range(from: Day("2026-01-05")!, to: Day("2026-01-01")!)
        } throws: { error in
            let rejection = error as? RequestRejection
            return rejection?.reason == .endBeforeStart
                && rejection?.message.contains("2026-01-01") == true
                && rejection?.message.contains("2026-01-05") == true
        }
    }

    @Test func singleDayRange() {
        let range = DayRange(single: Day("2026-01-01")!)
        #expect(range.count == 1)
        #expect(range.description == "2026-01-01")
    }
}
