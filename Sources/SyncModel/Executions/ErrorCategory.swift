/// The kind of fatal error that ended an execution, which tells the operator where to look.
public enum ErrorCategory: String, Hashable, Sendable, Codable, CaseIterable {
    /// Credentials were missing, invalid or expired.
    case authentication
    /// The credentials were accepted but lack the permission, or a file is not readable or writable.
    case authorization
    /// A server, a file system or a database could not be reached.
    case connectivity
    /// The workspace describes something that cannot work: a bad path, table, field or setting.
    case configuration
    /// Anything else that failed: missing data, a crash, an interrupted process.
    case technical
}

/// The fatal error of an execution: its category, what failed and what the operator can do next.
public struct ExecutionFailure: Hashable, Sendable, Codable, Error, CustomStringConvertible {
    public var category: ErrorCategory
    /// What failed, naming the value: the path, table, day or setting.
    public var message: String
    /// What to do next.
    public var hint: String
    /// The day being imported when the error happened, if any.
    public var day: Day?

    public init(_ category: ErrorCategory, _ message: String, hint: String, day: Day? = nil) {
        self.category = category
        self.message = message
        self.hint = hint
        self.day = day
    }

    public var description: String {
        "\(category.rawValue) error: \(message). \(hint)"
    }
}
