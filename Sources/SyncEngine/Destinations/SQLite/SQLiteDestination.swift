import Foundation
import SyncModel
import SyncStore

/// A table of a SQLite database file that a sync writes its records to.
///
/// Rows carry two lineage columns: `_syncdeck_day` (the imported day, `NULL` for a snapshot)
/// and `_syncdeck_execution`. Each day is written inside a savepoint that also adds a row to
/// `_syncdeck_imports`, so the database itself records which execution imported which day.
/// Finished days stay in one `BEGIN IMMEDIATE` transaction until `commitFinishedDays()`, and a
/// day rolled back is rolled back to its savepoint, so the days finished before it are kept.
/// Without a schema, columns are added as records bring new fields.
///
/// - Note: A destination is used by one thread at a time, like its `SQLiteConnection`.
public final class SQLiteDestination: Destination {
    public let databaseURL: URL
    /// The database path as the workspace writes it, for messages.
    public let displayPath: String
    public let table: String
    public let writeMode: WriteMode
    public let schema: [FieldSpec]?
    /// Whether the sync imports days; a snapshot (`false`) is written with no day.
    public let partitioned: Bool

    /// How long a statement waits for another program's lock before the execution fails, in seconds.
    public let busyTimeout: TimeInterval

    private let layout: TableLayout
    private let failure: DestinationFailure
    private var connection: SQLiteConnection?
    /// The table's columns, lowercased because SQLite compares column names without case.
    private var knownColumns: Set<String> = []
    /// Insert statements by the column list of the records they write.
    private var insertStatements: [[String]: SQLiteStatement] = [:]
    /// The statement used for the previous record, which the next one almost always shares.
    private var lastInsert: (columns: [String], statement: SQLiteStatement)?
    /// Whether a day is being written, inside its savepoint.
    private var hasOpenBatch = false
    /// Whether the transaction of the finished days and of the day being written is open.
    private var hasOpenTransaction = false
    private static let daySavepoint = "syncdeck_day"

    /// Runs on each new connection before it is used. Tests set it to give the database a
    /// page limit or make it query-only, since they run as root and cannot otherwise fill a
    /// disk or make a file read-only for SQLite.
    var configureConnection: ((SQLiteConnection) throws -> Void)?

    public init(databaseURL: URL, displayPath: String, table: String, writeMode: WriteMode,
                schema: [FieldSpec]?, partitioned: Bool, busyTimeout: TimeInterval = 5) {
        self.databaseURL = databaseURL
        self.displayPath = displayPath
        self.table = table
        self.writeMode = writeMode
        self.schema = schema
        self.partitioned = partitioned
        self.busyTimeout = busyTimeout
        self.layout = TableLayout(table: table, writeMode: writeMode)
        self.failure = DestinationFailure(displayPath: displayPath, table: table)
    }

    deinit {
        close()
    }

    // MARK: - Destination

    public func prepare() throws {
        try checkSettings()
        let connection = try openConnection()
        do {
            try connection.transaction {
                try connection.execute(TableLayout.createImportsTable())
                try createOrExtendTable(connection)
            }
        } catch {
            throw failure.map(error, action: "preparing", day: nil)
        }
    }

    public func begin(day: Day?, executionID: ExecutionID) throws -> any DestinationBatch {
        try checkPartition(day)
        guard !hasOpenBatch else {
            throw ExecutionFailure(
                .technical, "table \(table) of \(displayPath) already has a day being written",
                hint: "Retry the execution; this is a defect of SyncDeck if it happens again.", day: day)
        }
        if connection == nil {
            try prepare()
        }
        guard let connection else {
            throw failure.map(SQLiteError(code: 14, message: "not open", context: displayPath), action: "opening", day: day)
        }

        do {
            if !hasOpenTransaction {
                try connection.execute("BEGIN IMMEDIATE")
                hasOpenTransaction = true
            } else if !connection.isInTransaction {
                // Beginning again would commit the next days without the finished ones.
                throw SQLiteError.rolledBackTransaction(displayPath)
            }
            try connection.execute("SAVEPOINT \(SQLiteDestination.daySavepoint)")
        } catch {
            throw failure.map(error, action: "starting a transaction on", day: day)
        }
        hasOpenBatch = true

        let batch = SQLiteBatch(destination: self, connection: connection, day: day, executionID: executionID)
        if case .replace = writeMode {
            do {
                try deleteEarlierRows(of: day, connection)
            } catch {
                batch.rollback()
                throw failure.map(error, action: "deleting earlier rows of", day: day)
            }
        }
        return batch
    }

