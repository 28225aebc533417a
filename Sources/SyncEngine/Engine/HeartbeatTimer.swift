import Dispatch
import Foundation
import SyncModel
import SyncStore

/// Records a running execution's sign of life in the store every few seconds.
///
/// A timer rather than the record loop does it, so that a day spent waiting on a slow source
/// still shows a live process to other hosts and to the operator reading the lock message.
final class HeartbeatTimer {
    /// Seconds between two signs of life.
    static let interval: TimeInterval = 5

    private let timer: DispatchSourceTimer

    init(executionID: ExecutionID, store: any StateStore) {
        timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + Self.interval, repeating: Self.interval, leeway: .seconds(1))
        timer.setEventHandler {
            // A missed sign of life only makes the heartbeat older; the next one catches up.
            try? store.recordHeartbeat(executionID: executionID)
        }
        timer.resume()
    }

    func stop() {
        timer.cancel()
    }

    deinit {
        timer.cancel()
    }
}
