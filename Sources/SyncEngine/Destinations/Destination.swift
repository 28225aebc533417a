import SyncModel

/// Where a sync writes its records.
///
/// Each day (or the snapshot) is written as a whole together with the destination's own record
/// of which execution imported it. The engine adds the state ledger entry after the commit, and
/// recovery restores that entry from the destination's own record when the process died in
/// between. Several finished days may share one commit, because a durable commit waits for the
/// disk and a year of small days would otherwise spend most of its time waiting. A day is never
/// split across commits, so it is in the destination with all of its rows or not at all.
///
/// The destination's own record is what makes a day exactly-once. Attaching a SQLite
/// destination to the state database would not: SQLite commits a transaction across attached
/// databases atomically only with a rollback journal, and both databases run in WAL mode,
/// where each file commits on its own (https://www.sqlite.org/lang_attach.html). A record
/// inside the destination's transaction holds for every kind of destination, and the ledger
/// is rebuilt from it.
public protocol Destination: AnyObject {
    /// Creates the table or checks that it fits the schema.
    ///
    /// - Throws: `ExecutionFailure` when the destination cannot be opened or written.
    func prepare() throws

    /// Starts writing the rows of `day` (or of the snapshot when `day` is `nil`) for `executionID`.
    /// In `replace` mode the day's earlier rows are deleted inside the same transaction.
    func begin(day: Day?, executionID: ExecutionID) throws -> any DestinationBatch

    /// Commits every day finished since the last commit, durably.
    ///
    /// - Throws: `ExecutionFailure` when the commit fails; none of those days is then kept.
    func commitFinishedDays() throws

    /// Returns the days that the destination holds a committed import of by `executionID`,
    /// with their record counts, so that recovery can restore the ledger.
    func committedImports(executionID: ExecutionID) throws -> [(day: Day, records: Int)]

    /// Returns every committed import of a day in the destination's table, so that the engine
    /// can find days committed without their ledger entry.
    func committedImports() throws -> [CommittedImport]

    /// Releases the connection.
    func close()
}

/// The rows of one day being written, committed or rolled back as a whole.
public protocol DestinationBatch: AnyObject {
    /// Writes one record inside the batch's transaction.
    func write(_ record: ValidRecord) throws

    /// Ends the day: adds the destination's record of the import and keeps the rows for the
    /// next `Destination.commitFinishedDays()`, which commits them with other finished days.
    func finish() throws

    /// Discards every row written by this batch; days finished before it are kept.
    func rollback()
}

/// A day's import committed to a destination by an execution, with its record count.
public struct CommittedImport: Hashable, Sendable {
    public var day: Day
    public var executionID: ExecutionID
    public var records: Int

    public init(day: Day, executionID: ExecutionID, records: Int) {
        self.day = day
        self.executionID = executionID
        self.records = records
    }
}
