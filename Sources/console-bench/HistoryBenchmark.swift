import Console
import Foundation
import SyncEngine
import SyncModel
import SyncStore

/// Drawing costs of the console with a long history, through ncurses into a pseudo-terminal:
/// each action measured with incremental drawing and with a full redraw (Ctrl-L), in one run.
final class HistoryBenchmark {
    let workspace: Workspace
    let app: ConsoleApp
    let terminal: NcursesTerminal
    let screen: PseudoTerminal
    /// How many times each action is repeated; the median is reported.
    let repetitions: Int

    /// One action measured both ways.
    struct Comparison {
        var name: String
        var incremental: Measurement
        var fullRedraw: Measurement
    }

    /// The median time and bytes of one action.
    struct Measurement {
        var renderMilliseconds: Double
        var presentMilliseconds: Double
        var bytes: Int
        var totalMilliseconds: Double { renderMilliseconds + presentMilliseconds }
    }

    /// Creates the demo workspace in `folder`, adds `executionCount` finished executions to its
    /// state database, and opens the console on a pseudo-terminal of `size`.
    init(folder: URL, executionCount: Int, size: Size, repetitions: Int) throws {
        workspace = try DemoWorkspace.create(at: folder, today: Day.containing(Date(), in: TimeZone.current))
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        try HistoryBenchmark.seed(store, workspace: workspace, count: executionCount)
        let engine = try ExecutionEngine(workspace: workspace, store: store)
        app = ConsoleApp(engine: engine, operatorName: "bench")
        self.repetitions = repetitions

        screen = try PseudoTerminal(size: size)
        screen.becomeStandardInputAndOutput()
        terminal = try NcursesTerminal(theme: try Theme.load(name: "default", searchPaths: []), environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        app.handle(.resize(terminal.size))
        terminal.present(app.render(size: terminal.size, unicode: terminal.supportsUnicode))
    }

    /// Gives the terminal back to ncurses' care; the pseudo-terminal stays open until exit.
    func finish() {
        terminal.shutDown()
    }

    /// The title of the executions box, with the number of executions in the list.
    var executionsTitle: String {
        let buffer = app.render(size: terminal.size, unicode: true)
        guard let row = buffer.row(containing: "Executions (") else { return "?" }
        let line = buffer.line(row)
        guard let start = line.range(of: "Executions (") else { return "?" }
        return String(line[start.lowerBound...].prefix { $0 != ")" }) + ")"
    }

    // MARK: - Actions

    /// Draws a frame after a key that changes nothing, which is what most idle redraws are.
    func unchangedFrame() -> Comparison {
        compare("redraw with nothing changed") { }
    }

    /// One execution changes status, as when the engine reports it finished.
    func statusChange() throws -> Comparison {
        guard var execution = try app.engine.executions(ExecutionQuery(limit: 1)).first else {
            throw BenchError("the history is empty")
        }
        return compare("one status change") {
            execution.status = execution.status == .finished ? .error : .finished
            app.apply(.updated(execution))
        }
    }

    /// Types one more letter of a filter of the executions list.
    func filterKeystroke() -> Comparison {
        app.handle(.key(.character("e")))
        let text = Array("initech")
        var typed = 0
        return compare("one filter keystroke") {
            if typed == text.count {
                app.handle(.key(.escape))
                app.handle(.key(.character("/")))
                typed = 0
            } else if typed == 0 {
                app.handle(.key(.character("/")))
            }
            app.handle(.key(.character(text[typed])))
            typed += 1
        }
    }

    private func compare(_ name: String, change: () -> Void) -> Comparison {
        let incremental = measure(change: change, fullRedraw: false)
        let full = measure(change: change, fullRedraw: true)
        return Comparison(name: name, incremental: incremental, fullRedraw: full)
    }

    private func measure(change: () -> Void, fullRedraw: Bool) -> Measurement {
        var renders: [Double] = []
        var presents: [Double] = []
        var bytes: [Int] = []
        let clock = ContinuousClock()
        for _ in 0..<repetitions {
            change()
            var buffer: ScreenBuffer?
            renders.append(clock.measure {
                buffer = app.render(size: terminal.size, unicode: terminal.supportsUnicode)
            }.milliseconds)
            var presentTime = Duration.zero
            bytes.append(screen.countBytes {
                presentTime = clock.measure {
                    if fullRedraw { terminal.invalidate() }
                    if let buffer { terminal.present(buffer) }
                }
            })
            presents.append(presentTime.milliseconds)
        }
        return Measurement(renderMilliseconds: renders.median, presentMilliseconds: presents.median, bytes: bytes.median)
    }

    // MARK: - History

    /// Adds `count` finished executions spread over the demo's syncs, in batches of one
    /// transaction each.
    static func seed(_ store: SQLiteStateStore, workspace: Workspace, count: Int) throws {
        let syncs = workspace.clients.flatMap { client in client.syncs.map { (client.id, $0.id) } }
        guard !syncs.isEmpty else { throw BenchError("the demo workspace has no sync") }
        let statuses: [ExecutionStatus] = [.finished, .finished, .finished, .finishedWithWarnings, .error, .canceled]
        let owner = ExecutionOwner.current
        let start = Date().addingTimeInterval(-Double(count) * 60)
        var index = 0
        while index < count {
            let drafts = (index..<min(count, index + 5_000)).map { number in
                let (client, sync) = syncs[number % syncs.count]
                return ExecutionDraft(clientID: client, syncID: sync, request: .default, operatorName: "operator\(number % 7)",
                                      confirmed: false, status: statuses[number % statuses.count],
                                      createdAt: start.addingTimeInterval(Double(number) * 60), plannedDays: [],
                                      retryOf: nil, owner: owner)
            }
            _ = try store.createExecutions(drafts)
            index += drafts.count
        }
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
    }
}

extension Array where Element: Comparable {
    /// The middle element after sorting (the upper one of the two middles for an even count).
    var median: Element {
        let sorted = self.sorted()
        return sorted[sorted.count / 2]
    }
}
