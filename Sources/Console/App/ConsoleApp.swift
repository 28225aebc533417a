import Foundation
import SyncEngine
import SyncModel

/// The whole console: its screens, their state, and how keys and engine events change them.
///
/// It never touches the terminal: the runner feeds it input and engine events on the UI thread
/// and shows what `render` draws. Tests drive it the same way and read the buffer.
///
/// Screens stack: the main screen or an execution's details, the play dialog over the main
/// screen, then a yes/no prompt, then the help overlay. Keys go to the top one. A resize only
/// changes how the next frame is drawn, so no state is lost when the terminal shrinks.
public final class ConsoleApp {
    public let engine: ExecutionEngine
    public let operatorName: String

    /// Set once the operator has asked to quit and confirmed it when executions were running.
    public private(set) var wantsQuit = false

    /// The size of the last resize event; `render(size:)` draws for the size it is given.
    public private(set) var size = MainScreen.minimumSize

    let context: ConsoleContext
    var main = MainScreen()
    var dialog: PlayDialog?
    var details: ExecutionDetailsScreen?
    var prompt: ConsolePrompt?
    var showsHelp = false

    public convenience init(engine: ExecutionEngine, operatorName: String) {
        self.init(engine: engine, operatorName: operatorName, now: { Date() })
    }

    /// Creates the console with a clock, so that durations and the last complete day can be
    /// fixed in tests.
    public init(engine: ExecutionEngine, operatorName: String, now: @escaping () -> Date) {
        self.engine = engine
        self.operatorName = operatorName
        context = ConsoleContext(engine: engine, operatorName: operatorName, now: now)
        context.loadExecutions()
        main.executionList.reload(context: context)
    }

    /// Reacts to a key or a resize.
    public func handle(_ event: InputEvent) {
        switch event {
        case .resize(let newSize):
            size = newSize
        case .key(let key):
            context.notice = nil
            perform(route(key))
        }
    }

    /// Takes in an engine event; call on the UI thread.
    public func apply(_ event: ExecutionEvent) {
        switch event {
        case .updated(let execution):
            context.update(execution)
            main.executionDidChange(execution, context: context)
            dialog?.executionDidChange(execution, context: context)
        case .logged(let line):
            details?.append(line)
        }
    }

    /// Whether the console shows an execution that has not ended and that another process runs,
    /// whose changes reach it only by reading the state store.
    public var showsRunningExecutionsOfOtherProcesses: Bool {
        context.executions.all.contains { !$0.status.isFinal && !engine.isActiveHere($0.id) }
    }

    /// Reads again from the state store the executions of other processes that have not ended,
    /// so their statuses and progress move on screen. The runner calls it once a second while
    /// there are any.
    public func refreshRunningExecutionsOfOtherProcesses() {
        // An execution whose process died would otherwise show IN PROGRESS until the next start.
        try? engine.recoverInterruptedExecutions()
        let others = context.executions.all.filter { !$0.status.isFinal && !engine.isActiveHere($0.id) }
        for execution in others {
            guard let current = try? engine.execution(id: execution.id), current != execution else { continue }
            apply(.updated(current))
        }
    }

    /// Reads the executions again from the state store, to show those that another process
    /// started or changed, since engine events come only from this process (Ctrl-L does this).
    public func reloadExecutions() {
        context.loadExecutions()
        main.executionList.reload(context: context)
    }

    /// Quits at once when nothing runs, or opens a yes/no prompt first (SIGINT does this).
    public func requestQuit() {
        guard engine.hasActiveExecutions else {
            wantsQuit = true
            return
        }
        let running = context.executions.all.filter { !$0.status.isFinal }.count
        let what = running > 0 ? DisplayFormat.count(running, "execution") + " still running" : "Executions are still running"
        prompt = ConsolePrompt(title: "Quit SyncDeck",
                               message: "\(what). Quitting cancels \(running == 1 ? "it" : "them"); completed days stay imported. Quit now?",
                               action: .quit)
    }

