import Foundation
import SyncModel

extension SQLiteStateStore {
    /// Returns every import of every day of one sync, oldest first. A day imported twice
    /// appears twice.
    public func ledger(clientID: String, syncID: String) throws -> [LedgerEntry] {
        try withConnection("read the ledger of \(clientID)/\(syncID)") { connection in
            let rows = try connection.query("""
                SELECT day, execution_id, imported_at, records FROM ledger
                WHERE client_id = ? AND sync_id = ? ORDER BY imported_at, id
                """, [.text(clientID), .text(syncID)])
            return try rows.map { row in
                try ledgerEntry(row, clientID: clientID, syncID: syncID)
            }
        }
    }

    /// Adds one import of a day to the ledger, keeping the earlier imports of that day.
    ///
    /// - Throws: `StateStoreError` with code `.unknownExecution` when the entry's execution is not stored.
    public func recordImport(_ entry: LedgerEntry) throws {
        try withConnection("record the import of \(entry.day) for \(entry.clientID)/\(entry.syncID)") { connection in
            do {
                try connection.query("""
                    INSERT INTO ledger (client_id, sync_id, day, execution_id, imported_at, records)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, [.text(entry.clientID), .text(entry.syncID), .text(entry.day.description),
                          .integer(entry.executionID), StoredTime.value(entry.importedAt), .integer(Int64(entry.records))])
            } catch let error as SQLiteError where error.primaryCode == 19 {
                throw unknownExecution(entry.executionID)
            }
        }
    }

    private func ledgerEntry(_ row: [SQLiteValue], clientID: String, syncID: String) throws -> LedgerEntry {
        guard row.count == 4, let dayText = row[0].textValue, let day = Day(dayText),
              let executionID = row[1].integerValue, let importedAt = row[2].integerValue,
              let records = row[3].integerValue else {
            throw StateStoreError(.invalidData, path: path,
                                  message: "a ledger row of \(clientID)/\(syncID) is invalid: \(row)",
                                  hint: "The row was changed outside SyncDeck; correct it or delete it")
        }
        return LedgerEntry(clientID: clientID, syncID: syncID, day: day, executionID: executionID,
                           importedAt: StoredTime.date(milliseconds: importedAt), records: Int(records))
    }
}
