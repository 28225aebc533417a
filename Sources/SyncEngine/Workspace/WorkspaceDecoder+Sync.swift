import Foundation
import SyncModel

extension WorkspaceDecoder {
    static let syncKeys = ["id", "name", "partitioning", "firstDay", "lastDay", "source", "destination", "schema"]
    static let partitioningNames = ["daily", "none"]
    static let datePlaceholder = "{date}"

    /// The partitioning of a sync, read before its days so that they can be checked.
    enum PartitioningKind {
        case daily
        /// `"none"`: a snapshot, named apart from `Optional.none` so that patterns stay unambiguous.
        case snapshot
    }

    func decodeSync(_ value: Any, at path: JSONPath, owner: String) -> SyncDefinition? {
        let example = "{\"id\": \"orders\", \"name\": \"Orders\", \"partitioning\": \"daily\", ...}"
        guard let object = object(value, at: path, allowedKeys: WorkspaceDecoder.syncKeys, example: example) else {
            return nil
        }

        let id = identifier("id", in: object, example: "orders")
        let name = string("name", in: object, example: "\"Orders to CRM\"")
        let kind = decodePartitioningKind(in: object)
        let partitioning = kind.flatMap { decodeDays(in: object, kind: $0) }
        let schema = decodeSchema(in: object)
        let source = decodeSource(in: object, kind: kind)
        let owner = "\(owner)/\(id ?? path.description)"
        let destination = decodeDestination(in: object, schema: schema, owner: owner)

        guard let id, let name, let partitioning, let source, let destination, schema.isValid else {
            return nil
        }
        return SyncDefinition(id: id, name: name, partitioning: partitioning, source: source,
                              destination: destination, schema: schema.fields)
    }

    // MARK: - Partitioning

    private func decodePartitioningKind(in sync: JSONObject) -> PartitioningKind? {
        guard let text = string("partitioning", in: sync, example: "\"daily\"") else { return nil }
        switch text {
        case "daily": return .daily
        case "none": return .snapshot
        default:
            let fix: String
            if ["snapshot", "full"].contains(text.lowercased()) {
                fix = "a snapshot sync is written \"none\"; use one of daily, none"
            } else {
                fix = Suggestion.hint(for: text, allowed: WorkspaceDecoder.partitioningNames)
            }
            report(sync.path.appending("partitioning"), "unknown partitioning \(JSONText.quoted(text))", fix: fix)
            return nil
        }
    }

    private func decodeDays(in sync: JSONObject, kind: PartitioningKind) -> Partitioning? {
        switch kind {
        case .snapshot:
            // A snapshot has no date dimension, so days given for it would be ignored.
            for key in ["firstDay", "lastDay"] where sync.has(key) {
                report(sync.path.appending(key), "a snapshot sync (\"partitioning\": \"none\") has no days",
                       fix: "remove \(JSONText.quoted(key)), or set \"partitioning\": \"daily\"")
            }
            return sync.has("firstDay") || sync.has("lastDay") ? nil : Partitioning.none

        case .daily:
            let firstDay = day("firstDay", in: sync, required: true)
            let lastDay = day("lastDay", in: sync, required: false)
            guard case .valid(let first) = firstDay else { return nil }
            switch lastDay {
            case .invalid:
                return nil
            case .absent:
                return .daily(firstDay: first, lastDay: nil)
            case .valid(let last):
                guard last >= first else {
                    report(sync.path.appending("lastDay"), "lastDay \(last) is before firstDay \(first)",
                           fix: "set lastDay to \(first) or later, or remove it when the source has no end")
                    return nil
                }
                return .daily(firstDay: first, lastDay: last)
            }
        }
    }

    private enum DayField {
        case absent
        case invalid
        case valid(Day)
    }

    private func day(_ key: String, in sync: JSONObject, required: Bool) -> DayField {
        if !required, !sync.has(key) {
            return .absent
        }
        guard let text = string(key, in: sync, required: required, example: "\"2026-01-01\"") else {
            return .invalid
        }
        do {
            return .valid(try Day.parse(text))
        } catch let rejection as RequestRejection {
            report(sync.path.appending(key), rejection.message, fix: "")
        } catch {
            report(sync.path.appending(key), "\(JSONText.quoted(text)) is not a date", fix: "write YYYY-MM-DD, for example 2026-01-31")
        }
        return .invalid
    }
}
