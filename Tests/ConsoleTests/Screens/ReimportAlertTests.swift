import Foundation
import SyncModel
import Testing
@testable import Console

@Suite struct ReimportAlertTests {
    /// Imports the whole span, then opens Date Range with re-import everything chosen; `j`
    /// leaves the calendar, on which Down would move a week.
    private func openReimport(_ fixture: ConsoleFixture) throws {
        try fixture.importAllDays()
        fixture.openPlayDialog()
        fixture.press(.backTab, .down, .down, .character("j"), .down, .character(" "))
    }

    @Test func preview_countsTheDaysImportedBefore() throws {
        try withFixture { fixture in
            try openReimport(fixture)
            #expect(fixture.render(columns: 160, rows: 40).text.contains("10 of them were imported before (30 records)"))
        }
    }

    @Test func preview_singleNeverImportedDaySaysSo() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab)
            #expect(fixture.render().text.contains("Will import 1 day: \(fixture.span.last). It was never"))
        }
    }

    @Test func alert_namesSyncAndClient() throws {
        try withFixture { fixture in
            try openReimport(fixture)
            #expect(fixture.render().text.contains("Orders to CRM of Acme Retail already"))
        }
    }

    @Test func alert_namesTheDaysWithTheirRecords() throws {
        try withFixture { fixture in
            try openReimport(fixture)
            let text = fixture.render(columns: 120, rows: 40).text
            #expect(text.contains("\(fixture.span.first) (3 records)"))
        }
    }

    @Test func alert_sumsUpTheDaysBeyondTheLimit() throws {
        try withFixture { fixture in
            try openReimport(fixture)
            #expect(fixture.render(columns: 120, rows: 40).text.contains("and 4 more days"))
        }
    }

    @Test func alert_namesTheDaysAsRunsAt80x24() throws {
        try withFixture { fixture in
            try openReimport(fixture)
            #expect(fixture.render().text.contains("\(fixture.span.first)..\(fixture.span.last)"))
        }
    }

    @Test func alert_saysWhatTheWriteModeDoes() throws {
        try withFixture { fixture in
            try openReimport(fixture)
            let text = fixture.render().text
            #expect(text.contains("The destination appends rows, so every"))
            #expect(text.contains("I confirm"))
        }
    }

    @Test func alert_keepsTheWriteModeWithRepeatedImports() throws {
        try withFixture { fixture in
            try fixture.importAllDays()
            let again = try fixture.engine.start(clientID: "acme", syncID: "orders", request: .singleDate(fixture.span.last),
                                                 confirmed: true, operatorName: "alice")
            _ = fixture.engine.waitUntilFinished(again.id)
            fixture.openPlayDialog()
            fixture.press(.backTab, .down, .down, .character("j"), .down, .character(" "))

            let text = fixture.render().text
            #expect(text.contains("\(fixture.span.last) was already imported 2 times"))
            #expect(text.contains("gets one more copy"))
        }
    }

    @Test func alert_executeIsDisabledUntilConfirmed() throws {
        try withFixture { fixture in
            try openReimport(fixture)
            #expect(fixture.render().roles(of: "[ Execute ]")?.allSatisfy { $0 == .buttonDisabled } == true)
        }
    }

    @Test func confirmedExecute_recordsOperatorAndConfirmation() throws {
        try withFixture { fixture in
            try openReimport(fixture)
            fixture.press(.down, .character(" "), .down, .enter)
            let newest = try #require(try fixture.engine.executions(.init(limit: 1)).first)
            let stored = try #require(try fixture.engine.execution(id: newest.id))
            #expect(stored.operatorName == ConsoleFixture.operatorName)
            #expect(stored.confirmed)
            #expect(stored.request == .dateRange(fixture.span, .reimportAll))
        }
    }

    @Test func missingOnly_needsNoConfirmationAndRecordsNone() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.backTab, .down, .down, .character("j"), .down, .down, .enter)
            let newest = try #require(try fixture.engine.executions(.init(limit: 1)).first)
            let stored = try #require(try fixture.engine.execution(id: newest.id))
            #expect(!stored.confirmed)
        }
    }

    @Test func changingTheRequest_clearsTheConfirmation() throws {
        try withFixture { fixture in
            try openReimport(fixture)
            fixture.press(.down, .character(" "), .character("k"), .character("k"), .character("k"), .character("k"))
            fixture.type(fixture.span.last.adding(days: -1).description)
            #expect(fixture.render().text.contains("[ ] I confirm"))
        }
    }

    @Test func typedDate_incompleteAsksForTheRest() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab)
            fixture.type("2026-0")
            #expect(fixture.render().text.contains("Type the day as YYYY-MM-DD (2026-0 so far)."))
        }
    }
}
