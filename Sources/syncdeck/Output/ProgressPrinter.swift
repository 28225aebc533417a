import Foundation
import SyncEngine
import SyncModel

/// Prints the log of the execution that `run` started, line by line as the engine reports it.
///
/// The command line is the engine's second observer, next to the console.
final class ProgressPrinter: ExecutionObserver, @unchecked Sendable {
    private let json: Bool
    private let lock = NSLock()
    private var followed: ExecutionID?
    /// Lines that arrived before `follow` named the execution.
    private var early: [LogLine] = []

    init(json: Bool) {
        self.json = json
    }

    /// Starts printing the lines of execution `id`, including those that came before.
    func follow(_ id: ExecutionID) {
        lock.lock()
        followed = id
        let pending = early.filter { $0.executionID == id }
        early = []
        lock.unlock()
        pending.forEach(print)
    }

    func executionDidChange(_ event: ExecutionEvent) {
        guard case .logged(let line) = event else { return }
        lock.lock()
        guard let followed else {
            early.append(line)
            lock.unlock()
            return
        }
        lock.unlock()
        if line.executionID == followed {
            print(line)
        }
    }

    /// Prints how the execution ended; `showCommand` is the command that gives its details.
    func printOutcome(_ execution: Execution, log: [LogLine], showCommand: String) {
        if json {
            Swift.print(ExecutionJSON.encode(ExecutionJSON.details(execution, log: log)))
            return
        }
        let progress = execution.progress
        let days = execution.progress.days.filter { $0.state == .imported }.count
        let unit = progress.days.isEmpty && progress.unitsTotal == 1 ? "snapshot" : "\(days) of \(ExecutionText.count(execution.plannedDays.count, "day"))"
        Swift.print("#\(execution.id) \(execution.status.label()): \(unit), \(progress.recordsWritten) records written, \(progress.recordsRejected) rejected")
        for summary in execution.warnings {
            Swift.print("  \(summary.kind.title): \(summary.count), for example \(summary.examples.first.map(describe) ?? "-")")
        }
        if let failure = execution.failure {
            Swift.print("  \(failure.category.rawValue) error: \(failure.message.escapingControlCharacters)")
            Swift.print("  next step: \(failure.hint.escapingControlCharacters)")
        }
        if execution.status != .finished {
            Swift.print("  details: \(showCommand)")
        }
    }

    private func print(_ line: LogLine) {
        guard !json else { return }
        let marker = line.level == .info ? "" : "\(line.level.rawValue): "
        Swift.print("#\(line.executionID) \(marker)\(line.message.escapingControlCharacters)")
        fflush(stdout)
    }

    private func describe(_ issue: RecordIssue) -> String {
        "\(issue.position) \(issue.message)".escapingControlCharacters
    }
}
