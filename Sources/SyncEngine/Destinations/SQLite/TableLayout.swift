import SyncModel
import SyncStore

/// The SQL of a destination table: its columns, lineage columns, indexes and insert statements.
struct TableLayout {
    /// The lineage column holding the imported day, `NULL` for a snapshot.
    static let dayColumn = "_syncdeck_day"
    /// The lineage column holding the id of the execution that wrote the row.
    static let executionColumn = "_syncdeck_execution"
    /// The table recording each committed import, written in the same transaction as its rows.
    static let importsTable = "_syncdeck_imports"

    static let lineageColumns = [dayColumn, executionColumn]

    var table: String
    var writeMode: WriteMode

    var quotedTable: String { SQLiteConnection.quote(identifier: table) }

    /// Returns the declared SQL type of a schema field. A column from a schemaless source gets
    /// none, so SQLite keeps each value with the type the source gave it.
    static func declaredType(of type: FieldType?) -> String {
        switch type {
        case .integer?, .boolean?: return "INTEGER"
        // NOTE: a double keeps about 15 significant digits, so a decimal with more loses its
        // last ones; storing the text in a NUMERIC column would keep them exact.
        case .decimal?: return "REAL"
        case .string?, .date?, .timestamp?: return "TEXT"
        case nil: return ""
        }
    }

    /// Returns whether `name` is a lineage column, ignoring case as SQLite does for column names.
    static func isReserved(_ name: String) -> Bool {
        lineageColumns.contains { $0.lowercased() == name.lowercased() }
    }

    // MARK: - Definitions

    func createTable(columns: [(name: String, type: FieldType?)]) -> String {
        let definitions = columns.map { column($0.name, $0.type) }
            + [column(TableLayout.dayColumn, .string), column(TableLayout.executionColumn, .integer)]
        return "CREATE TABLE IF NOT EXISTS \(quotedTable) (\(definitions.joined(separator: ", ")))"
    }

    func addColumn(_ name: String, _ type: FieldType?) -> String {
        "ALTER TABLE \(quotedTable) ADD COLUMN \(column(name, type))"
    }

    func createDayIndex() -> String {
        let index = SQLiteConnection.quote(identifier: "\(table)__syncdeck_day")
        return "CREATE INDEX IF NOT EXISTS \(index) ON \(quotedTable) (\(SQLiteConnection.quote(identifier: TableLayout.dayColumn)))"
    }

    /// Returns the unique index an upsert needs. It is named after the key, so a changed key gets a new index.
    func createKeyIndex(key: [String]) -> String {
        let index = SQLiteConnection.quote(identifier: "\(table)__syncdeck_key__\(key.joined(separator: "__"))")
        return "CREATE UNIQUE INDEX IF NOT EXISTS \(index) ON \(quotedTable) (\(quotedList(key)))"
    }

    static func createImportsTable() -> String {
        """
        CREATE TABLE IF NOT EXISTS \(SQLiteConnection.quote(identifier: importsTable)) (
            table_name TEXT NOT NULL,
            day TEXT,
            execution_id INTEGER NOT NULL,
            records INTEGER NOT NULL,
            committed_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS "_syncdeck_imports__execution" ON \(SQLiteConnection.quote(identifier: importsTable)) (execution_id)
        """
    }

    // MARK: - Rows

    func tableInfo() -> String {
        "PRAGMA table_info(\(quotedTable))"
    }

    func deleteDay() -> String {
        "DELETE FROM \(quotedTable) WHERE \(SQLiteConnection.quote(identifier: TableLayout.dayColumn)) = ?"
    }

    func deleteAll() -> String {
        "DELETE FROM \(quotedTable)"
    }

    /// Returns the insert of a record with `columns`, followed by the two lineage values. In
    /// upsert mode, the statement updates the row with the same key instead.
    func insert(columns: [String]) -> String {
        let allColumns = columns + TableLayout.lineageColumns
        let placeholders = Array(repeating: "?", count: allColumns.count).joined(separator: ", ")
        var sql = "INSERT INTO \(quotedTable) (\(quotedList(allColumns))) VALUES (\(placeholders))"

        if case .upsert(let key) = writeMode {
            let keyNames = Set(key.map { $0.lowercased() })
            let updates = allColumns
                .filter { !keyNames.contains($0.lowercased()) }
                .map { "\(SQLiteConnection.quote(identifier: $0)) = excluded.\(SQLiteConnection.quote(identifier: $0))" }
            sql += " ON CONFLICT (\(quotedList(key))) DO UPDATE SET \(updates.joined(separator: ", "))"
        }
        return sql
    }

    static func insertImport() -> String {
        "INSERT INTO \(SQLiteConnection.quote(identifier: importsTable)) (table_name, day, execution_id, records, committed_at) VALUES (?, ?, ?, ?, ?)"
    }

    static func selectImports() -> String {
        """
        SELECT day, execution_id, records FROM \(SQLiteConnection.quote(identifier: importsTable))
        WHERE table_name = ? AND execution_id = ? AND day IS NOT NULL ORDER BY day
        """
    }

    static func selectAllImports() -> String {
        """
        SELECT day, execution_id, records FROM \(SQLiteConnection.quote(identifier: importsTable))
        WHERE table_name = ? AND day IS NOT NULL ORDER BY execution_id, day
        """
    }

    // MARK: - Names

    private func column(_ name: String, _ type: FieldType?) -> String {
        let declared = TableLayout.declaredType(of: type)
        let quoted = SQLiteConnection.quote(identifier: name)
        return declared.isEmpty ? quoted : "\(quoted) \(declared)"
    }

    private func quotedList(_ names: [String]) -> String {
        names.map(SQLiteConnection.quote(identifier:)).joined(separator: ", ")
    }
}
