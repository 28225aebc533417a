import Console
import Foundation

// Console measurements for docs/BENCHMARKS.md. Run from the package folder:
//
//   swift build -c release --product syncdeck && swift run -c release console-bench
//
// Options: --executions N (history size, 100000), --idle-seconds N (60), --repetitions N (30),
// --skip-idle. The report goes to standard output as Markdown.

let report = Report()
do {
    let options = try BenchOptions(CommandLine.arguments.dropFirst())
    report.line("Machine: \(Machine.description)")
    report.line("")

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("console-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }

    let clock = ContinuousClock()
    var history: HistoryBenchmark?
    let setUp = try clock.measure {
        history = try HistoryBenchmark(folder: folder, executionCount: options.executions,
                                       size: Size(columns: 120, rows: 40), repetitions: options.repetitions)
    }
    guard let history else { throw BenchError("the history benchmark did not start") }
    let title = history.executionsTitle
    let comparisons = [history.unchangedFrame(), try history.statusChange(), history.filterKeystroke()]
    history.finish()

    report.line("## Drawing with \(options.executions) executions in history (120x40, xterm-256color)")
    report.line("")
    report.line("Seeding the history and opening the console took \(String(format: "%.1f", setUp.milliseconds / 1000)) s; the list title reads \"\(title)\".")
    report.line("Medians of \(options.repetitions) repetitions; render is ConsoleApp.render, present is NcursesTerminal.present into a pseudo-terminal.")
    report.line("")
    report.line("| action | drawing | render ms | present ms | total ms | bytes to terminal |")
    report.line("| --- | --- | ---: | ---: | ---: | ---: |")
    for comparison in comparisons {
        for (kind, measurement) in [("incremental", comparison.incremental), ("full redraw", comparison.fullRedraw)] {
            report.line("| \(comparison.name) | \(kind) | \(format(measurement.renderMilliseconds)) | "
                + "\(format(measurement.presentMilliseconds)) | \(format(measurement.totalMilliseconds)) | \(measurement.bytes) |")
        }
        let bytesRatio = comparison.incremental.bytes == 0
            ? "all (incremental wrote none)"
            : format(Double(comparison.fullRedraw.bytes) / Double(comparison.incremental.bytes)) + "x"
        let timeRatio = comparison.fullRedraw.totalMilliseconds / max(0.001, comparison.incremental.totalMilliseconds)
        report.line("| \(comparison.name) | full / incremental | | | \(format(timeRatio))x | \(bytesRatio) |")
    }
    report.line("")

    if !options.skipIdle {
        let idle = IdleBenchmark(binary: options.binary, workspace: folder, seconds: options.idleSeconds)
        let samples = try idle.run()
        report.line("## Idle cost of the real console (tmux, 120x40, same history)")
        report.line("")
        report.line("| period of \(options.idleSeconds) s | CPU seconds | context switches (all threads) |")
        report.line("| --- | ---: | ---: |")
        report.line("| idle | \(String(format: "%.2f", samples.idle.cpuSeconds)) | \(samples.idle.contextSwitches) |")
        report.line("| Ctrl-L every second | \(String(format: "%.2f", samples.redrawEverySecond.cpuSeconds)) | \(samples.redrawEverySecond.contextSwitches) |")
    }
} catch {
    report.error("console-bench: \(error)")
    exit(1)
}

func format(_ value: Double) -> String {
    String(format: value < 10 ? "%.2f" : "%.1f", value)
}
