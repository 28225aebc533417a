import Foundation

/// The problems found in a workspace file, all reported together so one edit can fix them all.
///
/// Its description starts with `PATH: N problems:` and lists one problem a line, each with
/// its JSON path, what is wrong and what to write instead.
public struct WorkspaceError: Error, Sendable, CustomStringConvertible {
    /// The `workspace.json` file that was read, or would have been read.
    public let file: URL
    /// The problems in the order they were found, which follows the order of the file.
    public let problems: [WorkspaceProblem]

    public init(file: URL, problems: [WorkspaceProblem]) {
        self.file = file
        self.problems = problems
    }

    /// Returns the problems found at `path`, or below it when `includingNested` is true.
    public func problems(at path: String, includingNested: Bool = false) -> [WorkspaceProblem] {
        problems.filter { problem in
            if problem.path == path { return true }
            guard includingNested else { return false }
            return problem.path.hasPrefix(path + ".") || problem.path.hasPrefix(path + "[")
        }
    }

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        let lines = problems.map { "  " + $0.description }
        return (["\(file.path): \(count):"] + lines).joined(separator: "\n")
    }
}

/// One problem of a workspace file: where it is, what is wrong and what to write instead.
public struct WorkspaceProblem: Hashable, Sendable, CustomStringConvertible {
    /// The JSON path of the value, such as `clients[0].syncs[1].destination.writeMode`;
    /// empty for a problem of the whole file.
    public let path: String
    /// The fault, quoting the value with control characters escaped.
    public let issue: String
    /// The text to write instead, or empty when the issue already names it.
    public let fix: String

    public init(path: String, issue: String, fix: String) {
        self.path = path
        self.issue = issue
        self.fix = fix
    }

    public var description: String {
        let location = path.isEmpty ? "" : "\(path): "
        let remedy = fix.isEmpty ? "" : "; \(fix)"
        return location + issue + remedy
    }
}
