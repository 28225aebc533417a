import Foundation
import Testing

/// `--theme` on the real console: each shipped theme draws, a broken theme file is refused with
/// a message naming the file and the role, and the terminal's own background shows through.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
       .enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct ConsoleThemeEndToEndTests {
    private func firstScreen(arguments: [String]) async throws -> String {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        let session = try ConsoleLaunch.console(workspace, arguments: arguments)
        defer { session.kill() }
        return try await session.waitUntil("the whole main screen is drawn", escapes: true) { screen in
            TestWorkspace.clientNames.allSatisfy(screen.contains) && screen.contains("q quit")
        }
    }

    // MARK: - Shipped themes

    @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
    func theme_drawsTheMainScreen(name: String) async throws {
        let screen = try await firstScreen(arguments: ["--theme", name])

        #expect(screen.contains("Executions"))
    }

    @Test(arguments: ["default", "light", "high-contrast"])
    func colorTheme_writesColors(name: String) async throws {
        let screen = try await firstScreen(arguments: ["--theme", name])

        #expect(!ColorSequences.find(in: screen).isEmpty)
    }

    @Test func monochromeTheme_writesNoColors() async throws {
        let screen = try await firstScreen(arguments: ["--theme", "monochrome"])

        #expect(ColorSequences.find(in: screen) == [])
    }

    @Test func lightAndDefault_differ() async throws {
        let light = try await firstScreen(arguments: ["--theme", "light"])
        let dark = try await firstScreen(arguments: ["--theme", "default"])

        #expect(ColorSequences.find(in: light) != ColorSequences.find(in: dark))
    }

    // MARK: - Terminal background

    /// high-contrast is left out on purpose: it draws bright text on black whatever the
    /// terminal's background, which is what makes its contrast certain.
    @Test(arguments: ["default", "light", "monochrome"])
    func bodyText_keepsTheTerminalBackground(name: String) async throws {
        let screen = try await firstScreen(arguments: ["--theme", name])
        // The second client is neither selected nor focused: plain body text.
        let line = screen.split(separator: "\n").first { $0.contains("Globex Corporation") } ?? ""
        let beforeName = line.components(separatedBy: "Globex Corporation")[0]

        #expect(!ColorSequences.backgroundIsSet(atEndOf: String(beforeName)))
    }

    // MARK: - Broken theme files

    @Test func brokenTheme_namesTheFileAndTheRole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.theme")
        try Data("body = default default\nselection = sky-blue default bold\n".utf8).write(to: file)

        let result = try ConsoleLaunch.syncdeck(["--theme", file.path])

        #expect(result.errorOutput.contains("\(file.path):2"))
        #expect(result.errorOutput.contains("\"selection\""))
        #expect(result.status != 0)
    }

    @Test func missingTheme_listsTheAvailableOnes() throws {
        let result = try ConsoleLaunch.syncdeck(["--theme", "no-such-theme"])

        #expect(result.errorOutput.contains("high-contrast"))
        #expect(result.status != 0)
    }
}
