import SyncModel

/// Where a sync reads its records: a day at a time for a daily sync, whole for a snapshot.
public protocol RecordSource {
    /// Opens the records of `day`, or of the snapshot when `day` is `nil`.
    ///
    /// - Throws: `ExecutionFailure` when the data cannot be reached: a missing or unreadable file,
    ///   a refused connection, rejected credentials.
    func open(day: Day?) throws -> any RecordReader

    /// Opens the records of `day` for a running execution, whose log and cancel request the
    /// reader may use while it waits on a server or a program.
    ///
    /// The default implementation ignores `context` and calls `open(day:)`, which suits sources
    /// that never wait long.
    func open(day: Day?, context: SourceContext) throws -> any RecordReader
}

extension RecordSource {
    public func open(day: Day?, context: SourceContext) throws -> any RecordReader {
        try open(day: day)
    }
}

/// What an execution lends a source while it reads: its log and its cancel request.
///
/// Both closures are called on the thread that reads the execution's records, from `open` and
/// `next()`. The log lines reach the execution's log in order with its records.
public struct SourceContext {
    /// Appends a line to the execution's log. The text must hold no secret.
    public var log: (LogLine.Level, String) -> Void
    /// Whether the operator asked the execution to stop; a reader waiting on a server or a
    /// program checks it often and then returns `nil` from `next()`.
    public var isCanceled: () -> Bool

    public init(log: @escaping (LogLine.Level, String) -> Void, isCanceled: @escaping () -> Bool) {
        self.log = log
        self.isCanceled = isCanceled
    }

    /// A context that logs nothing and is never canceled, for a source read outside an execution.
    public static var detached: SourceContext {
        SourceContext(log: { _, _ in }, isCanceled: { false })
    }
}

/// A stream of records that holds only the current record in memory.
public protocol RecordReader: AnyObject {
    /// The file or address being read, relative to the workspace for files, for messages.
    var location: String { get }

    /// Returns the next record, an issue for a row that cannot be read as a record, or `nil`
    /// at the end.
    ///
    /// - Throws: `ExecutionFailure` when reading fails in a way that stops the execution.
    func next() throws -> SourceItem?

    /// Releases the file or connection. Called once, also when the execution stops early.
    func close()
}

/// What a reader returns for each row of the source.
public enum SourceItem: Sendable {
    case record(SourceRecord)
    /// A row that cannot be read as a record; it is rejected and reported as a warning.
    case malformed(RecordIssue)
}
