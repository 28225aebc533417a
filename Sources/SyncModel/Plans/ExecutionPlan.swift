/// The days an execution will import and the overlap it re-imports, computed before it runs so
/// the operator can see them.
public struct ExecutionPlan: Hashable, Sendable {
    public var request: ExecutionRequest
    /// The days the execution imports, in order; empty for a snapshot sync.
    public var days: [Day]
    /// The planned days that the ledger already holds, with the records of their latest import.
    public var overlap: [LedgerEntry]
    /// Whether the operator must confirm before the execution may start.
    public var requiresConfirmation: Bool
    /// Whether the execution imports a snapshot rather than days.
    public var isSnapshot: Bool
    /// The days the sync could import when the plan was made.
    public var span: DayRange?
    /// The overlapping days that the ledger shows imported more than once already, with how many
    /// times: in append mode their rows may already be in the destination several times.
    public var repeatedImports: [Day: Int] = [:]

    public init(request: ExecutionRequest, days: [Day], overlap: [LedgerEntry], requiresConfirmation: Bool,
                isSnapshot: Bool, span: DayRange?) {
        self.request = request
        self.days = days
        self.overlap = overlap
        self.requiresConfirmation = requiresConfirmation
        self.isSnapshot = isSnapshot
        self.span = span
    }

    /// Units of work: the number of days, or 1 for a snapshot.
    public var unitCount: Int { isSnapshot ? 1 : days.count }

    /// Returns which overlapping days were imported more than once, as a short sentence, or `nil`.
    public var repeatedImportsNote: String? {
        guard let (day, count) = repeatedImports.min(by: { $0.key < $1.key }) else { return nil }
        if repeatedImports.count == 1 {
            return "\(day) was already imported \(count) times"
        }
        return "\(repeatedImports.count) of these days were already imported more than once"
    }

    /// Records that the overlapping days hold now.
    public var overlapRecords: Int { overlap.reduce(0) { $0 + $1.records } }
}