    /// Draws the current state for a terminal of `size`.
    public func render(size: Size, unicode: Bool) -> ScreenBuffer {
        context.unicode = unicode
        var buffer = ScreenBuffer(size: size)
        let minimum = minimumSize
        guard TooSmallView.fits(size, minimum) else {
            TooSmallView.draw(&buffer, needs: minimum)
            return buffer
        }

        if let details {
            details.draw(&buffer, context: context)
        } else {
            main.draw(&buffer, context: context)
            dialog?.draw(&buffer, context: context)
        }
        if let prompt {
            PromptBox.draw(&buffer, title: prompt.title, message: prompt.message, unicode: unicode)
        }
        if showsHelp {
            HelpOverlay.draw(&buffer, title: helpTitle, keys: helpKeys, unicode: unicode)
        }
        return buffer
    }

    /// The smallest terminal the screen on top can be drawn in.
    public var minimumSize: Size {
        if details != nil { return ExecutionDetailsScreen.minimumSize }
        if dialog != nil { return PlayDialog.minimumSize }
        return MainScreen.minimumSize
    }

    // MARK: - Key routing

    private func route(_ key: Key) -> ConsoleCommand {
        if showsHelp {
            if key == .escape || key == .character("?") { showsHelp = false }
            return .none
        }
        if let prompt {
            answer(prompt, key: key)
            return .none
        }
        if dialog != nil {
            return dialog?.handle(key, context: context) ?? .none
        }
        if details != nil {
            return details?.handle(key, context: context, size: size) ?? .none
        }
        return main.handle(key, context: context)
    }

    /// Retries `id` after the operator confirmed it, and shows the new execution where the
    /// operator is looking: its details when details were open, otherwise the list.
    private func retry(_ id: ExecutionID) {
        guard let execution = context.executions.execution(id: id) ?? (try? engine.execution(id: id)) ?? nil,
              let retried = context.retry(execution) else {
            return
        }
        if details != nil {
            details = ExecutionDetailsScreen(executionID: retried.id, context: context)
        }
        main.show(retried, context: context)
    }

    private func answer(_ prompt: ConsolePrompt, key: Key) {
        switch key {
        case .character("y"), .character("Y"):
            self.prompt = nil
            switch prompt.action {
            case .cancelExecution(let id): context.cancel(id)
            case .retryExecution(let id): retry(id)
            case .quit: wantsQuit = true
            }
        case .character("n"), .character("N"), .escape:
            self.prompt = nil
        default:
            break
        }
    }

    private func perform(_ command: ConsoleCommand) {
        switch command {
        case .none:
            break
        case .openPlayDialog(let clientID, let syncID):
            guard let (client, sync) = try? engine.workspace.sync(clientID: clientID, syncID: syncID) else { return }
            dialog = PlayDialog(client: client, sync: sync, context: context)
        case .closeDialog(let started):
            dialog = nil
            if let started {
                context.update(started)
                main.executionDidChange(started, context: context)
                main.show(started, context: context)
                context.notice = StyledSpan("Started execution #\(started.id) of \(started.syncPath)", .hint)
            }
        case .openDetails(let id):
            context.ensureLoaded(id)
            details = ExecutionDetailsScreen(executionID: id, context: context)
            if let execution = context.executions.execution(id: id) {
                main.executionDidChange(execution, context: context)
                if main.executionList.index(of: id) == nil {
                    main.show(execution, context: context)
                }
                main.selectedExecutionID = id
            }
        case .closeDetails:
            details = nil
        case .ask(let prompt):
            self.prompt = prompt
        case .showHelp:
            showsHelp = true
        case .quit:
            requestQuit()
        }
    }

    private var helpTitle: String {
        if dialog != nil { return "play dialog" }
        if details != nil { return "execution details" }
        return "main screen"
    }

    private var helpKeys: [KeyHelp] {
        if dialog != nil { return PlayDialog.keyHelp }
        if details != nil { return ExecutionDetailsScreen.keyHelp }
        return MainScreen.keyHelp
    }
}
