import Foundation
import SyncModel

extension Workspace {
    /// Reads and checks `folder/workspace.json`.
    ///
    /// Every problem of the file is collected with its JSON path and thrown together, so that
    /// an operator can fix them all in one edit. The checks cover wrong types, missing or
    /// unknown keys, duplicate or invalid ids, unknown time zones and impossible days. They
    /// also cover paths without `{date}`, unknown formats and write modes, upsert keys outside
    /// the schema, and tables written by two syncs with different schemas.
    ///
    /// - Throws: `WorkspaceError` naming the file and listing the problems.
    public static func load(folder: URL) throws -> Workspace {
        let file = folder.appendingPathComponent(Workspace.fileName)
        let data = try readFile(file, folder: folder)
        let root = try parseJSON(data, file: file)

        let decoder = WorkspaceDecoder(folder: folder)
        for duplicate in JSONDuplicateKeyScanner.duplicates(in: data) {
            decoder.report(duplicate.path, "key \(JSONText.quoted(duplicate.key)) appears twice in one object (\(duplicate.location))",
                           fix: "keep one of them, because JSON readers silently keep only the last")
        }
        let clients = decoder.decodeWorkspace(root)
        guard let clients, decoder.problems.isEmpty else {
            throw WorkspaceError(file: file, problems: decoder.problems)
        }
        return Workspace(folder: folder, clients: clients)
    }

    /// A minimal workspace file, shown to operators who have none yet.
    public static let minimalFileExample =
        "{\"clients\": [{\"id\": \"acme\", \"name\": \"Acme Retail\", \"timeZone\": \"Europe/Paris\", \"syncs\": []}]}"

    private static func readFile(_ file: URL, folder: URL) throws -> Data {
        var isDirectory: ObjCBool = false
        let fileManager = FileManager.default

        guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkspaceError(file: file, problems: [WorkspaceProblem(
                path: "", issue: "the workspace folder \(folder.path) does not exist",
                fix: "pass the folder that contains workspace.json, or run syncdeck without arguments to open the demo workspace")])
        }
        guard fileManager.fileExists(atPath: file.path, isDirectory: &isDirectory) else {
            throw WorkspaceError(file: file, problems: [WorkspaceProblem(
                path: "", issue: "file not found",
                fix: "create it, starting from \(minimalFileExample), or run syncdeck without arguments to open the demo workspace")])
        }
        guard !isDirectory.boolValue else {
            throw WorkspaceError(file: file, problems: [WorkspaceProblem(
                path: "", issue: "is a folder, not a file", fix: "replace it with a JSON file that lists the clients")])
        }

        do {
            return try Data(contentsOf: file)
        } catch {
            throw WorkspaceError(file: file, problems: [WorkspaceProblem(
                path: "", issue: "cannot be read: \(error.localizedDescription)",
                fix: "check that the file's permissions let this user read it")])
        }
    }

    private static func parseJSON(_ data: Data, file: URL) throws -> Any {
        if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            throw WorkspaceError(file: file, problems: [WorkspaceProblem(
                path: "", issue: "the file is empty", fix: "write a JSON object such as \(minimalFileExample)")])
        }

        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let syntax = WorkspaceSyntaxError(error: error, data: data)
            throw WorkspaceError(file: file, problems: [WorkspaceProblem(path: "", issue: syntax.issue, fix: syntax.fix)])
        }
    }
}
