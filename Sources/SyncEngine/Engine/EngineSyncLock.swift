import Foundation
import SyncModel
import SyncStore

extension ExecutionEngine {
    /// Stores `draft` as an execution that holds its sync's lock in the state store.
    ///
    /// Executions that a dead process left unfinished are recovered first, so their lock is
    /// free and they show as interrupted rather than running.
    ///
    /// - Throws: `RequestRejection` with reason `syncBusy`, naming the running execution, when
    ///   another live process holds the sync.
    func createHoldingSync(_ draft: ExecutionDraft) throws -> Execution {
        try? recoverInterruptedExecutions()
        switch try store.createExecutionHoldingSync(draft, isOwnerAlive: ProcessLiveness.isAlive) {
        case .acquired(let execution):
            return execution
        case .held(let holder):
            throw RequestRejection(.syncBusy, busyMessage(holder, path: "\(draft.clientID)/\(draft.syncID)"))
        }
    }

    private func busyMessage(_ holder: SyncLockHolder, path: String) -> String {
        let seconds = max(0, Int(Date().timeIntervalSince(holder.heartbeatAt).rounded()))
        return "\(path) is being run by another SyncDeck process: execution #\(holder.executionID) "
            + "(\(holder.status.label(unicode: false))), started by \(holder.operatorName), pid \(holder.owner.processID) "
            + "on \(holder.owner.host), last sign of life \(seconds) s ago; wait until it ends, or cancel it where "
            + "it runs, then start this request again"
    }
}
