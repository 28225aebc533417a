import Foundation
import SyncModel

/// Records read from files of the workspace, one file per day or one file for a snapshot.
public final class FileSource: RecordSource {
    /// The text in a path that stands for the day being imported.
    public static let dayPlaceholder = "{date}"

    public let format: FileFormat
    /// The path of the file relative to the workspace, or absolute; may contain `{date}`.
    public let pathTemplate: String
    public let workspaceFolder: URL
    /// The fields a CSV file's header row must name, usually the sync's schema; a file that
    /// lacks one stops the execution with an error naming it.
    public let requiredColumns: [String]

    public init(format: FileFormat, pathTemplate: String, workspaceFolder: URL, requiredColumns: [String] = []) {
        self.format = format
        self.pathTemplate = pathTemplate
        self.workspaceFolder = workspaceFolder
        self.requiredColumns = requiredColumns
    }

    /// Returns the path of the file for `day`, as written in the workspace, with `{date}` replaced.
    public func location(for day: Day?) -> String {
        guard let day else { return pathTemplate }
        return pathTemplate.replacingOccurrences(of: FileSource.dayPlaceholder, with: day.description)
    }

    public func open(day: Day?) throws -> any RecordReader {
        let location = try checkedLocation(for: day)
        let url = resolve(location)
        try checkIsReadableFile(url, location: location, day: day)

        switch format {
        case .csv:
            return try CSVReader(url: url, location: location, day: day, requiredColumns: requiredColumns)
        case .jsonl:
            return try JSONLinesReader(url: url, location: location, day: day)
        }
    }

    // MARK: - Paths

    /// Rejects a path whose `{date}` does not fit the partitioning, which the workspace loader
    /// normally catches first.
    private func checkedLocation(for day: Day?) throws -> String {
        let hasPlaceholder = pathTemplate.contains(FileSource.dayPlaceholder)
        if day == nil, hasPlaceholder {
            throw ExecutionFailure(
                .configuration, "source path \(pathTemplate) contains {date} but the sync is a snapshot",
                hint: "Remove {date} from the source path, or make the sync daily, in workspace.json.")
        }
        if let day, !hasPlaceholder {
            throw ExecutionFailure(
                .configuration, "source path \(pathTemplate) of a daily sync does not contain {date}",
                hint: "Add {date} where the day appears in the file name, in workspace.json.", day: day)
        }
        return location(for: day)
    }

    private func resolve(_ location: String) -> URL {
        if location.hasPrefix("/") {
            return URL(fileURLWithPath: location)
        }
        return workspaceFolder.appendingPathComponent(location)
    }

    private func checkIsReadableFile(_ url: URL, location: String, day: Day?) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw FileFailure.missing(location: location, day: day)
        }
        if isFolder.boolValue {
            throw FileFailure.notAFile(location: location, day: day)
        }
    }
}
