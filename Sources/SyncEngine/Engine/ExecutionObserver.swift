import SyncModel

/// Receives every change of every execution the engine runs.
///
/// Calls arrive on the engine's threads, so an observer that drives a user interface hands
/// each event over to its own thread.
public protocol ExecutionObserver: AnyObject, Sendable {
    func executionDidChange(_ event: ExecutionEvent)
}

/// One change of one execution.
public enum ExecutionEvent: Sendable {
    /// The execution was created or changed status, progress, warnings or failure.
    case updated(Execution)
    /// A line was appended to the execution's log.
    case logged(LogLine)
}
