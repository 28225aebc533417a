import Foundation
import SyncModel

/// Walks the parsed JSON of a workspace file into model values, collecting every problem
/// with its JSON path instead of stopping at the first.
///
/// Each `decode…` method returns `nil` when its part has a problem, and still walks the
/// rest of that part, so that one load reports everything an operator must fix.
final class WorkspaceDecoder {
    /// The folder that relative paths are resolved against.
    let folder: URL
    private(set) var problems: [WorkspaceProblem] = []
    /// The destination tables of the syncs decoded so far, to find conflicting schemas.
    var destinationTables: [DestinationTableUse] = []

    init(folder: URL) {
        self.folder = folder
    }

    func report(_ path: JSONPath, _ issue: String, fix: String) {
        report(path.description, issue, fix: fix)
    }

    func report(_ path: String, _ issue: String, fix: String) {
        problems.append(WorkspaceProblem(path: path, issue: issue, fix: fix))
    }

    // MARK: - Objects

    /// Returns `value` as an object, reporting a wrong type and every key outside `allowedKeys`.
    func object(_ value: Any, at path: JSONPath, allowedKeys: [String], example: String) -> JSONObject? {
        guard let fields = value as? [String: Any] else {
            reportWrongType(value, at: path, expected: .object, example: example)
            return nil
        }

        // Unknown keys are rejected because a misspelt key would otherwise be ignored and
        // silently change what the sync does.
        let allowedList = allowedKeys.joined(separator: ", ")
        for key in fields.keys.sorted() where !allowedKeys.contains(key) {
            let fix: String
            if let guess = Suggestion.closest(to: key, among: allowedKeys) {
                fix = "did you mean \(JSONText.quoted(guess))? keys here: \(allowedList)"
            } else {
                fix = "remove it; keys here: \(allowedList)"
            }
            report(path.appending(key), "unknown key \(JSONText.quoted(key))", fix: fix)
        }
        return JSONObject(path: path, fields: fields)
    }

    // MARK: - Fields

    /// Returns the string at `key`, reporting it when missing (if `required`), not a string or empty.
    ///
    /// - Parameter example: a JSON value to show in the fix, such as `"Europe/Paris"` with its quotes.
    func string(_ key: String, in object: JSONObject, required: Bool = true, example: String) -> String? {
        guard let value = field(key, in: object, required: required, example: example) else {
            return nil
        }
        let path = object.path.appending(key)
        guard JSONKind(of: value) == .string, let text = value as? String else {
            reportWrongType(value, at: path, expected: .string, example: example)
            return nil
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            report(path, "\(JSONText.quoted(key)) is empty", fix: "write for example \"\(key)\": \(example)")
            return nil
        }
        return text
    }

    /// Returns the boolean at `key`, or `nil` when it is absent or not a boolean.
    func boolean(_ key: String, in object: JSONObject) -> Bool? {
        guard let value = object.fields[key] else { return nil }
        guard JSONKind(of: value) == .boolean, let flag = value as? Bool else {
            reportWrongType(value, at: object.path.appending(key), expected: .boolean, example: "true")
            return nil
        }
        return flag
    }

    /// Returns the array at `key`, reporting it when missing (if `required`) or not an array.
    func array(_ key: String, in object: JSONObject, required: Bool = true, example: String) -> [Any]? {
        guard let value = field(key, in: object, required: required, example: example) else {
            return nil
        }
        guard JSONKind(of: value) == .array, let items = value as? [Any] else {
            reportWrongType(value, at: object.path.appending(key), expected: .array, example: example)
            return nil
        }
        return items
    }

    /// Returns the value at `key`, reporting it when it is missing and `required`.
    func field(_ key: String, in object: JSONObject, required: Bool, example: String) -> Any? {
        guard let value = object.fields[key] else {
            if required {
                report(object.path.appending(key), "missing \(JSONText.quoted(key))",
                       fix: "add \"\(key)\": \(example)")
            }
            return nil
        }
        return value
    }

    /// Returns the identifier at `key`, reporting a value that is not a slug.
    ///
    /// Client and sync ids are typed on the command line as `CLIENT/SYNC`, so they are kept
    /// to ASCII letters, digits, `-` and `_`.
    func identifier(_ key: String, in object: JSONObject, example: String) -> String? {
        guard let id = string(key, in: object, example: "\"\(example)\"") else { return nil }
        guard WorkspaceDecoder.isSlug(id) else {
            report(object.path.appending(key), "\(JSONText.quoted(id)) is not a valid id",
                   fix: "use only letters, digits, - and _, for example \(JSONText.quoted(WorkspaceDecoder.slug(from: id, fallback: example)))")
            return nil
        }
        return id
    }

    func reportWrongType(_ value: Any, at path: JSONPath, expected: JSONKind, example: String) {
        let found = JSONKind(of: value)
        let shown = found == .array || found == .object || found == .null ? found.phrase : "\(found.phrase) (\(JSONText.describe(value)))"
        report(path, "expected \(expected.phrase), found \(shown)", fix: "write for example \(example)")
    }

    // MARK: - Identifiers

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy(isSlugScalar)
    }

    /// Returns `text` made into a slug, for the fix of an invalid id: "Café Société" gives "cafe-societe".
    static func slug(from text: String, fallback: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var slug = ""
        for scalar in folded.unicodeScalars {
            if isSlugScalar(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") {
            slug.removeLast()
        }
        return slug.isEmpty ? fallback : slug
    }

    private static func isSlugScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "-" || scalar == "_"
    }
}

/// A JSON object of the workspace file and where it sits.
struct JSONObject {
    let path: JSONPath
    let fields: [String: Any]

    func has(_ key: String) -> Bool {
        fields[key] != nil
    }
}
