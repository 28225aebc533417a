import SyncModel
import SyncStore

/// The rows of one day of a `SQLiteDestination`, written inside the day's savepoint.
final class SQLiteBatch: DestinationBatch {
    private let destination: SQLiteDestination
    private let connection: SQLiteConnection
    private let day: Day?
    private let executionID: ExecutionID
    /// The lineage values of every row of the batch, made once rather than per record.
    private let dayValue: SQLiteValue
    private let executionValue: SQLiteValue
    private var records = 0
    private var isOpen = true

    init(destination: SQLiteDestination, connection: SQLiteConnection, day: Day?, executionID: ExecutionID) {
        self.destination = destination
        self.connection = connection
        self.day = day
        self.executionID = executionID
        self.dayValue = day.map { .text($0.description) } ?? .null
        self.executionValue = .integer(executionID)
    }

    func write(_ record: ValidRecord) throws {
        try checkOpen()
        do {
            try destination.insert(record, day: dayValue, execution: executionValue, connection: connection)
            records += 1
        } catch {
            throw destination.mapFailure(error, action: "writing", day: day)
        }
    }

    func finish() throws {
        try checkOpen()
        do {
            try destination.finish(day: day, executionID: executionID, records: records, connection: connection)
            isOpen = false
        } catch {
            rollback()
            throw destination.mapFailure(error, action: "committing", day: day)
        }
    }

    func rollback() {
        guard isOpen else { return }
        isOpen = false
        destination.rollback(connection: connection)
    }

    private func checkOpen() throws {
        guard isOpen else {
            throw ExecutionFailure(
                .technical, "the rows of table \(destination.table)\(DestinationFailure.forDay(day)) were already committed or rolled back",
                hint: "Retry the execution; this is a defect of SyncDeck if it happens again.", day: day)
        }
    }
}
