import Foundation
import Testing

/// Text from the workspace file on a real terminal: wide and combining characters keep the
/// borders aligned, and escape sequences are shown, never obeyed.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
       .enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct ConsoleTextEndToEndTests {
    /// CJK, an emoji and "e" with a combining acute accent, long enough to be cut in the clients pane.
    static let wideClientName = "Acme 東京 🎉 Cafe\u{301} 株式会社 Société"
    static let wideSyncName = "Orders 注文 🎉 e\u{301}"
    static let hostileClientName = "Evil\u{1B}]2;pwned\u{07} \u{1B}[31mRed\u{1B}[0m Corp"

    /// The lines of a screen that belong to a box: each must fill exactly the pane's width and
    /// end with a border character, or something shifted the columns.
    private func misalignedLines(_ screen: String, columns: Int) -> [String] {
        let borders: Set<Character> = ["│", "┐", "┘", "┤"]
        return screen.split(separator: "\n").map(String.init).filter { line in
            guard let first = line.first, ["│", "┌", "└", "├"].contains(first) else { return false }
            return TerminalColumns.width(of: line) != columns || !(line.last.map(borders.contains) ?? false)
        }
    }

    // MARK: - Wide and combining characters

    @Test func wideNames_keepTheMainScreenAligned() async throws {
        let workspace = try TestWorkspace.make(clientName: Self.wideClientName, syncName: Self.wideSyncName)
        defer { workspace.remove() }
        let session = try ConsoleLaunch.console(workspace)
        defer { session.kill() }

        let screen = try await session.waitUntil("the syncs of the wide client are listed") { $0.contains("注文") && $0.contains("q quit") }

        #expect(misalignedLines(screen, columns: 80) == [])
    }

    @Test func wideNames_areShownWithTheirAccent() async throws {
        let workspace = try TestWorkspace.make(clientName: Self.wideClientName, syncName: Self.wideSyncName)
        defer { workspace.remove() }
        let session = try ConsoleLaunch.console(workspace)
        defer { session.kill() }

        let screen = try await session.waitFor("Syncs of Acme 東京")

        #expect(screen.contains("Cafe\u{301}") || screen.contains("Café"))
    }

    @Test func wideNames_keepTheAlertAligned() async throws {
        let workspace = try TestWorkspace.make(clientName: Self.wideClientName, syncName: Self.wideSyncName)
        defer { workspace.remove() }
        _ = try ConsoleLaunch.syncdeck(["run", "--workspace", workspace.folder.path, "acme/orders"])
        let session = try ConsoleLaunch.console(workspace)
        defer { session.kill() }
        try await session.waitFor("注文")

        try session.sendKeys("Right", "Enter")
        try await session.waitFor("[ Execute ]")
        try session.sendKeys("Tab")
        let screen = try await session.waitFor("Re-import")

        #expect(misalignedLines(screen, columns: 80) == [])
    }

    @Test func wideNames_stayAlignedWhenWide() async throws {
        let workspace = try TestWorkspace.make(clientName: Self.wideClientName, syncName: Self.wideSyncName)
        defer { workspace.remove() }
        let session = try ConsoleLaunch.console(workspace, columns: 133, rows: 30)
        defer { session.kill() }

        let screen = try await session.waitUntil("the syncs of the wide client are listed") { $0.contains("注文") && $0.contains("q quit") }

        #expect(misalignedLines(screen, columns: 133) == [])
    }

    // MARK: - Escape sequences

    @Test func escapeSequencesInName_areShownEscaped() async throws {
        let workspace = try TestWorkspace.make(clientName: Self.hostileClientName)
        defer { workspace.remove() }
        let session = try ConsoleLaunch.console(workspace)
        defer { session.kill() }

        let screen = try await session.waitFor("Globex Corporation")

        #expect(screen.contains("Evil\\e]2;pwned"))
    }

    @Test func escapeSequencesInName_leavePaneTitleAlone() async throws {
        let reference = try TmuxSession(command: ["sleep", "30"])
        defer { reference.kill() }
        let workspace = try TestWorkspace.make(clientName: Self.hostileClientName)
        defer { workspace.remove() }
        let session = try ConsoleLaunch.console(workspace)
        defer { session.kill() }
        try await session.waitFor("Globex Corporation")

        #expect(try session.format("#{pane_title}") == reference.format("#{pane_title}"))
    }

    @Test func escapeSequencesInName_setNoRed() async throws {
        let workspace = try TestWorkspace.make(clientName: Self.hostileClientName)
        defer { workspace.remove() }
        let session = try ConsoleLaunch.console(workspace)
        defer { session.kill() }

        let screen = try await session.waitFor("Globex Corporation", escapes: true)
        let nameLine = screen.split(separator: "\n").first { $0.contains("pwned") } ?? ""

        #expect(!ColorSequences.find(in: String(nameLine)).contains("ESC[31m"))
    }

    @Test func escapeSequencesInName_keepTheScreenAligned() async throws {
        let workspace = try TestWorkspace.make(clientName: Self.hostileClientName)
        defer { workspace.remove() }
        let session = try ConsoleLaunch.console(workspace)
        defer { session.kill() }

        let screen = try await session.waitUntil("the whole screen is drawn") { $0.contains("pwned") && $0.contains("q quit") }

        #expect(misalignedLines(screen, columns: 80) == [])
    }
}
