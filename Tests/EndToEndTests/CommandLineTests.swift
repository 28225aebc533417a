import Foundation
import SyncStore
import Testing

/// `syncdeck run`, `executions` and `show` as a script would call them, on a workspace of daily CSV
/// files, checked against the rows that land in the SQLite destination.
@Suite(.enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct CommandLineTests {
    // MARK: - Fixtures

    private func syncdeck(_ arguments: String..., in workspace: TestWorkspace) throws -> Subprocess.Result {
        var words = [SyncdeckBinary.url.path]
        words += arguments.first.map { [$0, "--workspace", workspace.folder.path] } ?? []
        words += arguments.dropFirst()
        return try Subprocess.run(words)
    }

    private func rowCount(_ workspace: TestWorkspace, day: String? = nil) throws -> Int {
        let connection = try SQLiteConnection(path: workspace.folder.appendingPathComponent("out/acme.sqlite").path)
        let rows = try day.map { try connection.query("SELECT count(*) FROM orders WHERE _syncdeck_day = ?", [.text($0)]) }
            ?? connection.query("SELECT count(*) FROM orders")
        return Int(rows.first?.first?.integerValue ?? -1)
    }

    private func executionsJSON(_ workspace: TestWorkspace) throws -> [[String: Any]] {
        let result = try syncdeck("executions", "--json", in: workspace)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
        return try #require(object as? [[String: Any]])
    }

    // MARK: - Default and re-import

    @Test func defaultRun_importsEveryRowOfEachDay() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }

        let result = try syncdeck("run", "acme/orders", in: workspace)

        #expect(result.status == 0)
        #expect(result.output.contains("FINISHED: 3 of 3 days, 9 records written, 0 rejected"))
        for day in TestWorkspace.days {
            #expect(try rowCount(workspace, day: day) == 3)
        }
    }

    @Test func secondDefaultRun_importsNothing() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        _ = try syncdeck("run", "acme/orders", in: workspace)

        let result = try syncdeck("run", "acme/orders", in: workspace)

        #expect(result.status == 0)
        #expect(result.output.contains("no missing days"))
        #expect(try rowCount(workspace) == 9)
    }

    @Test func singleDateWithoutConfirm_isRejectedAndChangesNothing() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        _ = try syncdeck("run", "acme/orders", in: workspace)

        let result = try syncdeck("run", "acme/orders", "--date", "2026-01-06", in: workspace)

        #expect(result.status == 5)
        #expect(result.errorOutput.contains("--confirm"))
        #expect(result.errorOutput.contains("2026-01-06 (3 records)"))
        #expect(result.errorOutput.contains("appends rows"))
        #expect(try rowCount(workspace) == 9)
        #expect(try executionsJSON(workspace).count == 1)
    }

    @Test func singleDateWithConfirm_appendsTheDayAgain() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        _ = try syncdeck("run", "acme/orders", in: workspace)

        let result = try syncdeck("run", "acme/orders", "--date", "2026-01-06", "--confirm", "--operator", "dana", in: workspace)

        #expect(result.status == 0)
        #expect(try rowCount(workspace, day: "2026-01-06") == 6)
        let newest = try #require(try executionsJSON(workspace).first)
        #expect(newest["confirmed"] as? Bool == true)
        #expect(newest["operator"] as? String == "dana")
    }

    @Test func missingOnlyRange_importsOnlyMissingDays() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        _ = try syncdeck("run", "acme/orders", "--date", "2026-01-06", "--confirm", in: workspace)

        let result = try syncdeck("run", "acme/orders", "--from", "2026-01-05", "--to", "2026-01-07", in: workspace)

        #expect(result.status == 0)
        #expect(result.output.contains("2 of 2 days"))
        #expect(try rowCount(workspace) == 9)
    }

    @Test func reimportRangeWithoutConfirm_isRejected() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        _ = try syncdeck("run", "acme/orders", in: workspace)

        let result = try syncdeck("run", "acme/orders", "--from", "2026-01-05", "--to", "2026-01-07", "--reimport", in: workspace)

        #expect(result.status == 5)
        #expect(try rowCount(workspace) == 9)
    }

    // MARK: - Rejections and exit codes

    @Test(arguments: [
        (["--date", "2023-02-29"], "February 2023 has 28 days", Int32(2)),
        (["--date", "2026-01-04", "--confirm"], "is before the first day", Int32(5)),
        (["--date", "2026-01-08", "--confirm"], "the last day of sync \"orders\"", Int32(5)),
        (["--from", "2026-01-07", "--to", "2026-01-05"], "before its first day", Int32(5)),
    ])
    func invalidDays_areRejected(options: [String], message: String, status: Int32) throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }

        let result = try Subprocess.run([SyncdeckBinary.url.path, "run", "--workspace", workspace.folder.path, "acme/orders"] + options)

        #expect(result.status == status)
        #expect(result.errorOutput.contains(message), "stderr: \(result.errorOutput)")
    }

    @Test func snapshotSync_rejectsDates() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }

        let result = try syncdeck("run", "globex/customers", "--date", "2026-01-05", "--confirm", in: workspace)

        #expect(result.status == 5)
        #expect(result.errorOutput.contains("snapshot"))
    }

    @Test func unknownSync_namesTheKnownOnes() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }

        let result = try syncdeck("run", "acme/invoices", in: workspace)

        #expect(result.status == 5)
        #expect(result.errorOutput.contains("its syncs: orders"))
    }

    @Test func invalidRecords_exitWithWarningsCode() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        try Data("id,amount,placed_at\n1,2.50,2026-01-05T10:00:00Z\nabc,3.00,2026-01-05T10:00:00Z\n".utf8)
            .write(to: workspace.folder.appendingPathComponent("data/orders/2026-01-05.csv"))

        let result = try syncdeck("run", "acme/orders", in: workspace)

        #expect(result.status == 3)
        #expect(result.output.contains("invalid value: 1"))
        #expect(try rowCount(workspace) == 7)
    }

    @Test func missingFile_exitsWithErrorCode() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        try FileManager.default.removeItem(at: workspace.folder.appendingPathComponent("data/orders/2026-01-06.csv"))

        let result = try syncdeck("run", "acme/orders", in: workspace)

        #expect(result.status == 1)
        #expect(result.output.contains("technical error"))
        #expect(result.output.contains("2026-01-06.csv"))
        #expect(try rowCount(workspace) == 3)
    }

    @Test func unknownOption_isUsageError() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }

        let result = try syncdeck("run", "acme/orders", "--dates", "2026-01-05", in: workspace)

        #expect(result.status == 2)
        #expect(result.errorOutput.contains("unknown option --dates"))
    }

    @Test func brokenWorkspace_exitsWithCode6() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        try Data("{\"clients\": [".utf8).write(to: workspace.folder.appendingPathComponent("workspace.json"))

        let result = try syncdeck("executions", in: workspace)

        #expect(result.status == 6)
        #expect(result.errorOutput.contains("workspace.json"))
    }

    @Test(arguments: ["run", "executions", "show"])
    func help_describesEachCommand(command: String) throws {
        let result = try Subprocess.run([SyncdeckBinary.url.path, command, "--help"])

        #expect(result.status == 0)
        #expect(result.output.contains("Usage: syncdeck \(command)"))
    }

    // MARK: - JSON output

    @Test func executionsJSON_hasStableKeys() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        _ = try syncdeck("run", "acme/orders", in: workspace)

        let execution = try #require(try executionsJSON(workspace).first)

        for key in ["id", "client", "sync", "request", "status", "operator", "confirmed", "createdAt", "finishedAt",
                    "recordsWritten", "recordsRejected"] {
            #expect(execution[key] != nil, "missing key \(key)")
        }
        #expect(execution["status"] as? String == "FINISHED")
        #expect(execution["recordsWritten"] as? Int == 9)
    }

    @Test func showJSON_addsDaysErrorAndLog() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        try FileManager.default.removeItem(at: workspace.folder.appendingPathComponent("data/orders/2026-01-07.csv"))
        _ = try syncdeck("run", "acme/orders", in: workspace)

        let result = try syncdeck("show", "1", "--json", in: workspace)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])

        #expect(object["status"] as? String == "ERROR")
        #expect((object["days"] as? [[String: Any]])?.map { $0["state"] as? String } == ["imported", "imported", "failed"])
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["category"] as? String == "technical")
        #expect((error["hint"] as? String)?.isEmpty == false)
        #expect(((object["log"] as? [Any])?.count ?? 0) > 3)
    }

    @Test func showText_escapesControlCharacters() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        _ = try syncdeck("run", "acme/orders", "--operator", "eve\u{1B}]2;pwned\u{07}", in: workspace)

        let result = try syncdeck("show", "1", in: workspace)

        #expect(!result.output.contains("\u{1B}"))
        #expect(result.output.contains("eve\\e]2;pwned\\u{7}"))
    }
}

