import Foundation
import SyncModel
import SyncStore
import Testing
@testable import Console

/// One fixture whose state database holds 100,000 executions, stored once with the store's bulk
/// insert and shared by the tests of the history, which only read it; removed at exit.
private enum SharedHistory {
    static let historySize = 100_000

    static let fixture: Result<ConsoleFixture, Error> = Result {
        let fixture = try ConsoleFixture()
        let store = try SQLiteStateStore(path: fixture.workspace.stateDatabaseURL.path)
        let statuses: [ExecutionStatus] = [.finished, .finishedWithWarnings, .error, .canceled, .finished, .finished, .finished]
        let drafts = (1...historySize).map { index in
            ExecutionDraft(clientID: "acme", syncID: "orders", request: .default,
                           operatorName: index.isMultiple(of: 1000) ? "ÉCOLE" : "bob", confirmed: false,
                           status: statuses[index % statuses.count], createdAt: Date(), plannedDays: [], retryOf: nil,
                           owner: .current)
        }
        _ = try store.createExecutions(drafts)
        atexit { SharedHistory.removeFolder() }
        return fixture
    }

    static func removeFolder() {
        if case .success(let fixture) = fixture {
            try? FileManager.default.removeItem(at: fixture.folder)
        }
    }
}

/// The executions list over a real state database holding 100,000 executions.
@Suite struct ExecutionHistoryTests {
    /// Opens a fresh console on the shared history.
    ///
    /// Statuses cycle through four kinds; every 1000th execution is run by `ÉCOLE`.
    private func withHistory(_ body: (ConsoleFixture, ConsoleApp) throws -> Void) throws {
        let fixture = try SharedHistory.fixture.get()
        try body(fixture, ConsoleApp(engine: fixture.engine, operatorName: "alice"))
    }

    private func press(_ app: ConsoleApp, _ keys: Key...) {
        for key in keys {
            app.handle(.key(key))
        }
    }

    private func selectedRow(_ buffer: ScreenBuffer) -> String? {
        (0..<buffer.size.rows).first { row in
            buffer.line(row).hasPrefix("│#") && buffer[1, row].role == .focusSelection
        }.map { buffer.line($0) }
    }

    @Test func list_showsTheNewestFirst() throws {
        try withHistory { _, app in
            press(app, .character("e"))
            let buffer = app.render(size: Size(columns: 80, rows: 24), unicode: true)
            #expect(selectedRow(buffer)?.hasPrefix("│#100000 ") == true)
        }
    }

    @Test func end_reachesTheOldest() throws {
        try withHistory { _, app in
            press(app, .character("e"), .end)
            let buffer = app.render(size: Size(columns: 80, rows: 24), unicode: true)
            #expect(selectedRow(buffer)?.hasPrefix("│#1 ") == true)
        }
    }

    @Test func pageDown_readsPagesPastTheWindow() throws {
        try withHistory { _, app in
            press(app, .character("e"))
            for _ in 0..<300 {
                press(app, .pageDown)
            }
            let buffer = app.render(size: Size(columns: 80, rows: 24), unicode: true)
            #expect(selectedRow(buffer)?.hasPrefix("│#97000 ") == true)
        }
    }

    @Test func up_fromTheOldestReadsNewerPages() throws {
        try withHistory { _, app in
            press(app, .character("e"), .end)
            for _ in 0..<30 {
                press(app, .pageUp)
            }
            let buffer = app.render(size: Size(columns: 80, rows: 24), unicode: true)
            #expect(selectedRow(buffer)?.hasPrefix("│#301 ") == true)
        }
    }

    @Test func window_staysBounded() throws {
        try withHistory { _, app in
            press(app, .character("e"))
            for _ in 0..<300 {
                press(app, .pageDown)
            }
            #expect(app.main.executionList.rows.count <= ExecutionsList.windowLimit)
        }
    }

    @Test func statusFilter_showsOnlyErrors() throws {
        try withHistory { _, app in
            press(app, .character("e"), .character("s"), .character("s"), .character("s"), .character("s"))
            let buffer = app.render(size: Size(columns: 80, rows: 24), unicode: true)
            let rows = (0..<buffer.size.rows).map(buffer.line).filter { $0.hasPrefix("│#") }
            #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("✗ ERROR") })
        }
    }

    @Test func statusFilter_isNamedInTheTitle() throws {
        try withHistory { _, app in
            press(app, .character("e"), .character("s"), .character("s"), .character("s"), .character("s"))
            #expect(app.render(size: Size(columns: 80, rows: 24), unicode: true).text.contains("status: ERROR"))
        }
    }

    @Test func textFilter_findsAccentedOperatorWithoutCase() throws {
        try withHistory { _, app in
            press(app, .character("e"), .character("/"))
            for character in "école" {
                press(app, .character(character))
            }
            press(app, .enter)
            #expect(app.render(size: Size(columns: 80, rows: 24), unicode: true).text.contains("Executions (100, newest first)"))
        }
    }

    @Test func textFilter_thenEndReachesTheOldestMatch() throws {
        try withHistory { _, app in
            press(app, .character("e"), .character("/"))
            for character in "école" {
                press(app, .character(character))
            }
            press(app, .enter, .end)
            let buffer = app.render(size: Size(columns: 80, rows: 24), unicode: true)
            #expect(selectedRow(buffer)?.hasPrefix("│#1000 ") == true)
        }
    }

    @Test func escape_clearsBothFilters() throws {
        try withHistory { _, app in
            press(app, .character("e"), .character("s"), .character("/"), .character("x"), .enter, .escape)
            #expect(app.render(size: Size(columns: 80, rows: 24), unicode: true).text.contains("Executions (200+, newest first)"))
        }
    }

    @Test func newExecution_arrivesOnTop() throws {
        try withFixture { fixture in
            try fixture.importAllDays()
            let started = try fixture.engine.start(clientID: "acme", syncID: "orders", request: .singleDate(fixture.span.last),
                                                   confirmed: true, operatorName: "alice")
            fixture.app.apply(.updated(started))
            fixture.press(.character("e"))
            #expect(selectedRow(fixture.render())?.hasPrefix("│#\(started.id) ") == true)
        }
    }

    @Test func details_openForAnExecutionPagedFromHistory() throws {
        try withHistory { _, app in
            press(app, .character("e"), .end, .enter)
            #expect(app.render(size: Size(columns: 80, rows: 24), unicode: true).line(0).contains("execution #1 "))
        }
    }
}
