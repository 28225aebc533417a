import Foundation
import SyncModel
import Testing
@testable import Console

/// Resizes at any moment, with a dialog, an alert or an overlay open: the state survives, every
/// frame is well formed, and the too-small view always names the size needed.
@Suite struct TerminalResizeTests {
    // MARK: - Fixtures

    /// What is open on top of the main screen while the terminal is resized.
    enum OpenState: String, CaseIterable, CustomTestStringConvertible {
        case overlapAlert, helpOverDialog, details

        var testDescription: String { rawValue }

        /// Drives `fixture` into this state.
        func open(in fixture: ConsoleFixture) throws {
            switch self {
            case .overlapAlert:
                try fixture.importAllDays()
                fixture.openPlayDialog()
                fixture.press(.tab, .down, .character("j"), .character(" "))
            case .helpOverDialog:
                fixture.openPlayDialog()
                fixture.press(.character("?"))
            case .details:
                try fixture.importAllDays()
                fixture.press(.character("e"), .enter)
            }
        }
    }

    /// A seeded generator of sizes, so a failure replays the same sizes.
    struct SeededSizes {
        private var random: SplitMix64

        init(seed: UInt64) {
            random = SplitMix64(seed: seed)
        }

        mutating func next(maximum: Size) -> Size {
            Size(columns: Int(random.next() % UInt64(maximum.columns + 1)), rows: Int(random.next() % UInt64(maximum.rows + 1)))
        }
    }

    /// The problems of a frame: a continuation cell not after a wide character, or a wide
    /// character without its continuation, which would shift the rest of the row on a terminal.
    static func malformedCells(_ buffer: ScreenBuffer) -> [String] {
        var problems: [String] = []
        for row in 0..<buffer.size.rows {
            for column in 0..<buffer.size.columns {
                let cell = buffer[column, row]
                if cell.isContinuation {
                    let left = buffer[column - 1, row]
                    if column == 0 || left.isContinuation || DisplayWidth.of(left.text) != 2 {
                        problems.append("stray continuation at \(column),\(row)")
                    }
                } else if DisplayWidth.of(cell.text) == 2, !buffer[column + 1, row].isContinuation || column + 1 >= buffer.size.columns {
                    problems.append("wide character without its second cell at \(column),\(row)")
                }
            }
        }
        return problems
    }

    // MARK: - Random resizes

    @Test(arguments: OpenState.allCases)
    func randomResizes_keepStateAndFrames(state: OpenState) throws {
        try withFixture { fixture in
            try state.open(in: fixture)
            let before = fixture.render().text
            var sizes = SeededSizes(seed: 20_260_105)
            var problems: [String] = []

            for step in 0..<150 {
                let size = sizes.next(maximum: Size(columns: 200, rows: 60))
                fixture.app.handle(.resize(size))
                let frame = fixture.app.render(size: size, unicode: step % 2 == 0)
                if frame.size != size {
                    problems.append("step \(step): frame is \(frame.size) for \(size)")
                }
                problems += TerminalResizeTests.malformedCells(frame).prefix(1).map { "step \(step) at \(size): \($0)" }
                let fits = TooSmallView.fits(size, fixture.app.minimumSize)
                if !fits, size.columns >= 10, size.rows >= 3, !frame.text.contains("80x24"),
                   !frame.text.contains("\(fixture.app.minimumSize.columns)x\(fixture.app.minimumSize.rows)") {
                    problems.append("step \(step): the too-small view at \(size) does not name the size needed")
                }
            }
            fixture.app.handle(.resize(Size(columns: 80, rows: 24)))

            #expect(problems == [])
            #expect(fixture.render().text == before)
        }
    }

    @Test func overlapAlert_survivesTheIssueSequence() throws {
        try withFixture { fixture in
            try OpenState.overlapAlert.open(in: fixture)
            let before = fixture.render(columns: 120, rows: 40).text
            var frames: [String] = []
            for size in [Size(columns: 20, rows: 6), Size(columns: 10, rows: 3), Size(columns: 120, rows: 40)] {
                fixture.app.handle(.resize(size))
                frames.append(fixture.app.render(size: size, unicode: true).text)
            }

            #expect(frames[0].contains("needs 80x24"))
            #expect(frames[1].contains("80x24"))
            #expect(frames[2] == before)
        }
    }

    @Test func overlapAlert_keepsTheConfirmation() throws {
        try withFixture { fixture in
            try OpenState.overlapAlert.open(in: fixture)
            fixture.app.handle(.resize(Size(columns: 10, rows: 3)))
            fixture.app.handle(.resize(Size(columns: 80, rows: 24)))

            #expect(fixture.render().text.contains("[x] I confirm"))
        }
    }

    @Test func wideFrames_useTheRoom() throws {
        try withFixture { fixture in
            let narrow = fixture.render(columns: 80, rows: 24)
            let wide = fixture.render(columns: 160, rows: 50)

            #expect(wide.line(1).trimmingCharacters(in: .whitespaces).count > narrow.line(1).trimmingCharacters(in: .whitespaces).count)
        }
    }

    // MARK: - Too-small view

    @Test(arguments: [(79, 24), (40, 6), (20, 6), (12, 2), (10, 3)])
    func tooSmall_namesTheSizeNeeded(columns: Int, rows: Int) {
        var buffer = ScreenBuffer(size: Size(columns: columns, rows: rows))
        TooSmallView.draw(&buffer, needs: Size(columns: 80, rows: 24))
        #expect(buffer.text.contains("80x24"))
    }

    @Test func tooSmall_saysTooSmallAt10x3() {
        var buffer = ScreenBuffer(size: Size(columns: 10, rows: 3))
        TooSmallView.draw(&buffer, needs: Size(columns: 80, rows: 24))
        #expect(buffer.text.lowercased().contains("too small"))
    }

    @Test func tooSmall_emptyTerminal_drawsNothing() {
        var buffer = ScreenBuffer(size: Size(columns: 0, rows: 0))
        TooSmallView.draw(&buffer, needs: Size(columns: 80, rows: 24))
        #expect(buffer.cells.isEmpty)
    }
}
