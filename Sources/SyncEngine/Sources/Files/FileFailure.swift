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

    /// The header row of a CSV file lacks fields of the sync's schema. This stops the execution
    /// rather than rejecting each record, so the day stays missing until the file or the schema
    /// is fixed, instead of being recorded as imported with every record rejected.
    static func missingColumns(_ missing: [String], header: [String], location: String, day: Day?) -> ExecutionFailure {
        let names = missing.map { "\"\($0)\"" }.joined(separator: ", ")
        let noun = missing.count == 1 ? "column" : "columns"
        let shownHeader = header.prefix(12).map { ValueExcerpt.escaped($0, limit: 30) }.joined(separator: ", ")
            + (header.count > 12 ? ", …" : "")
        let guesses = missing.compactMap { name in
            Suggestion.closest(to: name, among: header).map { "\"\(ValueExcerpt.escaped($0, limit: 30))\" may be \"\(name)\"" }
        }
        let guessText = guesses.isEmpty ? "" : " (\(guesses.joined(separator: "; ")))"
        return ExecutionFailure(
            .configuration, "source file \(location) has no \(noun) \(names) of the sync's schema; its header row is: \(shownHeader)",
            hint: "Make the export's header row name every schema field\(guessText), or change the schema in workspace.json, then retry the execution.",
            day: day)
    }

    private static func forDay(_ day: Day?) -> String {
        day.map { "for \($0) " } ?? ""
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
