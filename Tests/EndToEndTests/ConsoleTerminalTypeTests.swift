import Foundation
import Testing

/// The real console under each terminal type an operator meets over SSH, and the colors it uses
/// on each: the 256-color palette, 16 colors, 8 colors or attributes only.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
       .enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct ConsoleTerminalTypeTests {
    /// Starts the console with `TERM` set to `term` and returns its first full screen, with the
    /// escape sequences of colors and attributes.
    private func firstScreen(term: String, environment: [String: String?] = [:]) async throws -> String {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        var variables = environment
        variables["TERM"] = term
        let session = try ConsoleLaunch.console(workspace, environment: variables)
        defer { session.kill() }

        // The key hints on the last line are drawn last; the whole frame is there once they are.
        return try await session.waitUntil("the whole main screen is drawn", escapes: true) { screen in
            TestWorkspace.clientNames.allSatisfy(screen.contains) && screen.contains("q quit")
        }
    }

    // MARK: - Layout

    @Test(arguments: ["xterm-256color", "tmux-256color", "screen", "linux", "vt100"])
    func term_drawsTheMainScreen(term: String) async throws {
        let screen = try await firstScreen(term: term)

        #expect(screen.contains("Executions"))
    }

    // MARK: - Colors

    @Test(arguments: ["xterm-256color", "tmux-256color"])
    func term256_usesThePalette(term: String) async throws {
        let screen = try await firstScreen(term: term)

        #expect(ColorSequences.usePalette(ColorSequences.find(in: screen)))
    }

    @Test(arguments: ["screen", "linux"])
    func term8_usesNoPalette(term: String) async throws {
        let screen = try await firstScreen(term: term)

        #expect(!ColorSequences.usePalette(ColorSequences.find(in: screen)))
    }

    @Test(arguments: ["screen", "linux"])
    func term8_usesNoBrightColors(term: String) async throws {
        let screen = try await firstScreen(term: term)

        #expect(!ColorSequences.useBrightColors(ColorSequences.find(in: screen)))
    }

    @Test(arguments: ["screen", "linux"])
    func term8_stillUsesColors(term: String) async throws {
        let screen = try await firstScreen(term: term)

        #expect(!ColorSequences.find(in: screen).isEmpty)
    }

    @Test func vt100_usesNoColors() async throws {
        let screen = try await firstScreen(term: "vt100")

        #expect(ColorSequences.find(in: screen) == [])
    }

    @Test func vt100_marksTheSelectionWithAttributes() async throws {
        let screen = try await firstScreen(term: "vt100")

        // Reverse video (7) or bold (1) must carry what colors carry elsewhere.
        #expect(screen.contains("\u{1B}[7m") || screen.contains("\u{1B}[1m"))
    }

    @Test func term16_usesBrightColorsWithoutPalette() async throws {
        let terminfo = try SixteenColorTerminal.make()
        defer { terminfo.remove() }

        let screen = try await firstScreen(term: SixteenColorTerminal.name, environment: ["TERMINFO": terminfo.folder.path])
        let colors = ColorSequences.find(in: screen)

        #expect(!ColorSequences.usePalette(colors))
        #expect(!colors.isEmpty)
    }
}

/// A terminal type with 16 colors, compiled with `tic` into a temporary folder, because Debian's
/// base terminfo has none.
struct SixteenColorTerminal {
    static let name = "syncdeck-16color"
    let folder: URL

    static func make() throws -> SixteenColorTerminal {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("terminfo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = folder.appendingPathComponent("\(name).src")
        try Data("\(name)|xterm with 16 colors for the SyncDeck tests,\n\tcolors#16, pairs#256, use=xterm-256color,\n".utf8)
            .write(to: source)
        let result = try Subprocess.run(["tic", "-o", folder.path, source.path])
        guard result.status == 0 else {
            throw TmuxError("tic failed with status \(result.status): \(result.errorOutput)")
        }
        return SixteenColorTerminal(folder: folder)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
