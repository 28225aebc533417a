import SyncModel

/// Where a sync reads its records: a day at a time for a daily sync, whole for a snapshot.
public protocol RecordSource {
    /// Opens the records of `day`, or of the snapshot when `day` is `nil`.
    ///
    /// - Throws: `ExecutionFailure` when the data cannot be reached: a missing or unreadable file,
    ///   a refused connection, rejected credentials.
    func open(day: Day?) throws -> any RecordReader
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
