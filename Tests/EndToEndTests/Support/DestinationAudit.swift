import Foundation
import SyncStore

/// The contents of a `YearWorkspace` after runs of the real binary: the destination's rows per
/// day, the ledger, and the integrity of both database files.
struct DestinationAudit {
    /// Rows per day in the destination table.
    var rowsByDay: [String: Int] = [:]
    /// Rows in the destination table, and how many distinct ids they have.
    var rows = 0
    var distinctIDs = 0
    /// Ledger entries per day, with their record counts.
    var ledgerByDay: [String: [Int]] = [:]
    /// Executions that have not ended, by status.
    var unfinished: [String] = []
    var destinationIntegrity = "ok"
    var stateIntegrity = "ok"

    init(_ workspace: YearWorkspace) throws {
        if FileManager.default.fileExists(atPath: workspace.destinationPath) {
            let destination = try SQLiteConnection(path: workspace.destinationPath, readOnly: true)
            destinationIntegrity = try Self.integrity(destination)
            let hasTable = try !destination.query("SELECT 1 FROM sqlite_master WHERE name = 'orders'").isEmpty
            if hasTable {
                for row in try destination.query("SELECT _syncdeck_day, count(*) FROM orders GROUP BY _syncdeck_day") {
                    rowsByDay[row[0].textValue ?? "NULL"] = Int(row[1].integerValue ?? 0)
                }
                let counts = try destination.query("SELECT count(*), count(DISTINCT id) FROM orders")
                rows = Int(counts.first?[0].integerValue ?? 0)
                distinctIDs = Int(counts.first?[1].integerValue ?? 0)
            }
        }
        if FileManager.default.fileExists(atPath: workspace.statePath) {
            let state = try SQLiteConnection(path: workspace.statePath, readOnly: true)
            stateIntegrity = try Self.integrity(state)
            for row in try state.query("SELECT day, records FROM ledger WHERE client_id = 'acme' AND sync_id = 'orders'") {
                ledgerByDay[row[0].textValue ?? "NULL", default: []].append(Int(row[1].integerValue ?? -1))
            }
            unfinished = try state.query("""
                SELECT status FROM executions WHERE status NOT IN ('FINISHED', 'FINISHED_WITH_WARNINGS', 'ERROR', 'CANCELED')
                """).compactMap { $0.first?.textValue }
        }
    }

    /// Days whose row count is neither 0 nor a whole day.
    func partialDays(rowsPerDay: Int) -> [String] {
        rowsByDay.filter { $0.value != rowsPerDay }.map(\.key).sorted()
    }

    /// Days on which the ledger and the destination disagree: a day in one and not the other,
    /// imported more than once, or with another count of records.
    func ledgerMismatches() -> [String] {
        let days = Set(rowsByDay.keys).union(ledgerByDay.keys)
        return days.filter { day in ledgerByDay[day] != [rowsByDay[day] ?? 0] }.sorted()
    }

    private static func integrity(_ connection: SQLiteConnection) throws -> String {
        try connection.query("PRAGMA integrity_check").compactMap { $0.first?.textValue }.joined(separator: "; ")
    }
}