    public func committedImports(executionID: ExecutionID) throws -> [(day: Day, records: Int)] {
        try readImports(TableLayout.selectImports(), [.text(table), .integer(executionID)]).map { ($0.day, $0.records) }
    }

    public func committedImports() throws -> [CommittedImport] {
        try readImports(TableLayout.selectAllImports(), [.text(table)])
    }

    /// Reads rows of `_syncdeck_imports` selected as (day, execution, records). A database or
    /// imports table that does not exist yet gives none.
    private func readImports(_ sql: String, _ parameters: [SQLiteValue]) throws -> [CommittedImport] {
        guard FileManager.default.fileExists(atPath: databaseURL.path) else {
            return []
        }
        do {
            let connection = try connection ?? SQLiteConnection(path: databaseURL.path, readOnly: true, busyTimeout: busyTimeout)
            let exists = try connection.query(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(TableLayout.importsTable)])
            guard !exists.isEmpty else { return [] }

            return try connection.query(sql, parameters).compactMap { row in
                guard row.count == 3, let text = row[0].textValue, let day = Day(text),
                      let executionID = row[1].integerValue, let records = row[2].integerValue else { return nil }
                return CommittedImport(day: day, executionID: executionID, records: Int(records))
            }
        } catch {
            throw failure.map(error, action: "reading the imports of", day: nil)
        }
    }

    public func commitFinishedDays() throws {
        guard hasOpenTransaction, let connection else { return }
        guard !hasOpenBatch else {
            throw ExecutionFailure(
                .technical, "table \(table) of \(displayPath) still has a day being written",
                hint: "Retry the execution; this is a defect of SyncDeck if it happens again.")
        }
        hasOpenTransaction = false
        do {
            guard connection.isInTransaction else {
                throw SQLiteError.rolledBackTransaction(displayPath)
            }
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw failure.map(error, action: "committing", day: nil)
        }
    }

    public func close() {
        // Days finished but not committed are rolled back: the engine commits them first.
        if hasOpenTransaction, let connection {
            try? connection.execute("ROLLBACK")
            hasOpenTransaction = false
        }
        insertStatements.removeAll()
        lastInsert = nil
        connection = nil
        hasOpenBatch = false
    }

    // MARK: - Writing, for the batch

    /// Inserts or upserts one record inside the open transaction, followed by the lineage
    /// values `day` and `execution`, which the batch computes once for all its records.
    ///
    /// Values are bound one by one into the statement prepared for the record's columns, with
    /// no array of them built, because this runs for every record imported.
    func insert(_ record: ValidRecord, day: SQLiteValue, execution: SQLiteValue, connection: SQLiteConnection) throws {
        let statement = try insertStatement(for: record.columns, connection)
        // Binding nothing resets the statement from its previous run and clears its values.
        try statement.bind([])
        var index: Int32 = 1
        for value in record.values {
            try statement.bind(SQLiteDestination.sqliteValue(value), at: index)
            index += 1
        }
        try statement.bind(day, at: index)
        try statement.bind(execution, at: index + 1)
        while try statement.step() {}
    }

    /// Records the import in `_syncdeck_imports` and releases the day's savepoint, which keeps
    /// its rows in the transaction until `commitFinishedDays()`.
    func finish(day: Day?, executionID: ExecutionID, records: Int, connection: SQLiteConnection) throws {
        let committedAt = UTCTimestamp.text(Date())
        try connection.query(TableLayout.insertImport(), [
            .text(table), day.map { .text($0.description) } ?? .null, .integer(executionID),
            .integer(Int64(records)), .text(committedAt),
        ])
        try connection.execute("RELEASE \(SQLiteDestination.daySavepoint)")
        hasOpenBatch = false
    }

    func rollback(connection: SQLiteConnection) {
        // SQLite rolls a whole transaction back by itself after some errors, such as a full
        // disk. The days finished before are then gone too, and `commitFinishedDays()` reports
        // it. Otherwise only the day's own rows are undone.
        if connection.isInTransaction {
            try? connection.execute("ROLLBACK TO \(SQLiteDestination.daySavepoint)")
            try? connection.execute("RELEASE \(SQLiteDestination.daySavepoint)")
        }
        hasOpenBatch = false

        // Columns added for a schemaless source were rolled back with the rows, so the
        // statements that name them must be prepared again from what the table now has.
        if schema == nil {
            insertStatements.removeAll()
            lastInsert = nil
            knownColumns = (try? readColumns(connection)) ?? []
        }
    }

    func mapFailure(_ error: Error, action: String, day: Day?) -> ExecutionFailure {
        failure.map(error, action: action, day: day)
    }

    // MARK: - Table

    private func openConnection() throws -> SQLiteConnection {
        if let connection {
            return connection
        }
        let folder = databaseURL.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw failure.folderFailure(folder, error)
        }
        do {
            let connection = try SQLiteConnection(path: databaseURL.path, busyTimeout: busyTimeout)
            try connection.query("PRAGMA journal_mode = WAL")
            // Rows are appended in rowid and day order, so the pages a write touches stay near
            // the right edge of the table and its index: a small cache loses no speed and keeps
            // memory flat. `synchronous` stays FULL, SQLite's default, so a committed day
            // survives a power loss before the ledger records it.
            try connection.execute("PRAGMA cache_size = -512")
            try configureConnection?(connection)
            self.connection = connection
            return connection
        } catch {
            throw failure.map(error, action: "opening", day: nil)
        }
    }

    private func createOrExtendTable(_ connection: SQLiteConnection) throws {
        let schemaColumns = (schema ?? []).map { (name: $0.name, type: Optional($0.type)) }
        try connection.execute(layout.createTable(columns: schemaColumns))
        knownColumns = try readColumns(connection)

        for column in schemaColumns + TableLayout.lineageColumns.map({ (name: $0, type: FieldType?.none) }) {
            try addColumnIfMissing(column.name, column.type, connection)
        }
        try connection.execute(layout.createDayIndex())

        if case .upsert(let key) = writeMode {
            try createKeyIndex(key, connection)
        }
    }

    private func createKeyIndex(_ key: [String], _ connection: SQLiteConnection) throws {
        for name in key where !knownColumns.contains(name.lowercased()) {
            guard schema == nil else {
                throw failure.configuration(
                    "upsert key \"\(name)\" of table \(table) is not a field of the sync's schema",
                    hint: "Name fields of the schema in the destination's key, in workspace.json.")
            }
            // A schemaless source brings its columns with its records, but the unique index
            // that an upsert needs must exist before the first record.
            // NOTE: a record without the key fields gets NULL keys, which a unique index treats
            // as distinct, so a re-import appends such records instead of overwriting them.
            try addColumnIfMissing(name, nil, connection)
        }
        do {
            try connection.execute(layout.createKeyIndex(key: key))
        } catch let error as SQLiteError where error.primaryCode == 19 {
            throw failure.configuration(
                "table \(table) of \(displayPath) already contains duplicate rows for the upsert key (\(key.joined(separator: ", ")))",
                hint: "Remove the duplicate rows or change the upsert key in workspace.json, then retry the execution.")
        }
    }

    /// Adds column `name` when the table lacks it; used inside a transaction.
    func addColumnIfMissing(_ name: String, _ type: FieldType?, _ connection: SQLiteConnection) throws {
        guard !knownColumns.contains(name.lowercased()) else { return }
        try connection.execute(layout.addColumn(name, type))
        knownColumns.insert(name.lowercased())
    }

    private func readColumns(_ connection: SQLiteConnection) throws -> Set<String> {
        let rows = try connection.query(layout.tableInfo())
        return Set(rows.compactMap { $0.count > 1 ? $0[1].textValue?.lowercased() : nil })
    }

    private func deleteEarlierRows(of day: Day?, _ connection: SQLiteConnection) throws {
        if let day {
            try connection.query(layout.deleteDay(), [.text(day.description)])
        } else {
            try connection.execute(layout.deleteAll())
        }
    }

    private func insertStatement(for columns: [String], _ connection: SQLiteConnection) throws -> SQLiteStatement {
        // Records checked against a schema share one column array, which compares by identity
        // at once, so the dictionary and its hashing of every name are skipped.
        if let last = lastInsert, last.columns == columns {
            return last.statement
        }
        if let statement = insertStatements[columns] {
            lastInsert = (columns, statement)
            return statement
        }
        if schema == nil {
            for name in columns {
                try checkSourceColumn(name)
                try addColumnIfMissing(name, nil, connection)
            }
        }
        let statement = try connection.prepare(layout.insert(columns: columns))
        insertStatements[columns] = statement
        lastInsert = (columns, statement)
        return statement
    }

    // MARK: - Settings

    private func checkSettings() throws {
        guard !table.isEmpty, table.lowercased() != TableLayout.importsTable else {
            throw failure.configuration(
                "\"\(table)\" cannot be the table of a destination",
                hint: "Choose another table name for the destination in workspace.json.")
        }
        if case .upsert(let key) = writeMode, key.isEmpty {
            throw failure.configuration(
                "the upsert of table \(table) has no key fields",
                hint: "List the fields that identify a record in the destination's key, in workspace.json.")
        }
        for field in schema ?? [] {
            try checkSourceColumn(field.name)
        }
    }

    private func checkSourceColumn(_ name: String) throws {
        if name.isEmpty {
            throw failure.configuration(
                "a source field with an empty name cannot be a column of table \(table)",
                hint: "Give every column of the source a name, or list the fields to keep in the sync's schema.")
        }
        if TableLayout.isReserved(name) {
            throw failure.configuration(
                "field \"\(name)\" has the name of a lineage column of table \(table)",
                hint: "Rename the field in the source or leave it out of the sync's schema.")
        }
    }

    private func checkPartition(_ day: Day?) throws {
        if partitioned, day == nil {
            throw failure.configuration(
                "table \(table) of a daily sync cannot be written without a day",
                hint: "Retry the execution; this is a defect of SyncDeck if it happens again.")
        }
        if !partitioned, let day {
            throw failure.configuration(
                "table \(table) of a snapshot sync cannot be written for a day",
                hint: "Retry the execution; this is a defect of SyncDeck if it happens again.", day: day)
        }
    }

    private static func sqliteValue(_ value: FieldValue) -> SQLiteValue {
        switch value {
        case .null: return .null
        case .text(let text): return .text(text)
        case .integer(let number): return .integer(number)
        case .decimal(let number): return .real(number)
        case .boolean(let flag): return .integer(flag ? 1 : 0)
        }
    }
}

private extension SQLiteError {
    /// SQLite rolled the transaction of the finished days back by itself after an error.
    static func rolledBackTransaction(_ path: String) -> SQLiteError {
        SQLiteError(code: 1, message: "the days finished since the last commit were rolled back after an earlier error",
                    context: path)
    }
}
