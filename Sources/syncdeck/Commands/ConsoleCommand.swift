import Console
import Foundation
import SyncEngine
import SyncModel

/// `syncdeck [--workspace DIR] [--theme NAME] [--operator NAME]`: the full-screen console.
enum ConsoleCommand {
    static func run(_ words: [String]) throws -> ExitCode {
        let arguments = try Arguments(words, valued: ["workspace", "theme", "operator"], flags: [])
        guard arguments.positionals.isEmpty else {
            throw UsageError("unknown command \"\(arguments.positionals[0].escapingControlCharacters)\"; commands are run, executions, show and help")
        }

        let theme = try loadTheme(arguments.value("theme"))
        let folder = try arguments.value("workspace") ?? createDemo().path
        let session = try WorkspaceSession.open(folder: folder)
        let app = ConsoleApp(engine: session.engine, operatorName: arguments.value("operator") ?? OperatorName.current())

        let status = ConsoleRunner.run(app: app, theme: theme)
        switch status {
        case ConsoleRunner.quitStatus:
            return .success
        case ConsoleRunner.terminalUnusableStatus:
            return .terminalUnsupported
        default:
            // 129 after a hang-up and 143 after SIGTERM, as shells report a process ended by those signals.
            exit(status)
        }
    }

    private static func loadTheme(_ name: String?) throws -> Theme {
        do {
            return try Theme.load(name: name ?? "default", searchPaths: Theme.searchPaths())
        } catch {
            throw CommandFailure(.usage, "\(error)")
        }
    }

    /// Creates the demo workspace on first use, and adds data for the days since it was last opened.
    private static func createDemo() throws -> URL {
        let folder = DemoWorkspace.defaultFolder(environment: ProcessInfo.processInfo.environment)
        do {
            _ = try DemoWorkspace.create(at: folder, today: Day.containing(Date(), in: TimeZone.current))
        } catch {
            throw CommandFailure(.workspaceInvalid, "cannot create the demo workspace in \(folder.path): \(error)")
        }
        return folder
    }
}
