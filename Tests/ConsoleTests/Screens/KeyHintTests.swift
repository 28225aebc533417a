import Foundation
import SyncModel
import Testing
@testable import Console

/// The status line's key hints fit 79 columns (terminals keep the last cell free), on every
/// screen and with every focus.
@Suite struct KeyHintTests {
    private func lastLine(_ fixture: ConsoleFixture) -> String {
        var line = fixture.render().line(23)
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    @Test func mainScreen_hintsEndWithQuitInEveryPane() throws {
        try withFixture { fixture in
            var lines: [String] = []
            for keys in [[], [Key.right], [Key.character("e")]] {
                fixture.press(keys: keys)
                lines.append(lastLine(fixture))
            }
            #expect(lines.allSatisfy { $0.hasSuffix("q quit") && DisplayWidth.of($0) <= 79 })
        }
    }

    @Test func playDialog_hintsEndWithHelpOnEveryControl() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.backTab)
            var lines: [String] = []
            for _ in 0..<8 {
                lines.append(lastLine(fixture))
                fixture.press(.character("j"))
            }
            #expect(lines.allSatisfy { $0.hasSuffix("? help") && DisplayWidth.of($0) <= 79 })
        }
    }

    @Test func help_listsTheCalendarKeys() throws {
        try withFixture { fixture in
            fixture.openPlayDialog()
            fixture.press(.character("?"))
            #expect(fixture.render().text.contains("calendar: previous / next week"))
        }
    }

    @Test func help_listsTheStatusFilterKey() throws {
        try withFixture { fixture in
            fixture.press(.character("?"))
            #expect(fixture.render().text.contains("executions: show the next status filter"))
        }
    }
}

extension ConsoleFixture {
    func press(keys: [Key]) {
        for key in keys {
            app.handle(.key(key))
        }
    }
}
