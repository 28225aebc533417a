import Dispatch
import SyncEngine

/// An engine observer that hands every event over to the main queue, where the console runs.
///
/// The engine calls observers on its own threads; ncurses and the console app may only be used
/// from the main thread, so the relay does nothing but hop.
final class EngineEventRelay: ExecutionObserver {
    private let deliver: @Sendable (ExecutionEvent) -> Void

    /// - Parameter deliver: called on the main queue with each event, in the order they arrived.
    init(deliver: @escaping @Sendable (ExecutionEvent) -> Void) {
        self.deliver = deliver
    }

    func executionDidChange(_ event: ExecutionEvent) {
        let deliver = self.deliver
        DispatchQueue.main.async {
            deliver(event)
        }
    }
}
