import Dispatch
import Foundation
import SyncEngine

/// The console's event sources on the main queue: standard input, signals, engine events and
/// the tick while executions run. It feeds them to the app and draws after each.
///
/// Everything here runs on the main queue, the one thread that uses ncurses.
final class ConsoleSession {
    private let app: ConsoleApp
    private let terminal: NcursesTerminal
    private var sources: [DispatchSourceProtocol] = []
    private var tick: DispatchSourceTimer?
    private var relay: EngineEventRelay?
    private var redrawIsPending = false
    private var emptyReads = 0

    /// Set when the console should stop; the runner's loop checks it after every event.
    private(set) var stopReason: ConsoleStopReason?

    /// Wake-ups with nothing to read in a row after which standard input counts as ended: a closed
    /// terminal keeps standard input readable forever, and spinning on it would burn a core.
    private static let emptyReadLimit = 3

    init(app: ConsoleApp, terminal: NcursesTerminal) {
        self.app = app
        self.terminal = terminal
    }

    /// Installs the event sources and draws the first frame.
    func start() {
        let input = DispatchSource.makeReadSource(fileDescriptor: STDIN_FILENO, queue: .main)
        input.setEventHandler { [weak self] in self?.readInput() }
        sources.append(input)

        addSignalSource(SIGWINCH) { $0.resize() }
        addSignalSource(SIGINT) { $0.requestQuit() }
        addSignalSource(SIGHUP) { $0.stop(.hangUp) }
        addSignalSource(SIGTERM) { $0.stop(.terminated) }
        sources.forEach { $0.resume() }

        // The relay calls back on the main queue, the one this session lives on.
        let relay = EngineEventRelay { [weak self] event in self?.receive(event) }
        self.relay = relay
        app.engine.addObserver(relay)

        app.handle(.resize(terminal.size))
        updateTick()
        draw()
    }

    /// Removes the event sources and the engine observer; nothing is drawn afterwards.
    func tearDown() {
        sources.forEach { $0.cancel() }
        sources.removeAll()
        tick?.cancel()
        tick = nil
        if let relay {
            app.engine.removeObserver(relay)
        }
        relay = nil
    }

    private func addSignalSource(_ number: Int32, _ handle: @escaping (ConsoleSession) -> Void) {
        let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
        source.setEventHandler { [weak self] in
            if let self { handle(self) }
        }
        sources.append(source)
    }

    // MARK: - Events

    private func readInput() {
        guard stopReason == nil else { return }
        let input = terminal.readPendingInput()
        guard input.readCount > 0 else {
            emptyReads += 1
            if emptyReads >= ConsoleSession.emptyReadLimit { stop(.inputEnded) }
            return
        }
        emptyReads = 0

        if input.sawResize, let size = terminal.updateSize() {
            app.handle(.resize(size))
        }
        for key in input.keys {
            if key == .control("l") {
                app.reloadExecutions()
                terminal.invalidate()
            } else {
                app.handle(.key(key))
            }
            if app.wantsQuit {
                stop(.quit)
                return
            }
        }
        updateTick()
        draw()
    }

    private func resize() {
        guard stopReason == nil, let size = terminal.updateSize() else { return }
        app.handle(.resize(size))
        draw()
    }

    private func requestQuit() {
        guard stopReason == nil else { return }
        app.requestQuit()
        if app.wantsQuit {
            stop(.quit)
        } else {
            draw()
        }
    }

    private func receive(_ event: ExecutionEvent) {
        guard stopReason == nil else { return }
        app.apply(event)
        updateTick()
        scheduleRedraw()
    }

    private func stop(_ reason: ConsoleStopReason) {
        if stopReason == nil { stopReason = reason }
    }

    // MARK: - Drawing

    private func draw() {
        guard stopReason == nil else { return }
        terminal.present(app.render(size: terminal.size, unicode: terminal.supportsUnicode))
    }

    /// Draws once after the engine events already queued, however many arrive.
    private func scheduleRedraw() {
        guard !redrawIsPending else { return }
        redrawIsPending = true
        DispatchQueue.main.async { [weak self] in
            self?.redrawIsPending = false
            self?.draw()
        }
    }

    /// Runs a one-second tick while executions run, here or in another process, so durations
    /// and the statuses of other processes move, and none while idle.
    private func updateTick() {
        let isActive = app.engine.hasActiveExecutions || app.showsRunningExecutionsOfOtherProcesses
        if isActive, tick == nil {
            let timer = DispatchSource.makeTimerSource(queue: .main)
            timer.schedule(deadline: .now() + 1, repeating: 1, leeway: .milliseconds(100))
            timer.setEventHandler { [weak self] in
                self?.app.refreshRunningExecutionsOfOtherProcesses()
                self?.updateTick()
                self?.draw()
            }
            timer.resume()
            tick = timer
        } else if !isActive, let timer = tick {
            timer.cancel()
            tick = nil
        }
    }
}
