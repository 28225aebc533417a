import Foundation
import SyncEngine
import SyncModel

/// An observer that keeps every engine event, so tests can wait for and inspect them.
public final class EventRecorder: ExecutionObserver, @unchecked Sendable {
    private let condition = NSCondition()
    private var events: [ExecutionEvent] = []

    public init() {}

    public func executionDidChange(_ event: ExecutionEvent) {
        condition.lock()
        events.append(event)
        condition.broadcast()
        condition.unlock()
    }

    /// Every status an execution went through, in order, without repeats.
    public func statuses(of id: ExecutionID) -> [ExecutionStatus] {
        condition.lock()
        defer { condition.unlock() }
        var result: [ExecutionStatus] = []
        for case .updated(let execution) in events where execution.id == id && result.last != execution.status {
            result.append(execution.status)
        }
        return result
    }

    /// Returns every update of an execution, in the order the engine sent them.
    public func updates(of id: ExecutionID) -> [Execution] {
        condition.lock()
        defer { condition.unlock() }
        return events.compactMap { event in
            if case .updated(let execution) = event, execution.id == id { return execution }
            return nil
        }
    }

    public func logLines(of id: ExecutionID) -> [LogLine] {
        condition.lock()
        defer { condition.unlock() }
        return events.compactMap { event in
            if case .logged(let line) = event, line.executionID == id { return line }
            return nil
        }
    }

    /// Waits until an update satisfies `predicate` or `timeout` seconds pass, and returns that update.
    @discardableResult
    public func waitForUpdate(timeout: TimeInterval = 20, where predicate: (Execution) -> Bool) -> Execution? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        var checked = 0
        while true {
            while checked < events.count {
                if case .updated(let execution) = events[checked], predicate(execution) {
                    return execution
                }
                checked += 1
            }
            if !condition.wait(until: deadline) { return nil }
        }
    }
}
