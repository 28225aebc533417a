import Foundation

/// `syncdeck-bench`: imports a generated year of orders through the engine and compares it with
/// the loaders an operator would otherwise use. Run it as `swift run -c release syncdeck-bench`.
let usage = """
    Usage: syncdeck-bench [--rows N[,N...]] [--folder DIR] [--no-python] [--no-rules]

    Generates N rows of orders over 365 daily CSV files (the same bytes on every run), imports
    them through the SyncDeck engine into SQLite in a child process that reports its peak
    memory, and times sqlite3's .import, sqlite-utils and dlt on the same rows.

      --rows N,N    input sizes (default 250000,1000000); the Python loaders run on the largest
      --folder DIR  where the data and databases go (default: a new temporary folder, removed after)
      --no-python   skip sqlite-utils and dlt
      --no-rules    check the fields' types only, without the schema's rules
    """

func runBenchmark(_ arguments: [String]) throws {
    var sizes = [250_000, 1_000_000]
    var folder: URL?
    var python = true
    var rules = true
    var words = arguments.makeIterator()
    while let word = words.next() {
        switch word {
        case "--rows":
            guard let list = words.next() else { throw BenchFailure("--rows needs a value such as 250000,1000000") }
            sizes = try list.split(separator: ",").map { text in
                guard let rows = Int(text), rows > 0 else { throw BenchFailure("\"\(text)\" is not a row count") }
                return rows
            }
        case "--folder":
            guard let path = words.next() else { throw BenchFailure("--folder needs a folder") }
            folder = URL(fileURLWithPath: path, isDirectory: true)
        case "--no-python":
            python = false
        case "--no-rules":
            rules = false
        case "--help", "-h":
            print(usage)
            return
        default:
            throw BenchFailure("unknown argument \"\(word)\"\n\n\(usage)")
        }
    }

    let base = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("syncdeck-bench-\(getpid())")
    defer {
        if folder == nil { try? FileManager.default.removeItem(at: base) }
    }
    var results: [SizeResult] = []
    let largest = sizes.max() ?? 0
    for rows in sizes {
        results.append(try measure(rows: rows, in: base.appendingPathComponent("rows-\(rows)"),
                                   python: python && rows == largest, rules: rules))
    }
    BenchReport.print(results)
}

func measure(rows: Int, in folder: URL, python: Bool, rules: Bool) throws -> SizeResult {
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let scratch = folder.appendingPathComponent("scratch")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)

    let data = OrdersData(folder: folder, rows: rows)
    log("generating \(rows) rows in \(folder.path)")
    try data.generate()
    try BenchWorkspace.write(in: folder, rules: rules)

    log("importing through the engine")
    let child = try ChildProcess.run(["/proc/self/exe", "engine-import", folder.path], scratch: scratch)
    guard child.exitStatus == 0, let engine = try? JSONDecoder().decode(EngineResult.self, from: Data(child.standardOutput.utf8)) else {
        throw BenchFailure("the engine import failed (exit \(child.exitStatus)): \(child.standardError)")
    }

    let combined = scratch.appendingPathComponent("all.csv")
    try combine(data, into: combined)
    let loaders = Loaders(data: data, scratch: scratch)
    var results: [LoaderResult] = []
    log("sqlite3 .import")
    results.append(loaders.sqliteImportPerDay())
    results.append(loaders.sqliteImportOneFile(combined))
    if python {
        log("sqlite-utils")
        results.append(loaders.sqliteUtils(combined))
        log("dlt")
        results.append(loaders.dlt())
    }
    return SizeResult(rows: rows, bytes: data.totalBytes(), engine: engine,
                      engineProcessPeakKiB: child.peakKiB, loaders: results)
}

/// Writes every day's rows into one file under a single header.
func combine(_ data: OrdersData, into url: URL) throws {
    let writer = try BufferedFileWriter(url: url)
    writer.write(OrdersData.header + "\n")
    for index in 0..<OrdersData.dayCount {
        let text = try String(contentsOf: data.file(day: index), encoding: .utf8)
        writer.write(String(text.drop { $0 != "\n" }.dropFirst()))
    }
    try writer.close()
}

func log(_ message: String) {
    FileHandle.standardError.write(Data("syncdeck-bench: \(message)\n".utf8))
}

do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == "engine-import", arguments.count == 2 {
        let result = try EngineImport.run(folder: URL(fileURLWithPath: arguments[1], isDirectory: true))
        let encoder = JSONEncoder()
        print(String(decoding: try encoder.encode(result), as: UTF8.self))
    } else {
        try runBenchmark(arguments)
    }
} catch {
    log("\(error)")
    exit(1)
}
