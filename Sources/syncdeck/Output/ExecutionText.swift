import Foundation
import SyncModel

/// The plain-text form of executions for people reading `executions` and `show`.
///
/// Every text that comes from data, configuration or logs is escaped, so a record cannot
/// change the terminal it is printed on.
enum ExecutionText {
    static func table(_ executions: [Execution]) -> String {
        guard !executions.isEmpty else { return "No executions yet." }
        var lines = [pad("ID", 6) + pad("STATUS", 14) + pad("CLIENT/SYNC", 26) + pad("REQUEST", 40) + pad("WRITTEN", 9)
                     + pad("REJECTED", 9) + "OPERATOR"]
        for execution in executions {
            let status = execution.status.label()
            lines.append(pad("#\(execution.id)", 6) + pad(status, 14) + pad(execution.syncPath.escapingControlCharacters, 26)
                         + pad(execution.request.summary, 40) + pad("\(execution.progress.recordsWritten)", 9)
                         + pad("\(execution.progress.recordsRejected)", 9) + execution.operatorName.escapingControlCharacters)
        }
        return lines.joined(separator: "\n")
    }

    static func details(_ execution: Execution, log: [LogLine]) -> String {
        var lines: [String] = []
        lines.append("Execution #\(execution.id)  \(execution.status.symbol()) \(execution.status.label())")
        lines.append("  sync       \(execution.syncPath.escapingControlCharacters)")
        lines.append("  request    \(execution.request.summary)")
        lines.append("  operator   \(operatorText(execution))")
        lines.append("  confirmed  \(execution.confirmed ? "yes" : "no")")
        if let retryOf = execution.retryOf {
            lines.append("  retry of   #\(retryOf)")
        }
        lines.append("  created    \(time(execution.createdAt))")
        lines.append("  started    \(execution.startedAt.map(time) ?? "-")")
        lines.append("  finished   \(execution.finishedAt.map(time) ?? "-")")
        let progress = execution.progress
        lines.append("  records    \(progress.recordsRead) read, \(progress.recordsWritten) written, \(progress.recordsRejected) rejected")

        if !progress.days.isEmpty {
            lines.append("")
            lines.append("Days")
            for day in progress.days {
                let kinds = execution.warnings.breakdown(on: day.day).map { " (\($0))" } ?? ""
                lines.append("  \(day.day)  \(pad(day.state.rawValue, 9)) \(day.recordsRead) read, \(day.recordsWritten) written, \(day.recordsRejected) rejected\(kinds)")
            }
        }
        if !execution.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings")
            for summary in execution.warnings {
                lines.append("  \(summary.kind.title): \(summary.count)")
                for example in summary.examples {
                    let field = example.field.map { " field \($0.escapingControlCharacters):" } ?? ""
                    lines.append("    \(example.position.escapingControlCharacters)\(field) \(example.message.escapingControlCharacters)")
                }
            }
        }
        if let failure = execution.failure {
            lines.append("")
            lines.append("Error (\(failure.category.rawValue))")
            lines.append("  \(failure.message.escapingControlCharacters)")
            lines.append("  next step: \(failure.hint.escapingControlCharacters)")
        }
        if !log.isEmpty {
            lines.append("")
            lines.append("Log")
            for line in log {
                lines.append("  \(time(line.time))  \(pad(line.level.rawValue, 7)) \(line.message.escapingControlCharacters)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Returns the operator, with the login that ran SyncDeck when it differs and the SSH client address.
    static func operatorText(_ execution: Execution) -> String {
        var text = execution.operatorName.escapingControlCharacters
        var origin: [String] = []
        if let login = execution.operatorLogin, login != execution.operatorName {
            origin.append("login \(login.escapingControlCharacters)")
        }
        if let address = execution.operatorAddress {
            origin.append("from \(address.escapingControlCharacters)")
        }
        if !origin.isEmpty {
            text += " (\(origin.joined(separator: ", ")))"
        }
        return text
    }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss zzz"
        return formatter.string(from: date)
    }

    /// Returns `count` and `noun`, with an s when the count is not 1: "1 day", "3 days".
    static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