/// `syncdeck retry` on the real binary.
@Suite(.enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct RetryCommandTests {
    @Test func retry_importsOnlyTheFailedDays() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }
        let binary = SyncdeckBinary.url.path
        let folder = workspace.folder.path
        let file = workspace.folder.appendingPathComponent("data/orders/2026-01-06.csv")
        let contents = try Data(contentsOf: file)
        try FileManager.default.removeItem(at: file)
        #expect(try Subprocess.run([binary, "run", "--workspace", folder, "acme/orders"]).status == 1)

        try contents.write(to: file)
        let result = try Subprocess.run([binary, "retry", "--workspace", folder, "1"])

        #expect(result.status == 0)
        #expect(result.output.contains("retry of #1"))
        let connection = try SQLiteConnection(path: workspace.folder.appendingPathComponent("out/acme.sqlite").path)
        for day in TestWorkspace.days {
            let rows = try connection.query("SELECT count(*) FROM orders WHERE _syncdeck_day = ?", [.text(day)])
            #expect(rows.first?.first?.integerValue == 3, "day \(day)")
        }
    }

    @Test func retry_ofUnknownExecutionIsRejected() throws {
        let workspace = try TestWorkspace.make()
        defer { workspace.remove() }

        let result = try Subprocess.run([SyncdeckBinary.url.path, "retry", "--workspace", workspace.folder.path, "42"])

        #expect(result.status == 5)
        #expect(result.errorOutput.contains("#42 does not exist"))
    }
}
