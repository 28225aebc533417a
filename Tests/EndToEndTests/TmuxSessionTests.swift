import Foundation
import Testing

/// The tmux harness itself, on plain shell commands, so that end-to-end failures point at the
/// console rather than at the harness.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct TmuxSessionTests {
    @Test func waitFor_seesOutput() async throws {
        let session = try TmuxSession(command: ["sh", "-c", "printf 'hello from the pane\\n'; sleep 30"])
        defer { session.kill() }

        try await session.waitFor("hello from the pane")
    }

    @Test func sendKeys_reachCommand() async throws {
        let session = try TmuxSession(command: ["cat"])
        defer { session.kill() }

        try session.type("typed line")
        try session.sendKeys("Enter")

        let screen = try await session.waitUntil("cat echoes the line") { $0.components(separatedBy: "typed line").count == 3 }
        #expect(screen.hasPrefix("typed line\ntyped line"))
    }

    @Test func paneSize_isRequested() async throws {
        let session = try TmuxSession(command: ["sleep", "30"])
        defer { session.kill() }

        #expect(try session.format("#{pane_width}x#{pane_height}") == "80x24")
    }

    @Test func resize_reachesCommand() async throws {
        let session = try TmuxSession(command: ["sh", "-c", "read line; stty size; sleep 30"])
        defer { session.kill() }

        try session.resize(columns: 100, rows: 30)
        try session.sendKeys("Enter")

        try await session.waitFor("30 100")
    }

    @Test func environment_isSetAndUnset() async throws {
        let session = try TmuxSession(
            command: ["sh", "-c", "echo \"[$SAMPLE] [${NO_COLOR-unset}] [$TERM]\"; sleep 30"],
            environment: ["SAMPLE": "a value"])
        defer { session.kill() }

        try await session.waitFor("[a value] [unset] [tmux-256color]")
    }

    @Test func waitForExit_returnsStatus() async throws {
        let session = try TmuxSession(command: ["sh", "-c", "echo leaving; exit 3"])
        defer { session.kill() }

        #expect(try await session.waitForExit() == 3)
        #expect(try session.capture().contains("leaving"))
    }

    @Test func waitFor_timesOut() async throws {
        let session = try TmuxSession(command: ["sh", "-c", "echo something else; sleep 30"])
        defer { session.kill() }

        let error = await #expect(throws: TmuxError.self) {
            try await session.waitFor("never shown", timeout: .milliseconds(300))
        }
        #expect(error?.description.contains("never shown") == true)
    }

    @Test func captureEscapes_showColors() async throws {
        let session = try TmuxSession(command: ["sh", "-c", "printf '\\033[31mred\\033[0m \\033[1mbold\\033[0m\\n'; sleep 30"])
        defer { session.kill() }

        let screen = try await session.waitFor("red", escapes: true)
        #expect(ColorSequences.find(in: screen) == ["ESC[31m"])
    }

    @Test func titleSequence_changesPaneTitle() async throws {
        // The control for the console's title test: tmux does obey a raw title sequence.
        let session = try TmuxSession(command: ["sh", "-c", "printf '\\033]2;set-by-test\\007'; echo done; sleep 30"])
        defer { session.kill() }
        try await session.waitFor("done")

        #expect(try session.format("#{pane_title}") == "set-by-test")
    }

    @Test func writeToTerminal_showsText() async throws {
        let session = try TmuxSession(command: ["sleep", "30"])
        defer { session.kill() }

        try session.writeToTerminal("written behind")

        try await session.waitFor("written behind")
    }

    @Test func kill_stopsServer() async throws {
        let session = try TmuxSession(command: ["sleep", "30"])
        session.kill()

        #expect(throws: TmuxError.self) { try session.capture() }
    }

    @Test func workspace_writesFiles() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }

        let json = try Data(contentsOf: workspace.folder.appendingPathComponent("workspace.json"))
        #expect(try JSONSerialization.jsonObject(with: json) is [String: Any])
        for day in TestWorkspace.days {
            #expect(FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("data/orders/\(day).csv").path))
        }
    }
}

struct ColorSequencesTests {
    @Test func basicAndBright_found() {
        #expect(ColorSequences.find(in: "\u{1B}[1;31mx\u{1B}[0m \u{1B}[97my") == ["ESC[1;31m", "ESC[97m"])
    }

    @Test func palette_found() {
        #expect(ColorSequences.find(in: "\u{1B}[38;5;244mx \u{1B}[48:5:236my") == ["ESC[38;5;244m", "ESC[48:5:236m"])
    }

    @Test func palette_detected() {
        #expect(ColorSequences.usePalette(["ESC[38;5;244m"]))
    }

    @Test func bright_detected() {
        #expect(ColorSequences.useBrightColors(["ESC[1;96m"]))
    }

    @Test func paletteIndex_isNotBright() {
        #expect(!ColorSequences.useBrightColors(["ESC[38;5;97m"]))
    }

    @Test func background_setThenReset_isNotSet() {
        #expect(!ColorSequences.backgroundIsSet(atEndOf: "\u{1B}[48;5;25mx\u{1B}[96m\u{1B}[49m "))
    }

    @Test func background_set_isSet() {
        #expect(ColorSequences.backgroundIsSet(atEndOf: "\u{1B}[0m\u{1B}[39m\u{1B}[48;5;238m "))
    }

    @Test func attributesAndDefaults_ignored() {
        #expect(ColorSequences.find(in: "\u{1B}[1m\u{1B}[7mx\u{1B}[0m\u{1B}[39m\u{1B}[49m\u{1B}[2J").isEmpty)
    }
}
