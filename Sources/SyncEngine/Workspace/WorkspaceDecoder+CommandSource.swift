import Foundation
import SyncModel

extension WorkspaceDecoder {
    static let commandSourceKeys = ["type", "command", "format", "timeoutSeconds", "stream"]
    /// The longest `timeoutSeconds` of a command source: a week.
    static let commandTimeoutRange: ClosedRange<Double> = 0...604_800

    func decodeCommandSource(_ source: JSONObject, kind: PartitioningKind?) -> SourceConfig? {
        let command = decodeCommand(in: source, kind: kind)
        let format = decodeOutputFormat(in: source)
        let timeout = seconds("timeoutSeconds", in: source, range: WorkspaceDecoder.commandTimeoutRange)
            .or(CommandSourceSettings.defaultTimeoutSeconds)
        let stream = decodeStream(in: source, format: format)

        guard let command, let format = format.or(.jsonl), let timeout, let stream = stream.or(nil) else {
            return nil
        }
        return .command(CommandSourceSettings(command: command, format: format, timeoutSeconds: timeout, stream: stream))
    }

    // MARK: - Settings

    private func decodeCommand(in source: JSONObject, kind: PartitioningKind?) -> [String]? {
        let example = "[\"./bin/export-orders\", \"--day\", \"{date}\"]"
        guard let items = array("command", in: source, example: example) else { return nil }
        let path = source.path.appending("command")
        guard !items.isEmpty else {
            report(path, "the command is empty", fix: "name the program first, then its arguments, for example \(example)")
            return nil
        }

        var arguments: [String] = []
        var isValid = true
        for (index, item) in items.enumerated() {
            let itemPath = path.appending(index)
            guard JSONKind(of: item) == .string, let text = item as? String else {
                reportWrongType(item, at: itemPath, expected: .string, example: "\"--day\"")
                isValid = false
                continue
            }
            if text.contains("\u{0}") {
                report(itemPath, "an argument cannot hold a NUL character", fix: "remove it")
                isValid = false
            } else if index == 0, text.trimmingCharacters(in: .whitespaces).isEmpty {
                report(itemPath, "the program name is empty", fix: "name the program, for example \"./bin/export-orders\"")
                isValid = false
            } else if let placeholder = WorkspaceDecoder.placeholders(in: text).first(where: WorkspaceDecoder.isMisspeltDate) {
                // Only word-like braces are reported: arguments may well hold JSON or a shell's `${…}`.
                report(itemPath, "unknown placeholder \(JSONText.quoted(placeholder)) in \(JSONText.quoted(text))",
                       fix: "the only placeholder is {date}, replaced by the day as YYYY-MM-DD")
                isValid = false
            }
            arguments.append(text)
        }
        guard isValid else { return nil }

        let hasDate = arguments.contains { $0.contains(WorkspaceDecoder.datePlaceholder) }
        switch kind {
        case .daily where !hasDate:
            report(path, "the command of a daily sync has no {date} argument",
                   fix: "pass the day to the program, for example \(example)")
            return nil
        case .snapshot where hasDate:
            report(path, "the command of a snapshot sync has a {date} argument",
                   fix: "remove {date}, or set \"partitioning\": \"daily\" with a firstDay")
            return nil
        default:
            return arguments
        }
    }

    /// Whether `placeholder` looks like a placeholder other than `{date}`, such as `{day}`.
    static func isMisspeltDate(_ placeholder: String) -> Bool {
        let name = placeholder.dropFirst().dropLast()
        return placeholder != datePlaceholder && !name.isEmpty
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "_") }
    }

    private func decodeOutputFormat(in source: JSONObject) -> Setting<CommandOutputFormat> {
        guard source.has("format") else { return .absent }
        guard let text = string("format", in: source, example: "\"jsonl\"") else { return .invalid }
        if let format = CommandOutputFormat(rawValue: text) {
            return .valid(format)
        }
        let allowed = CommandOutputFormat.allCases.map(\.rawValue)
        let fix = ["json", "ndjson"].contains(text.lowercased())
            ? "one JSON object a line is written \"jsonl\"; use one of \(allowed.joined(separator: ", "))"
            : Suggestion.hint(for: text, allowed: allowed)
        report(source.path.appending("format"), "unknown output format \(JSONText.quoted(text))", fix: fix)
        return .invalid
    }

    private func decodeStream(in source: JSONObject, format: Setting<CommandOutputFormat>) -> Setting<String?> {
        guard source.has("stream") else { return .absent }
        guard let name = string("stream", in: source, example: "\"orders\"") else { return .invalid }
        if case .valid(.singer) = format {
            return .valid(name)
        }
        report(source.path.appending("stream"), "\"stream\" only applies to Singer output",
               fix: "set \"format\": \"singer\", or remove \"stream\"")
        return .invalid
    }
}
