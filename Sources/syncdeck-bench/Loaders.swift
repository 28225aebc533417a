import Foundation

/// What one loader measured on the benchmark's rows, or why it could not run.
struct LoaderResult {
    var name: String
    /// `nil` when the loader could not run; `note` then says why.
    var seconds: Double?
    var rows: Int?
    var peakKiB: Int?
    var note: String
}

/// The loaders compared with the engine, each run as its own process on the same rows into a
/// fresh SQLite file with the same columns and types.
struct Loaders {
    let data: OrdersData
    let scratch: URL

    /// `sqlite3`'s `.import` of the 365 day files, in one process: one transaction per file,
    /// as the engine commits one per day.
    func sqliteImportPerDay() -> LoaderResult {
        let name = "sqlite3 .import, 365 files"
        guard ChildProcess.isInstalled("sqlite3") else { return missing(name, "sqlite3") }
        var script = ".bail on\n" + BenchWorkspace.createTable + "\n"
        for index in 0..<OrdersData.dayCount {
            script += ".import --csv --skip 1 '\(data.file(day: index).path)' orders\n"
        }
        return runSQLiteScript(name, script: script)
    }

    /// `sqlite3`'s `.import` of all the rows as one file, its fastest case.
    func sqliteImportOneFile(_ combined: URL) -> LoaderResult {
        let name = "sqlite3 .import, one file"
        guard ChildProcess.isInstalled("sqlite3") else { return missing(name, "sqlite3") }
        let script = ".bail on\n" + BenchWorkspace.createTable + "\n.import --csv --skip 1 '\(combined.path)' orders\n"
        return runSQLiteScript(name, script: script)
    }

    /// `sqlite-utils insert --csv`, reading all the rows from standard input.
    func sqliteUtils(_ combined: URL) -> LoaderResult {
        let name = "sqlite-utils insert --csv"
        guard ChildProcess.isInstalled("sqlite-utils") else { return missing(name, "sqlite-utils") }
        let database = freshDatabase("sqlite-utils")
        do {
            try createTable(in: database)
            let run = try ChildProcess.run(["sqlite-utils", "insert", database.path, "orders", "-", "--csv"],
                                           input: combined, scratch: scratch)
            return finished(name, run, database: database)
        } catch {
            return LoaderResult(name: name, note: "could not run: \(error)")
        }
    }

    /// dlt's pipeline into SQLite through its SQLAlchemy destination, from Python's CSV reader.
    func dlt() -> LoaderResult {
        let name = "dlt (sqlalchemy → sqlite)"
        guard ChildProcess.isInstalled("python3") else { return missing(name, "python3") }
        let database = freshDatabase("dlt")
        let script = scratch.appendingPathComponent("dlt_load.py")
        let pipelines = scratch.appendingPathComponent("dlt-pipelines")
        do {
            try Data(Loaders.dltScript.utf8).write(to: script)
            // Telemetry off: the benchmark sends nothing anywhere.
            setenv("RUNTIME__DLTHUB_TELEMETRY", "false", 1)
            let run = try ChildProcess.run(["python3", script.path, data.dataFolder.path, database.path, pipelines.path],
                                           scratch: scratch)
            guard run.exitStatus == 0 else {
                let reason = run.standardError.split(separator: "\n").last.map(String.init) ?? "exit \(run.exitStatus)"
                return LoaderResult(name: name, note: "did not run: \(reason)")
            }
            let rows = Int(run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
            return LoaderResult(name: name, seconds: run.seconds, rows: rows, peakKiB: run.peakKiB,
                                note: "rows counted by the script in the table dlt created")
        } catch {
            return LoaderResult(name: name, note: "could not run: \(error)")
        }
    }

    // MARK: - Helpers

    private func runSQLiteScript(_ name: String, script: String) -> LoaderResult {
        let database = freshDatabase("sqlite3")
        let scriptURL = scratch.appendingPathComponent("import.sql")
        do {
            try Data(script.utf8).write(to: scriptURL)
            let run = try ChildProcess.run(["sqlite3", database.path], input: scriptURL, scratch: scratch)
            return finished(name, run, database: database)
        } catch {
            return LoaderResult(name: name, note: "could not run: \(error)")
        }
    }

    private func finished(_ name: String, _ run: ChildRun, database: URL) -> LoaderResult {
        guard run.exitStatus == 0 else {
            let reason = run.standardError.split(separator: "\n").first.map(String.init) ?? "exit \(run.exitStatus)"
            return LoaderResult(name: name, note: "failed: \(reason)")
        }
        return LoaderResult(name: name, seconds: run.seconds, rows: countRows(database), peakKiB: run.peakKiB, note: "")
    }

    private func missing(_ name: String, _ program: String) -> LoaderResult {
        LoaderResult(name: name, note: "not run: \(program) is not installed")
    }

    private func freshDatabase(_ name: String) -> URL {
        let url = scratch.appendingPathComponent("\(name).sqlite")
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: url.path + suffix)
        }
        return url
    }

    private func createTable(in database: URL) throws {
        let script = scratch.appendingPathComponent("create.sql")
        try Data(BenchWorkspace.createTable.utf8).write(to: script)
        let run = try ChildProcess.run(["sqlite3", database.path], input: script, scratch: scratch)
        guard run.exitStatus == 0 else { throw BenchFailure("cannot create the table: \(run.standardError)") }
    }

    private func countRows(_ database: URL) -> Int? {
        let script = scratch.appendingPathComponent("count.sql")
        guard (try? Data("SELECT count(*) FROM orders;\n".utf8).write(to: script)) != nil,
              let run = try? ChildProcess.run(["sqlite3", database.path], input: script, scratch: scratch) else {
            return nil
        }
        return Int(run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Reads the day files with Python's CSV reader, in pages as dlt recommends, and prints
    /// the rows dlt wrote.
    static let dltScript = """
        import csv, glob, os, sqlite3, sys
        import dlt

        data_folder, database, pipelines = sys.argv[1], sys.argv[2], sys.argv[3]

        @dlt.resource(name="orders", write_disposition="append")
        def orders():
            for path in sorted(glob.glob(os.path.join(data_folder, "*.csv"))):
                with open(path, newline="") as handle:
                    page = []
                    for row in csv.DictReader(handle):
                        page.append(row)
                        if len(page) == 10000:
                            yield page
                            page = []
                    if page:
                        yield page

        pipeline = dlt.pipeline(
            pipeline_name="syncdeck_bench", pipelines_dir=pipelines,
            destination=dlt.destinations.sqlalchemy("sqlite:///" + database),
            dataset_name="main")
        pipeline.run(orders())

        connection = sqlite3.connect(database)
        print(connection.execute("SELECT count(*) FROM orders").fetchone()[0])
        """
}
