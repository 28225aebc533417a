import Foundation
import SyncModel
import SyncStore
import Testing
@testable import Console

@Suite struct MainScreenTests {
    @Test func header_namesTheProductAndOperator() throws {
        try withFixture { fixture in
            let line = fixture.render().line(0)
            #expect(line.hasPrefix("SyncDeck") && line.contains("operator alice"))
        }
    }

    @Test func clients_areListed() throws {
        try withFixture { fixture in
            #expect(fixture.render().text.contains("ÉCOLE Lyon"))
        }
    }

    @Test func filter_findsAccentedNameWithoutCase() throws {
        try withFixture { fixture in
            fixture.press(.character("/"))
            fixture.type("école")
            fixture.press(.enter)
            #expect(!fixture.render().text.contains("Acme Retail"))
        }
    }

    @Test func filter_escapeClearsIt() throws {
        try withFixture { fixture in
            fixture.press(.character("/"))
            fixture.type("école")
            fixture.press(.escape)
            #expect(fixture.render().text.contains("Acme Retail"))
        }
    }

    @Test func syncs_showCoverageOfTheSpan() throws {
        try withFixture { fixture in
            #expect(fixture.render().text.contains("0/10 days"))
        }
    }

    @Test func syncs_showCoverageAfterAnImport() throws {
        try withFixture { fixture in
            try fixture.importAllDays()
            #expect(fixture.render().text.contains("10/10 days"))
        }
    }

    @Test func syncs_markTheSnapshotSync() throws {
        try withFixture { fixture in
            #expect(fixture.render().text.contains("snapshot"))
        }
    }

    @Test func execution_showsSymbolAndLabel() throws {
        try withFixture { fixture in
            fixture.app.apply(.updated(sampleExecution(status: .finishedWithWarnings)))
            #expect(fixture.render().roles(of: "! FINISHED ⚠︎")?.allSatisfy { $0 == .finishedWithWarnings } == true)
        }
    }

    @Test func execution_showsASCIILabelWithoutUnicode() throws {
        try withFixture { fixture in
            fixture.app.apply(.updated(sampleExecution(status: .finishedWithWarnings)))
            #expect(fixture.render(unicode: false).text.contains("! FINISHED (!)"))
        }
    }

    @Test func execution_updateChangesTheStatusShown() throws {
        try withFixture { fixture in
            fixture.app.apply(.updated(sampleExecution(status: .inProgress)))
            fixture.app.apply(.updated(sampleExecution(status: .error)))
            #expect(fixture.render().text.contains("✗ ERROR"))
        }
    }

    @Test func cancel_asksFirst() throws {
        try withFixture { fixture in
            let execution = try fixture.startLongExecution()
            fixture.press(.character("e"), .character("c"))
            #expect(fixture.render().text.contains("Cancel execution #\(execution.id)"))
        }
    }

    @Test func reload_showsExecutionsOfOtherProcesses() throws {
        try withFixture { fixture in
            let store = try SQLiteStateStore(path: fixture.workspace.stateDatabaseURL.path)
            let other = try store.createExecution(ExecutionDraft(
                clientID: "acme", syncID: "orders", request: .default, operatorName: "carol", confirmed: false,
                status: .inProgress, createdAt: Date(), plannedDays: [], retryOf: nil, owner: .current))
            #expect(!fixture.render().text.contains("#\(other.id) "))

            fixture.app.reloadExecutions()

            #expect(fixture.render().text.contains("#\(other.id) "))
        }
    }

    @Test func refresh_followsAnotherProcessUntilItEnds() throws {
        try withFixture { fixture in
            let store = try SQLiteStateStore(path: fixture.workspace.stateDatabaseURL.path)
            var other = try store.createExecution(ExecutionDraft(
                clientID: "acme", syncID: "orders", request: .default, operatorName: "carol", confirmed: false,
                status: .inProgress, createdAt: Date(), plannedDays: [], retryOf: nil, owner: .current))
            fixture.app.reloadExecutions()
            #expect(fixture.app.showsRunningExecutionsOfOtherProcesses)

            other.status = .finished
            other.finishedAt = Date()
            try store.saveExecution(other)
            fixture.app.refreshRunningExecutionsOfOtherProcesses()

            #expect(fixture.render().text.contains("✓ FINISHED"))
            #expect(!fixture.app.showsRunningExecutionsOfOtherProcesses)
        }
    }

    @Test func refresh_marksADeadProcessInterrupted() throws {
        try withFixture { fixture in
            let store = try SQLiteStateStore(path: fixture.workspace.stateDatabaseURL.path)
            let owner = ExecutionOwner(host: ExecutionOwner.current.host, processID: Int32.max - 7)
            _ = try store.createExecution(ExecutionDraft(
                clientID: "acme", syncID: "orders", request: .default, operatorName: "carol", confirmed: false,
                status: .inProgress, createdAt: Date(), plannedDays: [], retryOf: nil, owner: owner))
            fixture.app.reloadExecutions()

            fixture.app.refreshRunningExecutionsOfOtherProcesses()

            #expect(fixture.render().text.contains("✗ ERROR"))
        }
    }

    @Test func cancel_ofAnotherProcessSaysWhereToCancel() throws {
        try withFixture { fixture in
            fixture.app.apply(.updated(sampleExecution(status: .inProgress)))
            fixture.press(.character("e"), .character("c"))
            #expect(fixture.render().text.contains("runs in another SyncDeck process"))
        }
    }

    @Test func cancel_noKeepsItRunning() throws {
        try withFixture { fixture in
            _ = try fixture.startLongExecution()
            fixture.press(.character("e"), .character("c"), .character("n"))
            #expect(fixture.render().text.contains("▶ IN PROGRESS"))
        }
    }

    @Test func cancel_yesShowsCanceling() throws {
        try withFixture { fixture in
            _ = try fixture.startLongExecution()
            fixture.press(.character("e"), .character("c"), .character("y"))
            #expect(fixture.render().text.contains("■ CANCELING"))
        }
    }

    @Test func help_listsTheKeysOfTheScreen() throws {
        try withFixture { fixture in
            fixture.press(.character("?"))
            let text = fixture.render().text
            #expect(MainScreen.keyHelp.allSatisfy { text.contains($0.action) })
        }
    }

    @Test func help_escapeClosesIt() throws {
        try withFixture { fixture in
            fixture.press(.character("?"), .escape)
            #expect(!fixture.render().text.contains("Help: main screen"))
        }
    }

    @Test func quit_withNothingRunningQuitsAtOnce() throws {
        try withFixture { fixture in
            fixture.press(.character("q"))
            #expect(fixture.app.wantsQuit)
        }
    }

    @Test func tooSmall_showsTheSizes() throws {
        try withFixture { fixture in
            fixture.app.handle(.resize(Size(columns: 20, rows: 6)))
            #expect(fixture.render(columns: 20, rows: 6).text.contains("too small"))
        }
    }

    @Test func ascii_drawsBoxesWithPlusAndMinus() throws {
        try withFixture { fixture in
            #expect(fixture.render(unicode: false).line(1).hasPrefix("+-"))
        }
    }
}
