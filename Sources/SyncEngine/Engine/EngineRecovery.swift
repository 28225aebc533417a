import Foundation
import SyncModel
import SyncStore

/// Keeps the ledger equal to the imports the destinations contain.
///
/// A day's rows and the destination's record of the import commit in one destination
/// transaction, and the ledger entry in the state database follows in a second one. A process that
/// dies, or a state database that refuses the write, between the two leaves a day in the
/// destination that the ledger lacks. These functions find such days from the destination's
/// record and add their ledger entries, so that no later run imports them again.
extension ExecutionEngine {
    /// Marks executions whose process died as `ERROR`, and restores ledger entries for days their
    /// destination committed just before the process died. The engine does this when it opens;
    /// a console that watches other processes' executions does it again while they run.
    public func recoverInterruptedExecutions() throws {
        let interrupted = try store.recoverInterrupted(isOwnerAlive: ProcessLiveness.isAlive)
        for execution in interrupted {
            guard let sync = dailySync(of: execution) else { continue }
            do {
                let destination = try connectors.makeDestination(for: sync, in: workspace)
                defer { destination.close() }
                let imports = try destination.committedImports(executionID: execution.id)
                    .map { CommittedImport(day: $0.day, executionID: execution.id, records: $0.records) }
                try restore(imports, of: execution)
            } catch {
                logRecoveryFailure(execution.id, error)
            }
        }
    }

    /// Adds to the ledger every committed day of every daily sync that the ledger lacks, when
    /// the execution that committed it has ended.
    ///
    /// Days of executions still running are left to them. Imports by executions this state
    /// database does not know, such as another workspace writing the same table, are ignored.
    func reconcileLedgers() {
        for client in workspace.clients {
            for sync in client.syncs where sync.supportsPeriods {
                reconcileLedger(clientID: client.id, sync: sync)
            }
        }
    }

    private func reconcileLedger(clientID: String, sync: SyncDefinition) {
        let unrecorded: [ExecutionID: [CommittedImport]]
        do {
            let destination = try connectors.makeDestination(for: sync, in: workspace)
            defer { destination.close() }
            let imports = try destination.committedImports()
            guard !imports.isEmpty else { return }
            let recorded = Set(try store.ledger(clientID: clientID, syncID: sync.id).map { LedgerKey($0.day, $0.executionID) })
            unrecorded = Dictionary(grouping: imports.filter { !recorded.contains(LedgerKey($0.day, $0.executionID)) },
                                    by: \.executionID)
        } catch {
            // The sync's next execution reports a destination it cannot read, with its path.
            return
        }

        for (executionID, imports) in unrecorded.sorted(by: { $0.key < $1.key }) {
            guard let execution = try? store.execution(id: executionID),
                  execution.clientID == clientID, execution.syncID == sync.id, execution.status.isFinal else {
                continue
            }
            do {
                try restore(imports, of: execution)
            } catch {
                logRecoveryFailure(executionID, error)
            }
        }
    }

    /// Adds a ledger entry for each of `imports` that the ledger lacks, and marks those days
    /// imported in the execution's progress.
    private func restore(_ imports: [CommittedImport], of execution: Execution) throws {
        let entries = try store.ledger(clientID: execution.clientID, syncID: execution.syncID)
            .filter { $0.executionID == execution.id }
        let recorded = Set(entries.map(\.day))
        var updated = execution
        var restored = 0

        // The runner saves its progress at most once a second, so a process that died may have
        // recorded days in the ledger that its saved progress still shows as pending.
        for entry in entries {
            if let index = updated.progress.days.firstIndex(where: { $0.day == entry.day && $0.state != .imported }) {
                updated.progress.days[index].state = .imported
                updated.progress.days[index].recordsWritten = entry.records
                updated.progress.unitsDone += 1
                updated.progress.recordsWritten += entry.records
                restored += 1
            }
        }
        for committed in imports where !recorded.contains(committed.day) {
            try store.recordImport(LedgerEntry(clientID: execution.clientID, syncID: execution.syncID, day: committed.day,
                                               executionID: execution.id, importedAt: now(), records: committed.records))
            try store.appendLog(executionID: execution.id, level: .info,
                                message: "recovery: \(committed.day) was committed to the destination but missing from the ledger; added it to the ledger",
                                time: now())
            if let index = updated.progress.days.firstIndex(where: { $0.day == committed.day && $0.state != .imported }) {
                updated.progress.days[index].state = .imported
                updated.progress.days[index].recordsWritten = committed.records
                updated.progress.unitsDone += 1
                updated.progress.recordsWritten += committed.records
            }
            restored += 1
        }
        if restored > 0 {
            try store.saveExecution(updated)
        }
    }

    private func dailySync(of execution: Execution) -> SyncDefinition? {
        guard let (_, sync) = try? workspace.sync(clientID: execution.clientID, syncID: execution.syncID),
              sync.supportsPeriods else {
            return nil
        }
        return sync
    }

    private func logRecoveryFailure(_ id: ExecutionID, _ error: Error) {
        _ = try? store.appendLog(executionID: id, level: .error,
                                 message: "recovery could not compare the ledger with the destination: \(error)",
                                 time: now())
    }
}

/// A day imported by one execution, as the ledger and the destinations both key it.
private struct LedgerKey: Hashable {
    let day: Day
    let executionID: ExecutionID

    init(_ day: Day, _ executionID: ExecutionID) {
        self.day = day
        self.executionID = executionID
    }
}
