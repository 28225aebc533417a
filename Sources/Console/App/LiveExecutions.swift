import SyncModel

/// The executions the console shows, newest first, kept current from engine events so that a
/// status change never needs a database read.
public struct LiveExecutions {
    /// How many executions are loaded at start; newer ones are added from events.
    public static let initialLimit = 500

    /// Newest first: executions get increasing ids, so the order is by descending id.
    public private(set) var all: [Execution] = []
    private var indexByID: [ExecutionID: Int] = [:]

    public init(_ executions: [Execution] = []) {
        for execution in executions {
            update(execution)
        }
    }

    public func execution(id: ExecutionID) -> Execution? {
        indexByID[id].map { all[$0] }
    }

    /// Replaces the stored copy of `execution`, or inserts it in id order.
    public mutating func update(_ execution: Execution) {
        if let index = indexByID[execution.id] {
            all[index] = execution
            return
        }
        let position = all.firstIndex { $0.id < execution.id } ?? all.count
        all.insert(execution, at: position)
        reindex(from: position)
    }

    /// The newest execution of one sync.
    public func latest(clientID: String, syncID: String) -> Execution? {
        all.first { $0.clientID == clientID && $0.syncID == syncID }
    }

    /// The executions of one sync, newest first.
    public func of(clientID: String, syncID: String) -> [Execution] {
        all.filter { $0.clientID == clientID && $0.syncID == syncID }
    }

    private mutating func reindex(from position: Int) {
        for index in position..<all.count {
            indexByID[all[index].id] = index
        }
    }
}
