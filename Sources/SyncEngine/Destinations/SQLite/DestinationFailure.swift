import Foundation
import SyncModel
import SyncStore

/// The execution failures of a SQLite destination, each naming the database file and table.
struct DestinationFailure {
    /// The database path as the workspace writes it.
    var displayPath: String
    var table: String

    /// Returns `error` as an execution failure of `action` (such as "writing"), keeping an
    /// `ExecutionFailure` as it is.
    func map(_ error: Error, action: String, day: Day?) -> ExecutionFailure {
        if let failure = error as? ExecutionFailure {
            return failure
        }
        guard let error = error as? SQLiteError else {
            return ExecutionFailure(
                .technical, "\(action) table \(table) of \(displayPath)\(Self.forDay(day)) failed: \(error)",
                hint: "Check the database file, then retry the execution.", day: day)
        }
        return map(error, action: action, day: day)
    }

    private func map(_ error: SQLiteError, action: String, day: Day?) -> ExecutionFailure {
        if error.isBusy {
            return ExecutionFailure(
                .connectivity, "database \(displayPath) is locked by another program; \(action) table \(table)\(Self.forDay(day)) could not start",
                hint: "Wait until the other program has finished writing, or close it, then retry the execution.",
                day: day)
        }
        if error.isDiskFull {
            return ExecutionFailure(
                .technical, "disk full: \(action) table \(table) of \(displayPath)\(Self.forDay(day)) failed; nothing of that day was kept",
                hint: "Free space on the disk that holds the database, then retry the execution.", day: day)
        }
        if error.isReadOnly || error.isPermissionDenied {
            return ExecutionFailure(
                .authorization, "database \(displayPath) is read-only: \(action) table \(table)\(Self.forDay(day)) failed (\(error.message)); nothing of that day was kept",
                hint: "Give the user running SyncDeck write access to the file and its folder, or remove what makes it read-only, then retry the execution.",
                day: day)
        }
        if error.isCannotOpen {
            return ExecutionFailure(
                .connectivity, "database \(displayPath) cannot be opened for table \(table)\(Self.forDay(day)): \(error.message)",
                hint: "Check that the path names a file on a mounted disk and that its folder exists, then retry the execution.",
                day: day)
        }
        return ExecutionFailure(
            .technical, "\(action) table \(table) of \(displayPath)\(Self.forDay(day)) failed: \(error.message)",
            hint: "Check the table and the database file, then retry the execution.", day: day)
    }

    /// Returns the failure for a folder of the database path that cannot be created.
    func folderFailure(_ folder: URL, _ error: Error) -> ExecutionFailure {
        let code = (error as? CocoaError)?.code
        if code == .fileWriteNoPermission {
            return ExecutionFailure(
                .authorization, "folder \(folder.path) for database \(displayPath) cannot be created: permission denied",
                hint: "Give the user running SyncDeck write access to the folder, then retry the execution.")
        }
        return ExecutionFailure(
            .configuration, "folder \(folder.path) for database \(displayPath) cannot be created: \(error.localizedDescription)",
            hint: "Point the destination path at a folder that exists or can be created, in workspace.json.")
    }

    /// Returns the failure for a setting of the destination that cannot work.
    func configuration(_ message: String, hint: String, day: Day? = nil) -> ExecutionFailure {
        ExecutionFailure(.configuration, message, hint: hint, day: day)
    }

    static func forDay(_ day: Day?) -> String {
        day.map { " for \($0)" } ?? " for the snapshot"
    }
}
