import Foundation
import SyncModel

extension WorkspaceDecoder {
    static let rootKeys = ["clients"]
    static let clientKeys = ["id", "name", "timeZone", "syncs"]

    /// Decodes the whole file and returns the clients that have no problem; the caller
    /// checks `problems` before using them.
    func decodeWorkspace(_ root: Any) -> [Client]? {
        let example = "{\"clients\": [...]}"
        guard let object = object(root, at: .root, allowedKeys: WorkspaceDecoder.rootKeys, example: example) else {
            return nil
        }
        guard let items = array("clients", in: object, example: "[{\"id\": \"acme\", \"name\": \"Acme Retail\", ...}]") else {
            return nil
        }
        if items.isEmpty {
            report(object.path.appending("clients"), "the workspace has no clients",
                   fix: "add a client such as {\"id\": \"acme\", \"name\": \"Acme Retail\", \"timeZone\": \"Europe/Paris\", \"syncs\": []}")
        }

        var clients: [Client] = []
        var firstIndexByID: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = object.path.appending("clients").appending(index)
            let client = decodeClient(item, at: path)
            guard let client else { continue }

            if let earlier = firstIndexByID[client.id] {
                report(path.appending("id"), "client id \(JSONText.quoted(client.id)) is already used by clients[\(earlier)]",
                       fix: "give each client its own id")
                continue
            }
            firstIndexByID[client.id] = index
            clients.append(client)
        }

        checkDestinationTables()
        return clients
    }

    private func decodeClient(_ value: Any, at path: JSONPath) -> Client? {
        let example = "{\"id\": \"acme\", \"name\": \"Acme Retail\", \"timeZone\": \"Europe/Paris\", \"syncs\": []}"
        guard let object = object(value, at: path, allowedKeys: WorkspaceDecoder.clientKeys, example: example) else {
            return nil
        }

        let id = identifier("id", in: object, example: "acme")
        let name = string("name", in: object, example: "\"Acme Retail\"")
        let timeZone = decodeTimeZone(in: object)
        let syncs = decodeSyncs(in: object, owner: id ?? path.description)

        guard let id, let name, let timeZone, let syncs else { return nil }
        return Client(id: id, name: name, timeZone: timeZone, syncs: syncs)
    }

    private func decodeSyncs(in client: JSONObject, owner: String) -> [SyncDefinition]? {
        guard let items = array("syncs", in: client, example: "[{\"id\": \"orders\", ...}]") else {
            return nil
        }

        var syncs: [SyncDefinition] = []
        var firstIndexByID: [String: Int] = [:]
        var complete = true
        for (index, item) in items.enumerated() {
            let path = client.path.appending("syncs").appending(index)
            guard let sync = decodeSync(item, at: path, owner: owner) else {
                complete = false
                continue
            }

            if let earlier = firstIndexByID[sync.id] {
                report(path.appending("id"), "sync id \(JSONText.quoted(sync.id)) is already used by syncs[\(earlier)] of this client",
                       fix: "give each sync of a client its own id")
                complete = false
                continue
            }
            firstIndexByID[sync.id] = index
            syncs.append(sync)
        }
        return complete ? syncs : nil
    }

    // MARK: - Time zones

    private func decodeTimeZone(in client: JSONObject) -> TimeZone? {
        guard let identifier = string("timeZone", in: client, example: "\"Europe/Paris\"") else {
            return nil
        }
        if let timeZone = TimeZone(identifier: identifier) {
            return timeZone
        }

        let fix: String
        if let guess = WorkspaceDecoder.suggestTimeZone(for: identifier) {
            fix = "did you mean \(JSONText.quoted(guess))?"
        } else {
            fix = "use an IANA time zone name such as \"Europe/Paris\", \"America/New_York\" or \"UTC\""
        }
        report(client.path.appending("timeZone"), "unknown time zone \(JSONText.quoted(identifier))", fix: fix)
        return nil
    }

    /// Returns the IANA name an operator most likely meant: same letters in another case,
    /// a city alone ("Paris"), spaces for underscores ("New York") or a close typo.
    static func suggestTimeZone(for text: String) -> String? {
        let known = TimeZone.knownTimeZoneIdentifiers
        let normalized = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "_").lowercased()

        if let match = known.first(where: { $0.lowercased() == normalized }) {
            return match
        }
        if let city = known.first(where: { $0.split(separator: "/").last?.lowercased() == normalized }) {
            return city
        }
        return Suggestion.closest(to: normalized, among: known)
    }
}
