@testable import Console
import Foundation
import Testing

struct ThemeTests {
    // MARK: - Fixtures

    private func parse(_ text: String) throws -> Theme {
        try Theme.parse(text, name: "sample", file: "sample.theme")
    }

    private func parseError(_ text: String) throws -> ThemeError {
        try #require(throws: ThemeError.self) { try parse(text) }
    }

    /// A temporary folder holding theme files, removed by `remove()`.
    private struct ThemeFolder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")

        init(files: [String: String]) throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for (name, text) in files {
                try Data(text.utf8).write(to: url.appendingPathComponent(name))
            }
        }

        func remove() {
            try? FileManager.default.removeItem(at: url)
        }
    }

    private static let shippedThemes = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    // MARK: - Parsing

    @Test func parse_namedColorsAndAttribute() throws {
        let theme = try parse("finished = green default bold")

        #expect(theme.style(for: .finished) == Style(foreground: .indexed(2), background: .terminalDefault, attributes: .bold))
    }

    @Test func parse_numbersAndBrightNames() throws {
        let theme = try parse("border = 244 bright-black")

        #expect(theme.style(for: .border) == Style(foreground: .indexed(244), background: .indexed(8)))
    }

    @Test func parse_severalAttributes() throws {
        let theme = try parse("input = default default underline bold")

        #expect(theme.style(for: .input).attributes == [.underline, .bold])
    }

    @Test func parse_skipsCommentsAndBlankLines() throws {
        let theme = try parse("# a comment\n\n  title = red default   # why red\n")

        #expect(theme.style(for: .title) == Style(foreground: .indexed(1)))
    }

    @Test func parse_missingRolesTakeDefault() throws {
        let theme = try parse("title = red default")

        #expect(theme.style(for: .selection) == Theme.builtInDefault.style(for: .selection))
    }

    @Test func parse_unknownRole_namesLineAndRoles() throws {
        let error = try parseError("title = red default\nfinishd = green default")

        #expect(error.kind == .unknownRole)
        #expect(error.line == 2)
        #expect(error.description.hasPrefix("sample.theme:2: unknown role \"finishd\""))
        #expect(error.description.contains("finishedWithWarnings"))
    }

    @Test func parse_unknownColor_namesRoleAndColors() throws {
        let error = try parseError("alert = purple default")

        #expect(error.kind == .unknownColor)
        #expect(error.description.contains("role \"alert\" has unknown foreground color \"purple\""))
        #expect(error.description.contains("bright-magenta"))
    }

    @Test func parse_colorAbove255_rejected() throws {
        let error = try parseError("alert = default 256")

        #expect(error.kind == .unknownColor)
        #expect(error.description.contains("background color \"256\""))
    }

    @Test func parse_unknownAttribute_listsValid() throws {
        let error = try parseError("alert = red default blink")

        #expect(error.kind == .unknownAttribute)
        #expect(error.description.contains("\"blink\""))
        #expect(error.description.contains("underline"))
    }

    @Test func parse_missingBackground_rejected() throws {
        let error = try parseError("title = red")

        #expect(error.kind == .malformedLine)
        #expect(error.description.contains("role = foreground background"))
    }

    @Test func parse_duplicateRole_namesFirstLine() throws {
        let error = try parseError("title = red default\ntitle = blue default")

        #expect(error.kind == .duplicateRole)
        #expect(error.description.contains("already set on line 1"))
    }

    @Test func fileText_roundTrips() throws {
        let theme = try parse("title = 75 236 bold underline\nselection = default bright-blue reverse")

        #expect(try parse(theme.fileText) == theme)
    }

    // MARK: - Loading

    @Test func load_findsFileInSearchPath() throws {
        let folder = try ThemeFolder(files: ["mine.theme": "title = magenta default"])
        defer { folder.remove() }

        let theme = try Theme.load(name: "mine", searchPaths: [folder.url])

        #expect(theme.name == "mine")
        #expect(theme.style(for: .title).foreground == .indexed(5))
    }

    @Test func load_firstFolderWins() throws {
        let first = try ThemeFolder(files: ["mine.theme": "title = red default"])
        let second = try ThemeFolder(files: ["mine.theme": "title = blue default"])
        defer { first.remove(); second.remove() }

        let theme = try Theme.load(name: "mine", searchPaths: [first.url, second.url])

        #expect(theme.style(for: .title).foreground == .indexed(1))
    }

    @Test func load_missingTheme_listsAvailable() throws {
        let folder = try ThemeFolder(files: ["light.theme": "", "solar.theme": ""])
        defer { folder.remove() }

        let error = try #require(throws: ThemeError.self) { try Theme.load(name: "neon", searchPaths: [folder.url]) }

        #expect(error.kind == .missingFile)
        #expect(error.description.contains(folder.url.path))
        #expect(error.description.contains("available themes: default, light, solar"))
    }

    @Test func load_errorNamesFilePath() throws {
        let folder = try ThemeFolder(files: ["bad.theme": "\ntitle = red nope"])
        defer { folder.remove() }

        let error = try #require(throws: ThemeError.self) { try Theme.load(name: "bad", searchPaths: [folder.url]) }

        #expect(error.description.hasPrefix(folder.url.appendingPathComponent("bad.theme").path + ":2:"))
    }

    @Test func load_defaultWithoutFiles_isBuiltIn() throws {
        let theme = try Theme.load(name: "default", searchPaths: [])

        #expect(theme == Theme.builtInDefault)
    }

    @Test func load_pathReadsThatFile() throws {
        let folder = try ThemeFolder(files: ["custom.theme": "title = cyan default"])
        defer { folder.remove() }

        let theme = try Theme.load(name: folder.url.appendingPathComponent("custom.theme").path, searchPaths: [])

        #expect(theme.name == "custom")
        #expect(theme.style(for: .title).foreground == .indexed(6))
    }

    @Test func searchPaths_currentDirectoryFirst() {
        let paths = Theme.searchPaths(currentDirectory: URL(fileURLWithPath: "/work/app"), executablePath: nil)

        #expect(paths.map(\.path) == ["/work/app/themes", "/usr/share/syncdeck/themes"])
    }

    @Test func searchPaths_includePackageOfBuildFolder() {
        let paths = Theme.searchPaths(currentDirectory: URL(fileURLWithPath: "/elsewhere"),
                                      executablePath: "/work/app/.build/x86_64-unknown-linux-gnu/debug/syncdeck")

        #expect(paths.map(\.path).contains("/work/app/themes"))
    }

    @Test func searchPaths_includeSharedFolderOfInstall() {
        let paths = Theme.searchPaths(currentDirectory: URL(fileURLWithPath: "/elsewhere"),
                                      executablePath: "/opt/syncdeck/bin/syncdeck")

        #expect(paths.map(\.path).contains("/opt/syncdeck/share/syncdeck/themes"))
    }

    // MARK: - Shipped themes

    @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
    func shippedTheme_loads(name: String) throws {
        let theme = try Theme.load(name: name, searchPaths: [Self.shippedThemes])

        #expect(theme.name == name)
    }

    @Test func shippedDefault_matchesBuiltIn() throws {
        let theme = try Theme.load(name: "default", searchPaths: [Self.shippedThemes])

        for role in Role.allCases {
            #expect(theme.style(for: role) == Theme.builtInDefault.style(for: role), "role \(role)")
        }
    }

    @Test func shippedMonochrome_matchesColorlessAttributes() throws {
        let theme = try Theme.load(name: "monochrome", searchPaths: [Self.shippedThemes])

        for role in Role.allCases {
            #expect(theme.style(for: role) == Style(attributes: MonochromeStyles.attributes(for: role)), "role \(role)")
        }
    }

    @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
    func shippedTheme_setsEveryRole(name: String) throws {
        let text = try String(contentsOf: Self.shippedThemes.appendingPathComponent("\(name).theme"), encoding: .utf8)
        let roles = text.split(separator: "\n").compactMap { line in
            line.split(separator: "=").first.map { $0.trimmingCharacters(in: .whitespaces) }
        }.filter { !$0.hasPrefix("#") && !$0.isEmpty }

        #expect(Set(roles) == Set(Role.allCases.map(\.rawValue)))
    }

    // MARK: - Color depth

    @Test func depth_followsColorCount() {
        #expect(ColorDepth(colorCount: 256, environment: [:]) == .colors256)
        #expect(ColorDepth(colorCount: 88, environment: [:]) == .colors16)
        #expect(ColorDepth(colorCount: 8, environment: [:]) == .colors8)
        #expect(ColorDepth(colorCount: 2, environment: [:]) == .monochrome)
    }

    @Test func depth_noColorAnyValue_isMonochrome() {
        #expect(ColorDepth(colorCount: 256, environment: ["NO_COLOR": "1"]) == .monochrome)
        #expect(ColorDepth(colorCount: 256, environment: ["NO_COLOR": ""]) == .monochrome)
    }

    @Test func colors256_unchanged() {
        let style = Style(foreground: .indexed(75), background: .indexed(236), attributes: .bold)

        #expect(style.adapted(to: .colors256, role: .title) == style)
    }

    @Test func colors16_mapPaletteToNearest() {
        let style = Style(foreground: .indexed(196), background: .indexed(244))

        #expect(style.adapted(to: .colors16, role: .body) == Style(foreground: .indexed(9), background: .indexed(8)))
    }

    @Test func colors16_keepBrightAndDefault() {
        let style = Style(foreground: .indexed(11), background: .terminalDefault)

        #expect(style.adapted(to: .colors16, role: .body) == style)
    }

    @Test func colors8_mapBrightToBasic() {
        let style = Style(foreground: .indexed(9), background: .indexed(12))

        #expect(style.adapted(to: .colors8, role: .body) == Style(foreground: .indexed(1), background: .indexed(4)))
    }

    @Test func colors8_mapGrayToWhite() {
        let style = Style(foreground: .indexed(244), background: .indexed(0))

        #expect(style.adapted(to: .colors8, role: .body).foreground == .indexed(7))
    }

    @Test func darkGrayOnDefaultBackground_becomesDefaultDim() {
        let style = Style(foreground: .indexed(239))

        #expect(style.adapted(to: .colors8, role: .dayOutside) == Style(attributes: .dim))
    }

    @Test func colors16_keepMidGrayText() {
        let style = Style(foreground: .indexed(244))

        #expect(style.adapted(to: .colors16, role: .dim).foreground == .indexed(8))
    }

    @Test func colors8_addMonochromeAttributes() {
        let style = Style(foreground: .terminalDefault, background: .indexed(238))

        #expect(style.adapted(to: .colors8, role: .selection).attributes == .reverse)
    }

    @Test func sameColorAfterMapping_fallsBackToAttributes() {
        let style = Style(foreground: .indexed(236), background: .indexed(235))

        #expect(style.adapted(to: .colors16, role: .selection) == Style(attributes: .reverse))
    }

    @Test func monochrome_dropsColors() {
        let style = Theme.builtInDefault.style(for: .finished, depth: .monochrome)

        #expect(style.foreground == .terminalDefault)
        #expect(style.background == .terminalDefault)
    }

    @Test func monochrome_keepsThemeAttributes() throws {
        let theme = try parse("finished = green default underline")

        #expect(theme.style(for: .finished, depth: .monochrome).attributes == .underline)
    }

    @Test(arguments: [(Role.selection, TextAttributes.reverse), (.title, .bold), (.alert, .bold), (.input, .underline)])
    func monochrome_marksRole(role: Role, attribute: TextAttributes) throws {
        let theme = try parse("")

        #expect(theme.style(for: role, depth: .monochrome).attributes.contains(attribute))
    }
}
