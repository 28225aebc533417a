import Foundation
import SyncModel

extension WorkspaceDecoder {
    static let sourceTypes = ["files", "http", "command"]
    static let fileSourceKeys = ["type", "format", "path"]

    // MARK: - Source

    func decodeSource(in sync: JSONObject, kind: PartitioningKind?) -> SourceConfig? {
        let example = "{\"type\": \"files\", \"format\": \"csv\", \"path\": \"data/orders/{date}.csv\"}"
        guard let value = field("source", in: sync, required: true, example: example) else {
            return nil
        }
        let path = sync.path.appending("source")
        guard let fields = value as? [String: Any] else {
            reportWrongType(value, at: path, expected: .object, example: example)
            return nil
        }

        // The keys allowed depend on the type, so the type is read before the object is checked.
        let typed = JSONObject(path: path, fields: fields)
        guard let type = string("type", in: typed, example: "\"files\"") else { return nil }
        switch type {
        case "files":
            return object(value, at: path, allowedKeys: WorkspaceDecoder.fileSourceKeys, example: example)
                .flatMap { decodeFileSource($0, kind: kind) }
        case "http":
            return object(value, at: path, allowedKeys: WorkspaceDecoder.httpSourceKeys, example: example)
                .flatMap { decodeHTTPSource($0, kind: kind) }
        case "command":
            return object(value, at: path, allowedKeys: WorkspaceDecoder.commandSourceKeys, example: example)
                .flatMap { decodeCommandSource($0, kind: kind) }
        default:
            report(path.appending("type"), "unknown source type \(JSONText.quoted(type))",
                   fix: Suggestion.hint(for: type, allowed: WorkspaceDecoder.sourceTypes))
            return nil
        }
    }

    private func decodeFileSource(_ source: JSONObject, kind: PartitioningKind?) -> SourceConfig? {
        let format = decodeFormat(in: source)
        let path = string("path", in: source, example: "\"data/orders/{date}.csv\"")
        let pathIsValid = path.map { checkPlaceholders(in: $0, at: source.path.appending("path"), kind: kind) } ?? false

        guard let format, let path, pathIsValid else { return nil }
        return .files(format: format, path: path)
    }

    private func decodeFormat(in source: JSONObject) -> FileFormat? {
        guard let text = string("format", in: source, example: "\"csv\"") else { return nil }
        if let format = FileFormat(rawValue: text) {
            return format
        }
        let allowed = FileFormat.allCases.map(\.rawValue)
        let fix = ["json", "ndjson"].contains(text.lowercased())
            ? "files of one JSON object a line are written \"jsonl\"; use one of \(allowed.joined(separator: ", "))"
            : Suggestion.hint(for: text, allowed: allowed)
        report(source.path.appending("format"), "unknown file format \(JSONText.quoted(text))", fix: fix)
        return nil
    }

    // MARK: - Shared checks

    /// Checks that a daily path names its day with `{date}`, that a snapshot path does not,
    /// and that no other placeholder is used. Returns whether the path is valid.
    func checkPlaceholders(in path: String, at jsonPath: JSONPath, kind: PartitioningKind?) -> Bool {
        guard checkOnlyDatePlaceholder(in: path, at: jsonPath) else { return false }

        let hasDate = path.contains(WorkspaceDecoder.datePlaceholder)
        switch kind {
        case .daily where !hasDate:
            report(jsonPath, "the path of a daily sync has no {date}: \(JSONText.quoted(path))",
                   fix: "put {date} where the day goes, for example \"data/orders/{date}.csv\"")
            return false
        case .snapshot where hasDate:
            report(jsonPath, "the path of a snapshot sync contains {date}: \(JSONText.quoted(path))",
                   fix: "name one file, or set \"partitioning\": \"daily\" with a firstDay")
            return false
        default:
            return true
        }
    }

    /// Reports every `{…}` of `text` other than `{date}`; `${NAME}` is left to the caller.
    /// Returns whether there was none.
    func checkOnlyDatePlaceholder(in text: String, at jsonPath: JSONPath, allowingVariables: Bool = false) -> Bool {
        var isValid = true
        for placeholder in WorkspaceDecoder.placeholders(in: text, skippingVariables: allowingVariables)
        where placeholder != WorkspaceDecoder.datePlaceholder {
            report(jsonPath, "unknown placeholder \(JSONText.quoted(placeholder)) in \(JSONText.quoted(text))",
                   fix: allowingVariables
                       ? "the placeholders are {date}, replaced by the day as YYYY-MM-DD, and ${NAME} for an environment variable"
                       : "the only placeholder is {date}, replaced by the day as YYYY-MM-DD")
            isValid = false
        }
        return isValid
    }

    /// An optional setting as far as it could be read.
    enum Setting<Value> {
        case absent
        case invalid
        case valid(Value)

        /// The value, `fallback` when absent, or `nil` when invalid.
        func or(_ fallback: Value) -> Value? {
            switch self {
            case .absent: return fallback
            case .invalid: return nil
            case .valid(let value): return value
            }
        }
    }

    /// Returns the number of seconds at `key`, reporting one that is not a number or is outside
    /// `range` (its lower bound excluded).
    func seconds(_ key: String, in object: JSONObject, range: ClosedRange<Double>) -> Setting<Double> {
        guard let value = object.fields[key] else { return .absent }
        let path = object.path.appending(key)
        guard JSONKind(of: value) == .number, let number = (value as? NSNumber)?.doubleValue else {
            reportWrongType(value, at: path, expected: .number, example: "30")
            return .invalid
        }
        guard number > range.lowerBound, number <= range.upperBound else {
            report(path, "\(JSONText.describe(value)) seconds is out of range",
                   fix: "write a number of seconds above \(Int(range.lowerBound)) and at most \(Int(range.upperBound))")
            return .invalid
        }
        return .valid(number)
    }

    /// Returns every `{…}` in `text`, braces included; with `skippingVariables`, the `${NAME}`
    /// of environment variables are left out.
    static func placeholders(in text: String, skippingVariables: Bool = false) -> [String] {
        var found: [String] = []
        var current: String?
        var previous: Character?
        var inVariable = false
        for character in text {
            if inVariable {
                if character == "}" { inVariable = false }
            } else if character == "{", skippingVariables, previous == "$" {
                inVariable = true
            } else if character == "{" {
                current = "{"
            } else if character == "}", let open = current {
                found.append(open + "}")
                current = nil
            } else if current != nil {
                current?.append(character)
            }
            previous = character
        }
        return found
    }
}
