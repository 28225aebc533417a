import Foundation
import SyncModel
import SyncStore

extension ExecutionEngine {
    /// Marks executions whose process died as `ERROR`, and restores ledger entries for days their
    /// destination committed just before the process died.
    func recoverInterruptedExecutions() throws {
        let interrupted = try store.recoverInterrupted(isOwnerAlive: ProcessLiveness.isAlive)
        for execution in interrupted {
            restoreLedger(of: execution)
        }
    }

    private func restoreLedger(of execution: Execution) {
        guard let (_, sync) = try? workspace.sync(clientID: execution.clientID, syncID: execution.syncID),
              sync.supportsPeriods else {
            return
        }

        do {
            let destination = try connectors.makeDestination(for: sync, in: workspace)
            defer { destination.close() }
            let recorded = Set(try store.ledger(clientID: execution.clientID, syncID: execution.syncID)
                .filter { $0.executionID == execution.id }
                .map(\.day))

            for (day, records) in try destination.committedImports(executionID: execution.id) where !recorded.contains(day) {
                let entry = LedgerEntry(clientID: execution.clientID, syncID: execution.syncID, day: day,
                                        executionID: execution.id, importedAt: now(), records: records)
                try store.recordImport(entry)
                try store.appendLog(executionID: execution.id, level: .info,
                                    message: "recovery: \(day) was committed to the destination before the process stopped; added it to the ledger",
                                    time: now())
            }
        } catch {
            _ = try? store.appendLog(executionID: execution.id, level: .error,
                                     message: "recovery could not compare the ledger with the destination: \(error)",
                                     time: now())
        }
    }
}
