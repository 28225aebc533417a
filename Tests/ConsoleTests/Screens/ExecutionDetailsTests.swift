import Foundation
import SyncModel
import Testing
@testable import Console

@Suite struct ExecutionDetailsTests {
    private func failedExecution() -> Execution {
        var execution = sampleExecution(status: .error)
        execution.warnings.add(RecordIssue(kind: .invalidValue, day: Day("2026-01-05"), location: "data/orders/2026-01-05.csv",
                                           line: 3, field: "amount", message: "\"abc\" is not a decimal"))
        execution.failure = ExecutionFailure(.configuration, "table orders has no column amount",
                                             hint: "add the column or fix the schema")
        return execution
    }

    private func openDetails(_ fixture: ConsoleFixture, _ execution: Execution) {
        fixture.app.apply(.updated(execution))
        fixture.press(.character("e"), .enter)
    }

    @Test func details_showWarningsWithPosition() throws {
        try withFixture { fixture in
            openDetails(fixture, failedExecution())
            #expect(fixture.render().text.contains("data/orders/2026-01-05.csv:3 field amount"))
        }
    }

    @Test func details_showTheFailureCategory() throws {
        try withFixture { fixture in
            openDetails(fixture, failedExecution())
            #expect(fixture.render().text.contains("configuration error"))
        }
    }

    @Test func details_showWhatToDo() throws {
        try withFixture { fixture in
            openDetails(fixture, failedExecution())
            #expect(fixture.render().text.contains("What to do: add the column"))
        }
    }

    @Test func details_showTheConfirmation() throws {
        try withFixture { fixture in
            openDetails(fixture, failedExecution())
            #expect(fixture.render().text.contains("Confirmed  yes"))
        }
    }

    @Test func log_followsNewLinesEscaped() throws {
        try withFixture { fixture in
            openDetails(fixture, sampleExecution(status: .inProgress))
            fixture.app.apply(.logged(LogLine(executionID: 7, sequence: 1, level: .info, message: "day \u{1B}[31m done")))
            #expect(fixture.render().text.contains("day \\e[31m done"))
        }
    }

    @Test func escape_goesBack() throws {
        try withFixture { fixture in
            openDetails(fixture, failedExecution())
            fixture.press(.escape)
            #expect(fixture.render().text.contains("Clients"))
        }
    }

    @Test func retry_startsTheSameRequestAgain() throws {
        try withFixture { fixture in
            let first = try fixture.engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false,
                                                 operatorName: "alice")
            fixture.engine.cancel(first.id)
            let canceled = try #require(fixture.engine.waitUntilFinished(first.id))
            openDetails(fixture, canceled)
            fixture.press(.character("r"), .character("y"))
            let newest = try fixture.engine.executions(.init(limit: 10)).first
            #expect(newest?.retryOf == first.id)
        }
    }

    @Test func details_showPerDayProgress() throws {
        try withFixture { fixture in
            openDetails(fixture, sampleExecution(status: .inProgress))
            #expect(fixture.render().text.contains("2026-01-05  ▶ running"))
        }
    }

    @Test func details_groupWarningsByKindWithCounts() throws {
        try withFixture { fixture in
            var execution = failedExecution()
            execution.warnings.add(RecordIssue(kind: .invalidValue, day: Day("2026-01-05"), location: "data/orders/2026-01-05.csv",
                                               line: 9, field: "amount", message: "\"x\" is not a decimal"))
            openDetails(fixture, execution)
            #expect(fixture.render(columns: 80, rows: 40).text.contains("\(WarningKind.invalidValue.title): 2 records"))
        }
    }

    @Test func cancel_showsCancelingUntilTheEnd() throws {
        try withFixture { fixture in
            openDetails(fixture, try fixture.startLongExecution())
            fixture.press(.character("c"), .character("y"))
            #expect(fixture.render().text.contains("■ CANCELING"))
        }
    }

    @Test func log_followsWhileAtTheBottom() throws {
        try withFixture { fixture in
            openDetails(fixture, sampleExecution(status: .inProgress))
            for sequence in 1...20 {
                fixture.app.apply(.logged(LogLine(executionID: 7, sequence: sequence, level: .info, message: "line \(sequence)")))
            }
            #expect(fixture.render().text.contains("line 20"))
        }
    }

    @Test func log_scrolledUpStaysPutAsLinesArrive() throws {
        try withFixture { fixture in
            openDetails(fixture, sampleExecution(status: .inProgress))
            for sequence in 1...20 {
                fixture.app.apply(.logged(LogLine(executionID: 7, sequence: sequence, level: .info, message: "line \(sequence)")))
            }
            fixture.press(.tab, .home)
            fixture.app.apply(.logged(LogLine(executionID: 7, sequence: 21, level: .info, message: "line 21")))
            let text = fixture.render().text
            #expect(text.contains("line 1\n") || text.contains("line 1 "))
            #expect(!text.contains("line 21"))
        }
    }

    @Test func log_endFollowsAgain() throws {
        try withFixture { fixture in
            openDetails(fixture, sampleExecution(status: .inProgress))
            for sequence in 1...20 {
                fixture.app.apply(.logged(LogLine(executionID: 7, sequence: sequence, level: .info, message: "line \(sequence)")))
            }
            fixture.press(.tab, .home, .end)
            fixture.app.apply(.logged(LogLine(executionID: 7, sequence: 21, level: .info, message: "line 21")))
            #expect(fixture.render().text.contains("line 21"))
        }
    }

    @Test func help_listsTheDetailsKeys() throws {
        try withFixture { fixture in
            openDetails(fixture, failedExecution())
            fixture.press(.character("?"))
            let text = fixture.render().text
            #expect(ExecutionDetailsScreen.keyHelp.allSatisfy { text.contains($0.action) })
        }
    }
}
