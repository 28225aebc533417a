import Foundation

extension Theme {
    /// The extension of theme files.
    public static let fileExtension = "theme"

    /// Loads the theme `name` from the first folder of `searchPaths` that has `NAME.theme`.
    ///
    /// A name with a `/` is read as the path of a theme file. `default` falls back to the built-in
    /// default theme when no folder has a `default.theme`, so the console starts with no theme
    /// files at all.
    ///
    /// - Throws: `ThemeError` naming the file and line, or, for a theme that no folder has, the
    ///   folders searched and the themes they offer.
    public static func load(name: String, searchPaths: [URL]) throws -> Theme {
        if name.contains("/") {
            let url = URL(fileURLWithPath: name)
            return try read(url, name: url.deletingPathExtension().lastPathComponent)
        }

        let fileName = "\(name).\(fileExtension)"
        for folder in searchPaths {
            let url = folder.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: url.path) {
                return try read(url, name: name)
            }
        }
        if name == builtInDefault.name {
            return builtInDefault
        }

        let searched = searchPaths.map(\.path).joined(separator: ", ")
        let available = availableThemes(in: searchPaths).joined(separator: ", ")
        throw ThemeError(.missingFile, file: fileName,
                         "no theme \"\(name)\" in \(searched); available themes: \(available)")
    }

    /// Returns the names of the themes in `searchPaths`, sorted, always including `default`.
    public static func availableThemes(in searchPaths: [URL]) -> [String] {
        var names: Set<String> = [builtInDefault.name]
        for folder in searchPaths {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files where file.hasSuffix(".\(fileExtension)") {
                names.insert(String(file.dropLast(fileExtension.count + 1)))
            }
        }
        return names.sorted()
    }

    /// Returns the folders searched for themes, in order.
    ///
    /// `themes/` in the current directory comes first, then `themes/` of the package that built
    /// the executable (for `swift run` and `.build/debug/syncdeck`), then `share/syncdeck/themes`
    /// beside an installed executable, then `/usr/share/syncdeck/themes`.
    public static func searchPaths(currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                                   executablePath: String? = runningExecutablePath) -> [URL] {
        var paths = [currentDirectory.appendingPathComponent("themes")]

        for folder in executableFolders(executablePath, currentDirectory: currentDirectory) {
            paths.append(folder.appendingPathComponent("../../themes"))
            // `.build/debug` is a link to `.build/<triple>/debug`, one level deeper.
            if folder.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent == ".build" {
                paths.append(folder.appendingPathComponent("../../../themes"))
            }
            paths.append(folder.appendingPathComponent("../share/syncdeck/themes"))
        }
        paths.append(URL(fileURLWithPath: "/usr/share/syncdeck/themes"))

        var seen: Set<String> = []
        return paths.map(\.standardizedFileURL).filter { seen.insert($0.path).inserted }
    }

    /// The path the executable was started by, or, when it was found on `PATH`, its own path.
    public static var runningExecutablePath: String? {
        if let started = CommandLine.arguments.first, started.contains("/") {
            return started
        }
        return Bundle.main.executablePath
    }

    /// Returns the folder of the executable as it was started and, when that is a link, of its target.
    private static func executableFolders(_ executablePath: String?, currentDirectory: URL) -> [URL] {
        guard let executablePath, executablePath.contains("/") else { return [] }
        let started = executablePath.hasPrefix("/")
            ? URL(fileURLWithPath: executablePath)
            : currentDirectory.appendingPathComponent(executablePath)
        let resolved = started.resolvingSymlinksInPath()
        return [started.deletingLastPathComponent(), resolved.deletingLastPathComponent()]
    }

    private static func read(_ url: URL, name: String) throws -> Theme {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ThemeError(.unreadableFile, file: url.path,
                             "cannot read the theme file (\(error.localizedDescription)); check that it exists and is UTF-8 text")
        }
        return try parse(text, name: name, file: url.path)
    }
}
