import Foundation
import Testing
@testable import SyncModel

@Suite struct StatusTests {
    @Test func finalStatuses() {
        let final = ExecutionStatus.allCases.filter(\.isFinal)
        #expect(Set(final) == [.finished, .finishedWithWarnings, .error, .canceled])
    }

    @Test func warningLabelHasAsciiForm() {
        #expect(ExecutionStatus.finishedWithWarnings.label() == "FINISHED ⚠︎")
        #expect(ExecutionStatus.finishedWithWarnings.label(unicode: false) == "FINISHED (!)")
    }

    @Test func jsonNamesAreStable() {
        #expect(ExecutionStatus.allCases.map(\.jsonName) ==
                ["QUEUED", "IN_PROGRESS", "CANCELING", "FINISHED", "FINISHED_WITH_WARNINGS", "ERROR", "CANCELED"])
    }

    @Test func escapingMakesControlsVisible() {
        #expect("a\u{1B}]0;pwned\u{07}b".escapingControlCharacters == "a\\e]0;pwned\\u{7}b")
        #expect("line\nnext\tcol".escapingControlCharacters == "line\\nnext\\tcol")
        #expect("école ÉCOLE 東京 🙂".escapingControlCharacters == "école ÉCOLE 東京 🙂")
        #expect("\u{9B}31m".escapingControlCharacters == "\\u{9B}31m")
    }

    @Test func warningSummaryKeepsFirstExamples() {
        var warnings: [WarningSummary] = []
        for line in 1...8 {
            warnings.add(RecordIssue(kind: .invalidValue, day: nil, location: "a.csv", line: line, field: "id", message: "bad"))
        }
        warnings.add(RecordIssue(kind: .inconsistentRow, day: nil, location: "a.csv", line: 9, field: nil, message: "ragged"))
        #expect(warnings.count == 2)
        #expect(warnings[0].count == 8)
        #expect(warnings[0].examples.count == WarningSummary.exampleLimit)
        #expect(warnings[0].examples.first?.line == 1)
        #expect(warnings[1].count == 1)
    }

    @Test func requestRoundTripsThroughJSON() throws {
        let requests: [ExecutionRequest] = [
            .default,
            .singleDate(Day("2024-02-29")!),
            .dateRange(DayRange(Day("2025-12-30")!, Day("2026-01-02")!)!, .reimportAll),
        ]
        for request in requests {
            let data = try JSONEncoder().encode(request)
            #expect(try JSONDecoder().decode(ExecutionRequest.self, from: data) == request)
        }
    }
}
