/// Turns a request into the days an execution will import, and checks it against the sync's span.
///
/// The rules: `default` and a missing-only range never re-import a day the ledger holds. A single
/// date always needs confirmation, and a re-import-all range needs it when it overlaps the
/// ledger. Every requested day must lie in the sync's span.
public enum ExecutionPlanner {
    /// Plans `request` for `sync`.
    ///
    /// - Parameters:
    ///   - span: the days the sync can import now (see `SyncDefinition.span(in:now:)`), `nil` when none.
    ///   - coverage: the latest ledger entry of each day of the sync.
    /// - Throws: `RequestRejection` when the request names days outside the span or for days
    ///   of a snapshot sync.
    public static func plan(_ request: ExecutionRequest, for sync: SyncDefinition, span: DayRange?,
                            coverage: LedgerCoverage) throws -> ExecutionPlan {
        guard sync.supportsPeriods else {
            return try planSnapshot(request, sync: sync)
        }

        switch request {
        case .default:
            let days = span.map { Array($0).filter { !coverage.contains($0) } } ?? []
            return ExecutionPlan(request: request, days: days, overlap: [], requiresConfirmation: false,
                                 isSnapshot: false, span: span)

        case .singleDate(let day):
            try check(DayRange(single: day), within: span, of: sync)
            let overlap = coverage[day].map { [$0] } ?? []
            var plan = ExecutionPlan(request: request, days: [day], overlap: overlap, requiresConfirmation: true,
                                     isSnapshot: false, span: span)
            plan.repeatedImports = repeated(overlap, coverage)
            return plan

        case .dateRange(let range, let mode):
            try check(range, within: span, of: sync)
            let all = Array(range)
            let overlap = all.compactMap { coverage[$0] }
            let days = mode == .missingOnly ? all.filter { !coverage.contains($0) } : all
            let reimports = mode == .reimportAll ? overlap : []
            var plan = ExecutionPlan(request: request, days: days, overlap: reimports,
                                     requiresConfirmation: !reimports.isEmpty, isSnapshot: false, span: span)
            plan.repeatedImports = repeated(reimports, coverage)
            return plan
        }
    }

    private static func repeated(_ overlap: [LedgerEntry], _ coverage: LedgerCoverage) -> [Day: Int] {
        var counts: [Day: Int] = [:]
        for entry in overlap {
            if let count = coverage.importCounts[entry.day], count > 1 {
                counts[entry.day] = count
            }
        }
        return counts
    }

    /// Builds the range `first...last`, rejecting a range whose end precedes its start.
    public static func range(from first: Day, to last: Day) throws -> DayRange {
        guard let range = DayRange(first, last) else {
            throw RequestRejection(
                .endBeforeStart,
                "the range ends on \(last), before its first day \(first); choose a last day on or after \(first)")
        }
        return range
    }

    private static func planSnapshot(_ request: ExecutionRequest, sync: SyncDefinition) throws -> ExecutionPlan {
        guard request == .default else {
            throw RequestRejection(
                .periodsNotSupported,
                "sync \"\(sync.id)\" imports a snapshot with no days, so it cannot run for a date or a range; run the default execution")
        }
        return ExecutionPlan(request: request, days: [], overlap: [], requiresConfirmation: false,
                             isSnapshot: true, span: nil)
    }

    private static func check(_ requested: DayRange, within span: DayRange?, of sync: SyncDefinition) throws {
        guard let span else {
            throw RequestRejection(
                .afterSpan,
                "sync \"\(sync.id)\" has no complete day yet: its first day has not ended; try again once it has")
        }
        let what = requested.count == 1 ? "\(requested.first)" : "the range \(requested.first) to \(requested.last)"
        let allowed = "choose days from \(span.first) to \(span.last)"
        let single = requested.count == 1
        if requested.first < span.first {
            let position = single ? "is before" : "starts before"
            throw RequestRejection(
                .beforeSpan, "\(what) \(position) the first day of sync \"\(sync.id)\", \(span.first); \(allowed)")
        }
        if requested.last > span.last {
            let position = single ? "is after" : "ends after"
            throw RequestRejection(.afterSpan, "\(what) \(position) \(span.last), \(lastDayReason(of: sync, span: span)); \(allowed)")
        }
    }

    private static func lastDayReason(of sync: SyncDefinition, span: DayRange) -> String {
        if case .daily(_, let lastDay?) = sync.partitioning, lastDay == span.last {
            return "the last day of sync \"\(sync.id)\""
        }
        return "the last complete day in the client's time zone"
    }
}
