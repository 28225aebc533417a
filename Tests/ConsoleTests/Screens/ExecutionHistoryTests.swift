import Foundation
import SyncModel
import SyncStore
import Testing
@testable import Console

/// The executions list over a real state database holding 100,000 executions.
@Suite struct ExecutionHistoryTests {
    static let historySize = 100_000

    /// Stores the history with the store's bulk insert, then opens a fresh console on it.
    ///
    /// Statuses cycle through the seven; every 1000th execution is run by `ÉCOLE`.
    private func withHistory(_ body: (ConsoleFixture, ConsoleApp) throws -> Void) throws {
        try withFixture { fixture in
            let store = try SQLiteStateStore(path: fixture.workspace.stateDatabaseURL.path)
            let statuses: [ExecutionStatus] = [.finished, .finishedWithWarnings, .error, .canceled, .finished, .finished, .finished]
            let drafts = (1...Self.historySize).map { index in
                ExecutionDraft(clientID: "acme", syncID: "orders", request: .default,
                               operatorName: index.isMultiple(of: 1000) ? "ÉCOLE" : "bob", confirmed: false,
                               status: statuses[index % statuses.count], createdAt: Date(), plannedDays: [], retryOf: nil,
                               owner: .current)
            }
            _ = try store.createExecutions(drafts)
            let app = ConsoleApp(engine: fixture.engine, operatorName: "alice")
            try body(fixture, app)
        }
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
        try withHistory { fixture, app in
            let started = try fixture.engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false,
                                                   operatorName: "alice")
            app.apply(.updated(started))
            press(app, .character("e"))
            let buffer = app.render(size: Size(columns: 80, rows: 24), unicode: true)
            #expect(selectedRow(buffer)?.hasPrefix("│#\(started.id) ") == true)
        }
    }

    @Test func details_openForAnExecutionPagedFromHistory() throws {
        try withHistory { _, app in
            press(app, .character("e"), .end, .enter)
            #expect(app.render(size: Size(columns: 80, rows: 24), unicode: true).line(0).contains("execution #1 "))
        }
    }
}
