import Foundation
import SyncModel

/// Records written by a program on its standard output, one run per day or per snapshot.
///
/// The program is started without a shell, in the workspace folder; `{date}` in its arguments
/// becomes the day being imported. Its standard error goes to the execution's log.
public final class CommandSource: RecordSource {
    public let settings: CommandSourceSettings
    public let workspaceFolder: URL
    /// How long a stopped program may take to end after SIGTERM before it gets SIGKILL.
    let stopGrace: TimeInterval

    public convenience init(settings: CommandSourceSettings, workspaceFolder: URL) {
        self.init(settings: settings, workspaceFolder: workspaceFolder, stopGrace: 5)
    }

    /// Tests pass a short grace, so that a program that ignores SIGTERM is killed in a moment.
    init(settings: CommandSourceSettings, workspaceFolder: URL, stopGrace: TimeInterval) {
        self.settings = settings
        self.workspaceFolder = workspaceFolder
        self.stopGrace = stopGrace
    }

    /// Returns the program and its arguments for `day`, with `{date}` replaced.
    public func arguments(for day: Day?) -> [String] {
        settings.command.map { EnvironmentTemplate.fillingDate($0, day: day) }
    }

    public func open(day: Day?) throws -> any RecordReader {
        try open(day: day, context: .detached)
    }

    /// Starts the program for `day`.
    ///
    /// - Throws: `ExecutionFailure` when the program cannot be found or started.
    public func open(day: Day?, context: SourceContext) throws -> any RecordReader {
        let arguments = arguments(for: day)
        let program = arguments.first ?? ""
        let process: ChildProcess
        do {
            process = try ChildProcess(arguments: arguments, folder: workspaceFolder)
        } catch let error as ChildProcess.LaunchError {
            throw CommandFailure.launchFailed(error, program: program, folder: workspaceFolder, day: day)
        }

        let shown = arguments.map { ValueExcerpt.escaped($0, limit: 200) }.joined(separator: " ")
        context.log(.info, "\(day.map(\.description) ?? "snapshot"): started \(shown) (process \(process.pid))")
        return CommandReader(process: process, settings: settings, program: program, day: day,
                             context: context, stopGrace: stopGrace)
    }
}
