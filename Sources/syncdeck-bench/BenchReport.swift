import Foundation

/// The measurements of one input size.
struct SizeResult {
    var rows: Int
    var bytes: Int
    var engine: EngineResult
    /// The peak of the engine's process as `wait4` reported it, in kibibytes.
    var engineProcessPeakKiB: Int
    var loaders: [LoaderResult]
}

/// Prints the measurements as Markdown tables, ready to paste into docs/BENCHMARKS.md.
enum BenchReport {
    static func print(_ results: [SizeResult]) {
        for result in results {
            Swift.print("")
            Swift.print("### \(result.rows) rows, 365 daily files, \(megabytes(result.bytes)) MB of CSV")
            Swift.print("")
            Swift.print("| loader | seconds | rows/s | vs best .import | peak memory | rows in table | note |")
            Swift.print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")

            let best = result.loaders.filter { $0.name.hasPrefix("sqlite3") }.compactMap(\.seconds).min()
            let engine = result.engine
            let engineNote = "\(engine.status), \(engine.recordsRejected) rejected; VmHWM \(mebibytes(engine.startKiB)) MiB before the import"
            Swift.print(row("syncdeck engine", seconds: engine.seconds, rows: engine.recordsWritten, best: best,
                            peakKiB: engine.peakKiB, tableRows: engine.recordsWritten, note: engineNote))
            for loader in result.loaders {
                guard let seconds = loader.seconds else {
                    Swift.print("| \(loader.name) | – | – | – | – | – | \(loader.note) |")
                    continue
                }
                Swift.print(row(loader.name, seconds: seconds, rows: result.rows, best: best,
                                peakKiB: loader.peakKiB, tableRows: loader.rows, note: loader.note))
            }
        }
        Swift.print("")
        Swift.print("Peak memory of the engine's process by input size (VmHWM):")
        for result in results {
            Swift.print("- \(result.rows) rows: \(mebibytes(result.engine.peakKiB)) MiB (wait4: \(mebibytes(result.engineProcessPeakKiB)) MiB)")
        }
    }

    private static func row(_ name: String, seconds: Double, rows: Int, best: Double?, peakKiB: Int?,
                            tableRows: Int?, note: String) -> String {
        let rate = Double(rows) / seconds
        let ratio = best.map { String(format: "%.2f", $0 / seconds) } ?? "–"
        let peak = peakKiB.map { "\(mebibytes($0)) MiB" } ?? "–"
        let counted = tableRows.map(String.init) ?? "–"
        return "| \(name) | \(String(format: "%.2f", seconds)) | \(Int(rate)) | \(ratio) | \(peak) | \(counted) | \(note) |"
    }

    static func mebibytes(_ kib: Int) -> String {
        String(format: "%.1f", Double(kib) / 1024)
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_000_000)
    }
}
