import Foundation
import SyncModel

/// The JSON form of executions for `executions --json` and `show --json`.
///
/// Scripts depend on these keys: keys are only ever added, never renamed or removed.
enum ExecutionJSON {
    static func summary(_ execution: Execution) -> [String: Any] {
        [
            "id": execution.id,
            "client": execution.clientID,
            "sync": execution.syncID,
            "request": request(execution.request),
            "requestSummary": execution.request.summary,
            "status": execution.status.jsonName,
            "operator": execution.operatorName,
            "operatorLogin": execution.operatorLogin.map { $0 as Any } ?? NSNull(),
            "operatorAddress": execution.operatorAddress.map { $0 as Any } ?? NSNull(),
            "confirmed": execution.confirmed,
            "createdAt": timestamp(execution.createdAt),
            "startedAt": execution.startedAt.map(timestamp) ?? NSNull(),
            "finishedAt": execution.finishedAt.map(timestamp) ?? NSNull(),
            "daysTotal": execution.plannedDays.count,
            "daysDone": execution.progress.days.filter { $0.state == .imported }.count,
            "recordsRead": execution.progress.recordsRead,
            "recordsWritten": execution.progress.recordsWritten,
            "recordsRejected": execution.progress.recordsRejected,
            "retryOf": execution.retryOf.map { $0 as Any } ?? NSNull(),
        ]
    }

    static func details(_ execution: Execution, log: [LogLine]) -> [String: Any] {
        var object = summary(execution)
        object["days"] = execution.progress.days.map { day in
            [
                "day": day.day.description,
                "state": day.state.rawValue,
                "recordsRead": day.recordsRead,
                "recordsWritten": day.recordsWritten,
                "recordsRejected": day.recordsRejected,
            ] as [String: Any]
        }
        object["warnings"] = execution.warnings.map { summary in
            [
                "kind": summary.kind.rawValue,
                "count": summary.count,
                "days": summary.days.map { ["day": $0.day.description, "count": $0.count] as [String: Any] },
                "examples": summary.examples.map(issue),
            ] as [String: Any]
        }
        object["error"] = execution.failure.map(failure) ?? NSNull()
        object["log"] = log.map { line in
            [
                "sequence": line.sequence,
                "time": timestamp(line.time),
                "level": line.level.rawValue,
                "message": line.message,
            ] as [String: Any]
        }
        return object
    }

    static func encode(_ value: Any) -> String {
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: options),
              let text = String(data: data, encoding: .utf8) else {
            return "null"
        }
        return text
    }

    private static func request(_ request: ExecutionRequest) -> [String: Any] {
        switch request {
        case .default:
            return ["kind": "default"]
        case .singleDate(let day):
            return ["kind": "singleDate", "day": day.description]
        case .dateRange(let range, let mode):
            return ["kind": "dateRange", "first": range.first.description, "last": range.last.description,
                    "mode": mode.rawValue]
        }
    }

    private static func issue(_ issue: RecordIssue) -> [String: Any] {
        [
            "kind": issue.kind.rawValue,
            "day": issue.day.map { $0.description as Any } ?? NSNull(),
            "location": issue.location,
            "line": issue.line.map { $0 as Any } ?? NSNull(),
            "field": issue.field.map { $0 as Any } ?? NSNull(),
            "message": issue.message,
        ]
    }

    private static func failure(_ failure: ExecutionFailure) -> [String: Any] {
        [
            "category": failure.category.rawValue,
            "message": failure.message,
            "hint": failure.hint,
            "day": failure.day.map { $0.description as Any } ?? NSNull(),
        ]
    }

    /// ISO 8601 in UTC with milliseconds, for example `2026-12-04T19:46:50.123Z`.
    static func timestamp(_ date: Date) -> String {
        UTCTimestamp.text(date, milliseconds: true)
    }
}
