import Foundation
import SyncModel

/// The execution failures of a source file that cannot be found, opened or read.
enum FileFailure {
    static func missing(location: String, day: Day?) -> ExecutionFailure {
        ExecutionFailure(
            .technical, "source file \(location) does not exist",
            hint: "Check that the export \(forDay(day))ran and wrote this file, then retry the execution.",
            day: day)
    }

    static func notAFile(location: String, day: Day?) -> ExecutionFailure {
        ExecutionFailure(
            .configuration, "source path \(location) is a folder, not a file",
            hint: "Point the sync's source path at the export file in workspace.json, then retry the execution.",
            day: day)
    }

    static func openFailed(errno code: Int32, location: String, day: Day?) -> ExecutionFailure {
        switch code {
        case ENOENT, ENOTDIR:
            return missing(location: location, day: day)
        case EISDIR:
            return notAFile(location: location, day: day)
        case EACCES, EPERM:
            return ExecutionFailure(
                .authorization, "source file \(location) cannot be read: permission denied",
                hint: "Give the user running SyncDeck read access to this file, then retry the execution.",
                day: day)
        default:
            return ExecutionFailure(
                .technical, "source file \(location) cannot be opened: \(describe(code))",
                hint: "Check the file and the disk it is on, then retry the execution.",
                day: day)
        }
    }

    static func readFailed(errno code: Int32, location: String, day: Day?) -> ExecutionFailure {
        if code == EISDIR {
            return notAFile(location: location, day: day)
        }
        return ExecutionFailure(
            .technical, "reading source file \(location) failed: \(describe(code))",
            hint: "Check the file and the disk it is on, then retry the execution.",
            day: day)
    }

    static func headerUnreadable(location: String, day: Day?, reason: String) -> ExecutionFailure {
        ExecutionFailure(
            .technical, "the header row of \(location) cannot be read: \(reason)",
            hint: "Fix the first row of the file so that it names the columns, then retry the execution.",
            day: day)
    }

    private static func forDay(_ day: Day?) -> String {
        day.map { "for \($0) " } ?? ""
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
