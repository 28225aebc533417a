import Foundation
import SyncModel

/// The built-in demo workspace that `syncdeck` opens when it is given no workspace.
///
/// Its clients and syncs are chosen so that a newcomer meets every status: clean daily and
/// snapshot syncs, invalid records, a missing source file, an execution long enough to
/// cancel, a contract that ended, a client name outside ASCII, and export programs run as
/// command sources: one that works and one whose credentials are refused.
public enum DemoWorkspace {
    /// Returns `$XDG_DATA_HOME/syncdeck/demo`, or `$HOME/.local/share/syncdeck/demo` when
    /// `XDG_DATA_HOME` is unset, empty or relative, which the XDG Base Directory
    /// specification asks programs to ignore.
    public static func defaultFolder(environment: [String: String]) -> URL {
        let dataHome: URL
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty, xdg.hasPrefix("/") {
            dataHome = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = URL(fileURLWithPath: home, isDirectory: true)
                .appendingPathComponent(".local", isDirectory: true)
                .appendingPathComponent("share", isDirectory: true)
        }
        return dataHome.appendingPathComponent("syncdeck", isDirectory: true)
            .appendingPathComponent("demo", isDirectory: true)
    }

    /// Creates the demo workspace in `folder` if it has no `workspace.json` yet, and loads it.
    ///
    /// An existing `workspace.json` is never overwritten. When it exists, only the data files of
    /// days after the newest file of each demo sync are added, so that a demo created days ago
    /// still has recent data.
    ///
    /// - Parameter today: the operator's current day; the demo's data ends on that day.
    /// - Throws: `WorkspaceError` when the folder cannot be written or the workspace file
    ///   there has problems.
    public static func create(at folder: URL, today: Day) throws -> Workspace {
        try create(at: folder, today: today, eventsPerDay: DemoCatalogue.defaultEventsPerDay)
    }

    /// Creates the demo with `eventsPerDay` rows in each day of Initech's events.
    ///
    /// Tests use a small count, because the full demo writes about 50 MB.
    static func create(at folder: URL, today: Day, eventsPerDay: Int) throws -> Workspace {
        let catalogue = DemoCatalogue(today: today, eventsPerDay: eventsPerDay)
        let file = folder.appendingPathComponent(Workspace.fileName)

        if FileManager.default.fileExists(atPath: file.path) {
            let workspace = try Workspace.load(folder: folder)
            try writing(in: folder, file: file) {
                try addNewDays(of: catalogue, to: workspace)
            }
            return workspace
        }

        try writing(in: folder, file: file) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for dataset in catalogue.datasets {
                try dataset.writeAll(into: folder)
            }
            try DemoPrograms.writeAll(into: folder)
            try Data(catalogue.readme.utf8).write(to: folder.appendingPathComponent("README.txt"))
            // Written last and atomically: a creation cut short leaves no workspace.json, so the
            // next start creates the demo again instead of loading half of it.
            try Data(catalogue.workspaceFile.utf8).write(to: file, options: .atomic)
        }
        return try Workspace.load(folder: folder)
    }

    /// Adds recent day files to the demo syncs that still read the demo's own paths.
    private static func addNewDays(of catalogue: DemoCatalogue, to workspace: Workspace) throws {
        for dataset in catalogue.datasets {
            let sync = workspace.client(id: dataset.clientID)?.sync(id: dataset.syncID)
            guard let sync, case .files(_, let path) = sync.source, path == dataset.path,
                  case .daily(_, let lastDay) = sync.partitioning, lastDay == nil else {
                continue
            }
            try dataset.writeNewDays(into: workspace.folder)
        }
    }

    /// Runs `body`, turning a file system error into a `WorkspaceError` that names the fix.
    private static func writing(in folder: URL, file: URL, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError(file: file, problems: [WorkspaceProblem(
                path: "", issue: "cannot write the demo workspace in \(folder.path): \(error.localizedDescription)",
                fix: "make the folder writable, set XDG_DATA_HOME to a writable folder, or pass --workspace DIR")])
        }
    }
}
