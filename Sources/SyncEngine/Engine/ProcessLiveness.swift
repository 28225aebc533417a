import Foundation
import SyncStore

enum ProcessLiveness {
    /// Tells whether the owner of an execution still runs.
    ///
    /// A process on another host cannot be checked from here, so it counts as alive.
    static func isAlive(_ owner: ExecutionOwner) -> Bool {
        guard owner.host == ExecutionOwner.current.host else { return true }
        if owner.processID == ExecutionOwner.current.processID { return true }
        if kill(owner.processID, 0) == 0 { return true }
        // EPERM means the process exists but belongs to another user.
        return errno == EPERM
    }
}
