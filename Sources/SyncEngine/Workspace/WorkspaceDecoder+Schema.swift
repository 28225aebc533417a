import Foundation
import SyncModel

extension WorkspaceDecoder {
    static let fieldKeys = ["name", "type", "required", "min", "max", "pattern", "enum", "unique"]

    /// The schema of a sync as far as it could be read.
    struct DecodedSchema {
        /// The fields, or `nil` when the sync has no schema or the schema has a problem.
        var fields: [FieldSpec]?
        /// The names of the fields that have one, so that the upsert key is checked even when
        /// another part of the schema is wrong. It is `nil` when the sync has no schema.
        var names: Set<String>?
        var isValid: Bool
    }

    // MARK: - Schema

    func decodeSchema(in sync: JSONObject) -> DecodedSchema {
        let example = "[{\"name\": \"id\", \"type\": \"integer\", \"required\": true}]"
        guard sync.has("schema") else {
            return DecodedSchema(fields: nil, names: nil, isValid: true)
        }
        guard let items = array("schema", in: sync, example: example) else {
            return DecodedSchema(fields: nil, names: nil, isValid: false)
        }
        let path = sync.path.appending("schema")
        if items.isEmpty {
            report(path, "the schema lists no fields",
                   fix: "list the fields, for example \(example), or remove \"schema\" to take the fields as the source gives them")
            return DecodedSchema(fields: nil, names: [], isValid: false)
        }

        var fields: [FieldSpec] = []
        var names: Set<String> = []
        var isValid = true
        for (index, item) in items.enumerated() {
            let fieldPath = path.appending(index)
            let (field, name) = decodeField(item, at: fieldPath)
            if let name {
                if names.contains(name) {
                    report(fieldPath.appending("name"), "field \(JSONText.quoted(name)) is listed twice in the schema",
                           fix: "keep one entry per field")
                    isValid = false
                }
                names.insert(name)
            }
            if let field {
                fields.append(field)
            } else {
                isValid = false
            }
        }
        return DecodedSchema(fields: isValid ? fields : nil, names: names, isValid: isValid)
    }

    /// Returns the field, and its name even when another part of the field is wrong.
    private func decodeField(_ value: Any, at path: JSONPath) -> (FieldSpec?, String?) {
        let example = "{\"name\": \"amount\", \"type\": \"decimal\"}"
        guard let object = object(value, at: path, allowedKeys: WorkspaceDecoder.fieldKeys, example: example) else {
            return (nil, nil)
        }

        let name = string("name", in: object, example: "\"amount\"")
        let type = decodeFieldType(in: object)
        let required = boolean("required", in: object)
        let requiredIsValid = !object.has("required") || required != nil
        let rules = type.flatMap { decodeRules(in: object, type: $0) }

        guard let name, let type, let rules, requiredIsValid else { return (nil, name) }
        return (FieldSpec(name: name, type: type, required: required ?? false, rules: rules), name)
    }

    private func decodeFieldType(in field: JSONObject) -> FieldType? {
        guard let text = string("type", in: field, example: "\"string\"") else { return nil }
        if let type = FieldType(rawValue: text) {
            return type
        }
        let allowed = FieldType.allCases.map(\.rawValue)
        let aliases = ["int": "integer", "number": "decimal", "float": "decimal", "double": "decimal",
                       "bool": "boolean", "text": "string", "datetime": "timestamp"]
        let fix: String
        if let alias = aliases[text.lowercased()] {
            fix = "did you mean \(JSONText.quoted(alias))? use one of \(allowed.joined(separator: ", "))"
        } else {
            fix = Suggestion.hint(for: text, allowed: allowed)
        }
        report(field.path.appending("type"), "unknown field type \(JSONText.quoted(text))", fix: fix)
        return nil
    }
}
