import Foundation
import SyncEngine
import SyncModel
import SyncStore

/// What the engine's import of the benchmark workspace measured, as the child process reports it.
struct EngineResult: Codable {
    var seconds: Double
    var status: String
    var recordsWritten: Int
    var recordsRejected: Int
    /// `VmHWM` once the workspace is loaded and the engine open, before any record is read.
    var startKiB: Int
    /// `VmHWM` after the import: the peak of the whole process.
    var peakKiB: Int
}

/// Imports every day of the benchmark workspace through the real engine: the workspace loader,
/// the state store with its ledger, the CSV reader, the validator and the SQLite destination.
enum EngineImport {
    static func run(folder: URL) throws -> EngineResult {
        let workspace = try Workspace.load(folder: folder)
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        let engine = try ExecutionEngine(workspace: workspace, store: store)
        let startKiB = MemoryStatus.peakResidentKiB() ?? 0

        let start = DispatchTime.now()
        let started = try engine.start(clientID: BenchWorkspace.clientID, syncID: BenchWorkspace.syncID,
                                       request: .default, confirmed: false, operatorName: "bench")
        guard let execution = engine.waitUntilFinished(started.id) else {
            throw BenchFailure("execution #\(started.id) is missing from the state database")
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9

        if let failure = execution.failure {
            throw BenchFailure("the import failed: \(failure.message)")
        }
        return EngineResult(seconds: seconds, status: execution.status.jsonName,
                            recordsWritten: execution.progress.recordsWritten,
                            recordsRejected: execution.progress.recordsRejected,
                            startKiB: startKiB, peakKiB: MemoryStatus.peakResidentKiB() ?? 0)
    }
}
