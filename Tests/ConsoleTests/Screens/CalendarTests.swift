import Foundation
import SyncModel
import Testing
@testable import Console

@Suite struct CalendarTests {
    /// Opens Single Date with the calendar focused; the cursor is on the span's last day.
    private func openSingleDateCalendar(_ fixture: ConsoleFixture) {
        fixture.openPlayDialog()
        fixture.press(.tab, .down)
    }

    /// Opens Date Range with the calendar focused; the cursor is on the span's last day.
    private func openDateRangeCalendar(_ fixture: ConsoleFixture) {
        fixture.openPlayDialog()
        fixture.press(.backTab, .down, .down)
    }

    @Test func left_movesADay() throws {
        try withFixture { fixture in
            openSingleDateCalendar(fixture)
            fixture.press(.left)
            #expect(fixture.render().text.contains("[\(fixture.span.last.adding(days: -1))"))
        }
    }

    @Test func up_movesAWeek() throws {
        try withFixture { fixture in
            openSingleDateCalendar(fixture)
            fixture.press(.up)
            #expect(fixture.render().text.contains("[\(fixture.span.last.adding(days: -7))"))
        }
    }

    @Test func down_movesAWeekBack() throws {
        try withFixture { fixture in
            openSingleDateCalendar(fixture)
            fixture.press(.up, .down)
            #expect(fixture.render().text.contains("[\(fixture.span.last)"))
        }
    }

    @Test func pageUp_stopsAtTheFirstDayOfTheSpan() throws {
        try withFixture { fixture in
            openSingleDateCalendar(fixture)
            fixture.press(.pageUp)
            #expect(fixture.render().text.contains("[\(fixture.span.first)"))
        }
    }

    @Test func pageDown_cannotLeaveTheSpan() throws {
        try withFixture { fixture in
            openSingleDateCalendar(fixture)
            fixture.press(.pageDown, .right)
            #expect(fixture.render().text.contains("[\(fixture.span.last)"))
        }
    }

    @Test func pageUp_showsTheMonthOfTheDay() throws {
        try withFixture { fixture in
            openSingleDateCalendar(fixture)
            fixture.press(.pageUp)
            let first = fixture.span.first
            #expect(fixture.render().text.contains("\(Day.monthName(first.month)) \(first.year)"))
        }
    }

    @Test func typedDate_movesTheCalendar() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab)
            fixture.type(fixture.span.first.description)
            fixture.press(.down, .right)
            #expect(fixture.render().text.contains("[\(fixture.span.first.next)"))
        }
    }

    @Test func enter_keepsTheDayAndMovesOn() throws {
        try withFixture { fixture in
            openSingleDateCalendar(fixture)
            fixture.press(.left, .enter)
            #expect(fixture.render().text.contains("›[ ] I confirm"))
        }
    }

    @Test func marks_missingDays() throws {
        try withFixture { fixture in
            openSingleDateCalendar(fixture)
            #expect(fixture.render().text.contains("\(fixture.span.last.day)·"))
        }
    }

    @Test func marks_importedDays() throws {
        try withFixture { fixture in
            try fixture.importAllDays()
            openSingleDateCalendar(fixture)
            #expect(fixture.render().text.contains("\(fixture.span.last.day)■"))
        }
    }

    @Test func marks_failedDayOfTheLatestExecution() throws {
        try withFixture { fixture in
            let failing = fixture.span.last
            try FileManager.default.removeItem(at: fixture.folder.appendingPathComponent("data/orders/\(failing).csv"))
            try fixture.importAllDays()
            openSingleDateCalendar(fixture)
            #expect(fixture.render().text.contains("\(failing.day)✗"))
        }
    }

    @Test func marks_runningDayOfARunningExecution() throws {
        try withFixture { fixture in
            let running = fixture.span.last.adding(days: -1)
            openSingleDateCalendar(fixture)
            fixture.app.apply(.updated(sampleExecution(status: .inProgress, day: running)))
            #expect(fixture.render().text.contains("\(running.day)▶"))
        }
    }

    @Test func legend_readsWithoutColorOrUnicode() throws {
        try withFixture { fixture in
            openSingleDateCalendar(fixture)
            let text = fixture.render(unicode: false).text
            #expect(text.contains("# imported  . missing"))
            #expect(text.contains("> running   x failed"))
        }
    }

    @Test func dialog_showsTheTimeZone() throws {
        try withFixture { fixture in
            openSingleDateCalendar(fixture)
            #expect(fixture.render().text.contains("time zone Europe/Paris"))
        }
    }

    @Test func dateRange_enterPicksFirstThenLast() throws {
        try withFixture { fixture in
            openDateRangeCalendar(fixture)
            fixture.press(.left, .left, .enter, .left, .enter)
            let text = fixture.render().text
            let last = fixture.span.last
            #expect(text.contains("First day [\(last.adding(days: -3))"))
            #expect(text.contains("Last day  [\(last.adding(days: -2))"))
        }
    }

    @Test func dateRange_secondPickMovesToTheMode() throws {
        try withFixture { fixture in
            openDateRangeCalendar(fixture)
            fixture.press(.enter, .left, .enter)
            #expect(fixture.render().text.contains("›(•) only missing data"))
        }
    }

    @Test func dateRange_previewFollowsThePick() throws {
        try withFixture { fixture in
            openDateRangeCalendar(fixture)
            fixture.press(.enter, .left, .enter)
            #expect(fixture.render().text.contains("Will import 2 days"))
        }
    }

    @Test func shortDay_isMarkedInNewYork() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let march = try #require(Day("2026-03-01"))
        let end = try #require(Day("2026-03-31"))
        let span = try #require(DayRange(march, end))
        var buffer = ScreenBuffer(size: Size(columns: MonthCalendar.width, rows: MonthCalendar.height))
        MonthCalendar.draw(&buffer, column: 0, row: 0, month: march, marks: CalendarMarks(span: span, imported: [], timeZone: newYork),
                           chosen: nil, highlighted: nil, focused: false, unicode: true)
        #expect(buffer.text.contains(" 8·*"))
    }

    @Test func longDay_isMarkedInNewYork() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let november = try #require(Day("2026-11-01"))
        let end = try #require(Day("2026-11-30"))
        let span = try #require(DayRange(november, end))
        var buffer = ScreenBuffer(size: Size(columns: MonthCalendar.width, rows: MonthCalendar.height))
        MonthCalendar.draw(&buffer, column: 0, row: 0, month: november, marks: CalendarMarks(span: span, imported: [], timeZone: newYork),
                           chosen: nil, highlighted: nil, focused: false, unicode: true)
        #expect(buffer.text.contains(" 1·*") && !buffer.text.contains(" 2·*"))
    }
}
