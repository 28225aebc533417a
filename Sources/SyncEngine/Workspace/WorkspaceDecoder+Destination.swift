import Foundation
import SyncModel

extension WorkspaceDecoder {
    static let destinationKeys = ["type", "path", "table", "writeMode", "key"]
    static let writeModeNames = ["append", "upsert", "replace"]

    // MARK: - Destination

    func decodeDestination(in sync: JSONObject, schema: DecodedSchema, owner: String) -> DestinationConfig? {
        let example = "{\"type\": \"sqlite\", \"path\": \"out/acme.sqlite\", \"table\": \"orders\", \"writeMode\": \"append\"}"
        guard let value = field("destination", in: sync, required: true, example: example),
              let destination = object(value, at: sync.path.appending("destination"),
                                       allowedKeys: WorkspaceDecoder.destinationKeys, example: example) else {
            return nil
        }

        let type = string("type", in: destination, example: "\"sqlite\"")
        if let type, type != "sqlite" {
            report(destination.path.appending("type"), "unknown destination type \(JSONText.quoted(type))",
                   fix: Suggestion.hint(for: type, allowed: ["sqlite"]))
        }
        let path = string("path", in: destination, example: "\"out/acme.sqlite\"")
        let table = decodeTable(in: destination)
        let writeMode = decodeWriteMode(in: destination, schemaNames: schema.names)

        guard type == "sqlite", let path, let table, let writeMode else { return nil }
        destinationTables.append(DestinationTableUse(
            owner: owner, tablePath: destination.path.appending("table"), writtenPath: path, file: resolve(path),
            table: table, schema: schema.fields))
        return .sqlite(path: path, table: table, writeMode: writeMode)
    }

    /// Returns the table name when it is a plain SQL identifier that SQLite does not reserve.
    private func decodeTable(in destination: JSONObject) -> String? {
        guard let table = string("table", in: destination, example: "\"orders\"") else { return nil }
        let scalars = table.unicodeScalars
        let isIdentifier = scalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
            && !("0"..."9").contains(scalars.first ?? "0")
        guard isIdentifier, !table.lowercased().hasPrefix("sqlite_") else {
            report(destination.path.appending("table"), "\(JSONText.quoted(table)) is not a valid table name",
                   fix: "use letters, digits and _, starting with a letter, and not starting with sqlite_")
            return nil
        }
        return table
    }

    private func decodeWriteMode(in destination: JSONObject, schemaNames: Set<String>?) -> WriteMode? {
        let name = string("writeMode", in: destination, example: "\"append\"")
        let keyPath = destination.path.appending("key")

        if let name, ["append", "replace"].contains(name), destination.has("key") {
            // A key is only read by upsert; keeping it silently would suggest rows are matched by it.
            report(keyPath, "a key is only used with the upsert write mode, not with \(JSONText.quoted(name))",
                   fix: "remove \"key\", or set \"writeMode\": \"upsert\"")
            return nil
        }

        switch name {
        case nil:
            return nil
        case "append":
            return .append
        case "replace":
            return .replace
        case "upsert":
            return decodeKey(in: destination, schemaNames: schemaNames).map { .upsert(key: $0) }
        case let other?:
            report(destination.path.appending("writeMode"), "unknown write mode \(JSONText.quoted(other))",
                   fix: Suggestion.hint(for: other, allowed: WorkspaceDecoder.writeModeNames))
            return nil
        }
    }

    private func decodeKey(in destination: JSONObject, schemaNames: Set<String>?) -> [String]? {
        let example = "[\"id\"]"
        guard let items = array("key", in: destination, example: example) else { return nil }
        let path = destination.path.appending("key")
        guard !items.isEmpty else {
            report(path, "the upsert key names no field", fix: "name the fields that identify a row, for example \(example)")
            return nil
        }

        var key: [String] = []
        var isValid = true
        for (index, item) in items.enumerated() {
            let itemPath = path.appending(index)
            guard JSONKind(of: item) == .string, let name = item as? String else {
                reportWrongType(item, at: itemPath, expected: .string, example: "\"id\"")
                isValid = false
                continue
            }
            guard !name.isEmpty else {
                report(itemPath, "the key field name is empty", fix: "name a field of the schema, for example \"id\"")
                isValid = false
                continue
            }
            if key.contains(name) {
                report(itemPath, "field \(JSONText.quoted(name)) is listed twice in the key", fix: "name each key field once")
                isValid = false
            }
            if let schemaNames, !schemaNames.contains(name) {
                let known = schemaNames.sorted()
                let guess = Suggestion.closest(to: name, among: known).map { "did you mean \(JSONText.quoted($0))? " } ?? ""
                report(itemPath, "key field \(JSONText.quoted(name)) is not in the schema",
                       fix: "\(guess)use a field of the schema: \(known.joined(separator: ", "))")
                isValid = false
            }
            key.append(name)
        }
        return isValid ? key : nil
    }

    /// Resolves a path of the workspace file the way `Workspace.resolve(_:)` does, normalized
    /// so that `out/a.sqlite` and `./out/a.sqlite` compare equal.
    func resolve(_ path: String) -> URL {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
        return url.standardizedFileURL
    }
}
