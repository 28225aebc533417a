import Foundation
import SyncModel
import Testing
@testable import Console

@Suite struct PlayDialogTests {
    @Test func enterOnSync_opensTheDialog() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            #expect(fixture.render().text.contains("Run Orders to CRM of Acme Retail"))
        }
    }

    @Test func dialog_opensOnTheDefaultTab() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            #expect(fixture.render().text.contains("[Default]"))
        }
    }

    @Test func tab_switchesToSingleDate() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab)
            #expect(fixture.render().text.contains("[Single Date]"))
        }
    }

    @Test func backTab_switchesToDateRange() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.backTab)
            #expect(fixture.render().text.contains("[Date Range]"))
        }
    }

    @Test func singleDate_isPrefilledWithTheLastCompleteDay() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab)
            #expect(fixture.render().text.contains("[\(fixture.span.last)"))
        }
    }

    @Test func singleDate_executeIsDisabledUntilConfirmed() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab)
            #expect(fixture.render().roles(of: "[ Execute ]")?.allSatisfy { $0 == .buttonDisabled } == true)
        }
    }

    @Test func singleDate_showsTheConfirmCheckbox() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab)
            #expect(fixture.render().text.contains("[ ] I confirm"))
        }
    }

    @Test func singleDate_spaceChecksTheConfirmation() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab, .down, .character("j"), .character(" "))
            #expect(fixture.render().text.contains("[x] I confirm"))
        }
    }

    @Test func singleDate_confirmationEnablesExecute() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab, .down, .character("j"), .character(" "))
            #expect(fixture.render().roles(of: "[ Execute ]")?.contains(.buttonDisabled) == false)
        }
    }

    @Test func singleDate_enterOnExecuteStartsAConfirmedExecution() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab, .down, .character("j"), .character(" "), .down, .enter)
            let started = try fixture.engine.executions(.init(limit: 10))
            #expect(started.map(\.request) == [.singleDate(fixture.span.last)])
            #expect(started.first?.confirmed == true)
        }
    }

    @Test func singleDate_executeClosesTheDialogAndListsTheExecution() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab, .down, .character("j"), .character(" "), .down, .enter)
            let text = fixture.render().text
            #expect(!text.contains("Run Orders to CRM"))
            #expect(text.contains("#1  acme/orders"))
        }
    }

    @Test func snapshot_showsOnlyTheDefaultTab() throws {
        try withFixture { fixture in
            fixture.openPlayDialog(syncIndex: 1)
            let buffer = fixture.render()
            let tabRow = try #require(buffer.row(containing: "[Default]"))
            #expect(!buffer.line(tabRow).contains("Single Date"))
        }
    }

    @Test func snapshot_saysWhyItHasNoDates() throws {
        try withFixture { fixture in
            fixture.openPlayDialog(syncIndex: 1)
            #expect(fixture.render().text.contains("A snapshot sync has no days"))
        }
    }

    @Test func snapshot_tabStaysOnDefault() throws {
        try withFixture { fixture in
            fixture.openPlayDialog(syncIndex: 1)
            fixture.press(.tab)
            #expect(fixture.render().text.contains("[Default]"))
        }
    }

    @Test func impossibleDate_showsTheRejectionAsAnError() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab)
            fixture.type("2023-02-29")
            let buffer = fixture.render()
            #expect(buffer.roles(of: "is not a date")?.allSatisfy { $0 == .error } == true)
        }
    }

    @Test func impossibleDate_keepsExecuteDisabled() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab)
            fixture.type("2023-02-29")
            #expect(fixture.render().roles(of: "[ Execute ]")?.allSatisfy { $0 == .buttonDisabled } == true)
        }
    }

    @Test func dayAfterTheSpan_showsTheRejection() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab)
            fixture.type(fixture.span.last.next.description)
            #expect(fixture.render().roles(of: "is after")?.allSatisfy { $0 == .error } == true)
        }
    }

    @Test func escape_closesWithoutStartingAnything() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.escape)
            #expect(!fixture.render().text.contains("Run Orders to CRM"))
            let started = try fixture.engine.executions(.init(limit: 10))
            #expect(started.isEmpty)
        }
    }

    @Test func dateRange_previewsTheMissingDays() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.backTab)
            #expect(fixture.render().text.contains("Will import 10 days"))
        }
    }

    @Test func dateRange_reimportOfImportedDaysAsksForConfirmation() throws {
        try withFixture { fixture in
            try fixture.importAllDays()
            fixture.openPlayDialog()
            fixture.press(.backTab, .down, .down, .character("j"), .down, .character(" "))
            let text = fixture.render().text
            #expect(text.contains("Orders to CRM of Acme Retail already"))
            #expect(text.contains("[ ] I confirm"))
        }
    }

    @Test func help_listsTheDialogKeys() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.character("?"))
            let text = fixture.render().text
            #expect(PlayDialog.keyHelp.allSatisfy { text.contains($0.action) })
        }
    }

    @Test func resize_tooSmallThenBackRestoresTheDialog() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.tab)
            fixture.type("2026-0")
            fixture.app.handle(.resize(Size(columns: 20, rows: 6)))
            let small = fixture.render(columns: 20, rows: 6).text
            fixture.app.handle(.resize(Size(columns: 80, rows: 24)))
            let restored = fixture.render().text
            #expect(small.contains("too small"))
            #expect(restored.contains("[Single Date]"))
            #expect(restored.contains("[2026-0"))
        }
    }
}
