import Foundation

/// The summary of a copy made by `SQLiteStateStore.backup(to:replacing:)`.
public struct StateBackup: Hashable, Sendable {
    /// The file written.
    public var path: String
    public var bytes: Int64
    public var schemaVersion: Int
    public var executions: Int
    public var ledgerEntries: Int
    public var logLines: Int
}

extension SQLiteStateStore {
    /// Copies the state database to `target` as one consistent snapshot, while other
    /// connections and processes keep writing.
    ///
    /// The copy is made with `VACUUM INTO`, which reads the whole database inside one read
    /// transaction: with WAL, writers go on meanwhile and none of their later commits appear in
    /// the copy. It is written beside `target` under a temporary name and renamed at the end,
    /// so a failed backup never leaves a partial file at `target`.
    ///
    /// - Parameter replacing: whether an existing file at `target` may be replaced.
    /// - Returns: what the copy holds, counted in the copy itself.
    /// - Throws: `StateStoreError` with code `.backupExists` when `target` exists and
    ///   `replacing` is `false`, or `.cannotWrite` when the copy cannot be written.
    public func backup(to target: String, replacing: Bool) throws -> StateBackup {
        let targetURL = URL(fileURLWithPath: target).standardizedFileURL
        if FileManager.default.fileExists(atPath: targetURL.path), !replacing {
            throw StateStoreError(.backupExists, path: path, message: "the backup file \(targetURL.path) already exists",
                                  hint: "Choose another file name, or add --force to replace it")
        }
        let partial = targetURL.deletingLastPathComponent()
            .appendingPathComponent(".\(targetURL.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: partial)
        defer { try? FileManager.default.removeItem(at: partial) }

        do {
            let source = try SQLiteConnection(path: path, readOnly: true, busyTimeout: Self.busyTimeout)
            try source.query("VACUUM INTO ?", [.text(partial.path)])
        } catch let error as SQLiteError {
            throw StateStoreError(.cannotWrite, path: path,
                                  message: "failed to copy the database to \(partial.path): \(error.message)",
                                  hint: "Check that the folder of \(targetURL.path) exists, is writable and has free space")
        }

        let summary = try Self.describeCopy(at: partial.path, reportedAs: targetURL.path)
        // rename(2) replaces an existing target in one step, so readers never see half a file.
        guard rename(partial.path, targetURL.path) == 0 else {
            throw StateStoreError(.cannotWrite, path: path,
                                  message: "failed to move the copy to \(targetURL.path): \(String(cString: strerror(errno)))",
                                  hint: "Check that \(targetURL.path) can be replaced by this user")
        }
        return summary
    }

    private static func describeCopy(at copy: String, reportedAs target: String) throws -> StateBackup {
        do {
            let connection = try SQLiteConnection(path: copy, readOnly: true)
            let integrity = try connection.query("PRAGMA quick_check").first?.first?.textValue
            guard integrity == "ok" else {
                throw StateStoreError(.corrupt, path: copy, message: "the copy fails its integrity check: \(integrity ?? "no answer")",
                                      hint: "Check the disk of the backup file and the state database, then try again")
            }
            func count(_ table: String) throws -> Int {
                Int(try connection.query("SELECT count(*) FROM \(table)").first?.first?.integerValue ?? 0)
            }
            let version = Int(try connection.query("PRAGMA user_version").first?.first?.integerValue ?? 0)
            let size = (try? FileManager.default.attributesOfItem(atPath: copy)[.size] as? NSNumber)?.int64Value ?? 0
            return StateBackup(path: target, bytes: size, schemaVersion: version, executions: try count("executions"),
                               ledgerEntries: try count("ledger"), logLines: try count("logs"))
        } catch let error as SQLiteError {
            throw StateStoreError.translating(error, path: copy, operation: "read the copy back")
        }
    }
}
