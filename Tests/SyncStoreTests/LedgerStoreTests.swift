import Foundation
import SyncModel
import SyncStore
import Testing

@Suite("SQLiteStateStore ledger")
struct LedgerStoreTests {
    @Test
    func ledger_keepsHistory() throws {
        try withStore { store, _ in
            let first = try store.createExecution(draft())
            let second = try store.createExecution(draft())
            let imported = try day("2026-01-02")
            let earlier = LedgerEntry(clientID: "acme", syncID: "orders", day: imported, executionID: first.id,
                                      importedAt: referenceTime, records: 10)
            let later = LedgerEntry(clientID: "acme", syncID: "orders", day: imported, executionID: second.id,
                                    importedAt: referenceTime.addingTimeInterval(3600), records: 12)
            try store.recordImport(later)
            try store.recordImport(earlier)

            #expect(try store.ledger(clientID: "acme", syncID: "orders") == [earlier, later])
        }
    }

    @Test
    func ledger_coveragePicksLatest() throws {
        try withStore { store, _ in
            let first = try store.createExecution(draft())
            let second = try store.createExecution(draft())
            let imported = try day("2026-01-02")
            try store.recordImport(LedgerEntry(clientID: "acme", syncID: "orders", day: imported, executionID: first.id,
                                               importedAt: referenceTime, records: 10))
            try store.recordImport(LedgerEntry(clientID: "acme", syncID: "orders", day: imported, executionID: second.id,
                                               importedAt: referenceTime.addingTimeInterval(60), records: 12))

            let coverage = LedgerCoverage(entries: try store.ledger(clientID: "acme", syncID: "orders"))
            #expect(coverage[imported]?.executionID == second.id)
        }
    }

    @Test
    func ledger_perSync() throws {
        try withStore { store, _ in
            let execution = try store.createExecution(draft())
            try store.recordImport(LedgerEntry(clientID: "acme", syncID: "returns", day: try day("2026-01-02"),
                                               executionID: execution.id, importedAt: referenceTime, records: 1))
            #expect(try store.ledger(clientID: "acme", syncID: "orders").isEmpty)
        }
    }

    @Test
    func recordImport_unknownExecution() throws {
        try withStore { store, _ in
            let entry = LedgerEntry(clientID: "acme", syncID: "orders", day: try day("2026-01-02"), executionID: 9,
                                    importedAt: referenceTime, records: 1)
            let error = try #require(throws: StateStoreError.self) { try store.recordImport(entry) }
            #expect(error.code == .unknownExecution)
        }
    }
}
