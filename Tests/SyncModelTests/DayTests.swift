import Foundation
import Testing
@testable import SyncModel

@Suite struct DayTests {
    @Test func parsesLeapDay2024() throws {
        let day = try #require(Day("2024-02-29"))
        #expect(day.year == 2024)
        #expect(day.month == 2)
        #expect(day.day == 29)
        #expect(day.description == "2024-02-29")
    }

    @Test func rejectsLeapDayOf2023() {
        #expect(Day("2023-02-29") == nil)
    }

    @Test func rejectsMalformedText() {
        for text in ["2026-1-05", "20260105", "2026/01/05", "2026-00-10", "2026-13-01", "2026-04-31", "", "abcd-ef-gh", "2026-01-05 "] {
            #expect(Day(text) == nil, "\(text) should not parse")
        }
    }

    @Test func parseExplainsImpossibleDate() {
        #expect {
            try Day.parse("2023-02-29")
        } throws: { error in
            let rejection = error as? RequestRejection
            return rejection?.reason == .invalidDay && rejection?.message.contains("February 2023 has 28 days") == true
        }
    }

    @Test func parseExplainsUnknownMonth() {
        #expect {
            try Day.parse("2026-13-01")
        } throws: { error in
            (error as? RequestRejection)?.message.contains("no month 13") == true
        }
    }

    @Test func parseExplainsWrongForm() {
        #expect {
            try Day.parse("yesterday")
        } throws: { error in
            (error as? RequestRejection)?.message.contains("YYYY-MM-DD") == true
        }
    }

    @Test func arithmeticCrossesYearEnd() throws {
        let day = try #require(Day("2025-12-31"))
        #expect(day.next.description == "2026-01-01")
        #expect(day.next.previous == day)
        #expect(day.adding(days: 366).description == "2027-01-01")
    }

    @Test func ordinalOfEpochIsZero() throws {
        #expect(try #require(Day("1970-01-01")).ordinal == 0)
        #expect(try #require(Day("1969-12-31")).ordinal == -1)
    }

    @Test func roundTripsEveryDayOfFourHundredYears() {
        var day = Day(year: 1900, month: 1, day: 1)!
        let end = Day(year: 2300, month: 1, day: 1)!
        while day < end {
            #expect(Day(day.description) == day)
            day = day.next
        }
    }

    @Test func weekdayOfKnownDates() throws {
        #expect(try #require(Day("2026-12-04")).weekday == 5)
        #expect(try #require(Day("2024-02-29")).weekday == 4)
    }

    @Test func addingMonthsClampsToMonthEnd() throws {
        let day = try #require(Day("2024-01-31"))
        #expect(day.adding(months: 1).description == "2024-02-29")
        #expect(day.adding(months: -2).description == "2023-11-30")
        #expect(day.adding(months: 12).description == "2025-01-31")
    }

    @Test func codableUsesText() throws {
        let data = try JSONEncoder().encode([Day("2026-01-05")!])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-01-05\"]")
        #expect(try JSONDecoder().decode([Day].self, from: data) == [Day("2026-01-05")!])
    }
}

@Suite struct DayTimeZoneTests {
    let newYork = TimeZone(identifier: "America/New_York")!

    @Test func springForwardDayHas23Hours() throws {
        #expect(try #require(Day("2024-03-10")).hours(in: newYork) == 23)
    }

    @Test func fallBackDayHas25Hours() throws {
        #expect(try #require(Day("2024-11-03")).hours(in: newYork) == 25)
    }

    @Test func ordinaryDayHas24Hours() throws {
        #expect(try #require(Day("2024-02-29")).hours(in: newYork) == 24)
    }

    @Test func lastCompleteDayDependsOnTimeZone() throws {
        // 2026-12-04T03:00Z is still 2026-12-03 in New York but already 2026-12-04 in Tokyo.
        let instant = Date(timeIntervalSince1970: 1_796_353_200)
        #expect(Day.containing(instant, in: TimeZone(identifier: "UTC")!).description == "2026-12-04")
        #expect(Day.lastComplete(in: newYork, now: instant).description == "2026-12-02")
        #expect(Day.lastComplete(in: TimeZone(identifier: "Asia/Tokyo")!, now: instant).description == "2026-12-03")
    }
}
