import SyncModel

/// The panes of the main screen, left to right and top to bottom.
enum MainPane: Int, CaseIterable {
    case clients, syncs, executions

    var title: String {
        switch self {
        case .clients: return "clients"
        case .syncs: return "syncs"
        case .executions: return "executions"
        }
    }
}

/// The main screen: clients, the selected client's syncs, and the live executions.
///
/// Selections are kept by id, so new executions arriving at the top of the list and filters
/// never move the selection to another item.
struct MainScreen {
    static let minimumSize = Size(columns: 80, rows: 24)

    var focus: MainPane = .clients
    var selectedClientID: String?
    var selectedSyncID: String?
    var selectedExecutionID: ExecutionID?
    var filters: [MainPane: ListFilter] = [:]

    // MARK: - Lists

    func visibleClients(_ context: ConsoleContext) -> [Client] {
        let filter = filters[.clients] ?? ListFilter()
        return context.engine.workspace.clients.filter { filter.matches($0.name, $0.id) }
    }

    func selectedClient(_ context: ConsoleContext) -> Client? {
        let clients = visibleClients(context)
        return clients.first { $0.id == selectedClientID } ?? clients.first
    }

    func visibleSyncs(_ context: ConsoleContext) -> [SyncDefinition] {
        let filter = filters[.syncs] ?? ListFilter()
        return (selectedClient(context)?.syncs ?? []).filter { filter.matches($0.name, $0.id) }
    }

    func selectedSync(_ context: ConsoleContext) -> SyncDefinition? {
        let syncs = visibleSyncs(context)
        return syncs.first { $0.id == selectedSyncID } ?? syncs.first
    }

    func visibleExecutions(_ context: ConsoleContext) -> [Execution] {
        let filter = filters[.executions] ?? ListFilter()
        guard !filter.text.isEmpty else { return context.executions.all }
        return context.executions.all.filter {
            filter.matches("#\($0.id)", $0.syncPath, $0.request.summary, $0.operatorName,
                           context.displayedStatus(of: $0).label(unicode: context.unicode))
        }
    }

    func selectedExecution(_ context: ConsoleContext) -> Execution? {
        let executions = visibleExecutions(context)
        return executions.first { $0.id == selectedExecutionID } ?? executions.first
    }

    /// Selects `execution` in the list and focuses the list, clearing a filter that hides it.
    mutating func show(_ execution: Execution) {
        selectedExecutionID = execution.id
        focus = .executions
        filters[.executions] = nil
    }

    // MARK: - Keys

    mutating func handle(_ key: Key, context: ConsoleContext) -> ConsoleCommand {
        if filters[focus]?.isEditing == true, handleFilterKey(key) {
            return .none
        }

        switch key {
        case .up, .character("k"): move(by: -1, context: context)
        case .down, .character("j"): move(by: 1, context: context)
        case .pageUp: move(by: -10, context: context)
        case .pageDown: move(by: 10, context: context)
        case .home: move(by: -Int.max / 2, context: context)
        case .end: move(by: Int.max / 2, context: context)
        case .left, .character("h"): focus = MainPane(rawValue: max(0, focus.rawValue - 1)) ?? focus
        case .right, .character("l"): focus = MainPane(rawValue: min(2, focus.rawValue + 1)) ?? focus
        case .character("e"): focus = .executions
        case .enter: return activate(context: context)
        case .character("p"): return openPlayDialog(context: context)
        case .character("c"): return cancelSelected(context: context)
        case .character("r"): retrySelected(context: context)
        case .character("/"): filters[focus, default: ListFilter()].isEditing = true
        case .escape: filters[focus] = nil
        case .character("?"): return .showHelp
        case .character("q"): return .quit
        default: break
        }
        return .none
    }

    private mutating func handleFilterKey(_ key: Key) -> Bool {
        var filter = filters[focus] ?? ListFilter()
        let handled = filter.handle(key)
        filters[focus] = filter
        return handled
    }

    private mutating func move(by delta: Int, context: ConsoleContext) {
        switch focus {
        case .clients:
            selectedClientID = ListCursor.move(selectedClient(context)?.id, by: delta, in: visibleClients(context).map(\.id))
            selectedSyncID = nil
        case .syncs:
            selectedSyncID = ListCursor.move(selectedSync(context)?.id, by: delta, in: visibleSyncs(context).map(\.id))
        case .executions:
            selectedExecutionID = ListCursor.move(selectedExecution(context)?.id, by: delta,
                                                  in: visibleExecutions(context).map(\.id))
        }
    }

    private mutating func activate(context: ConsoleContext) -> ConsoleCommand {
        switch focus {
        case .clients:
            focus = .syncs
            return .none
        case .syncs:
            return openPlayDialog(context: context)
        case .executions:
            guard let execution = selectedExecution(context) else { return .none }
            return .openDetails(execution.id)
        }
    }

    private func openPlayDialog(context: ConsoleContext) -> ConsoleCommand {
        guard focus == .syncs, let client = selectedClient(context), let sync = selectedSync(context) else {
            context.notice = StyledSpan("Choose a sync first: move to the syncs pane with Right or l", .hint)
            return .none
        }
        return .openPlayDialog(clientID: client.id, syncID: sync.id)
    }

    private func cancelSelected(context: ConsoleContext) -> ConsoleCommand {
        guard let execution = executionUnderCursor(context) else { return .none }
        return context.cancelPrompt(for: execution).map(ConsoleCommand.ask) ?? .none
    }

    private mutating func retrySelected(context: ConsoleContext) {
        guard let execution = executionUnderCursor(context) else { return }
        if let retried = context.retry(execution) {
            show(retried)
        }
    }

    /// The selected execution when the executions list has focus; `c` and `r` act on nothing
    /// else, so that they never hit an execution the operator is not looking at.
    private func executionUnderCursor(_ context: ConsoleContext) -> Execution? {
        guard focus == .executions else {
            context.notice = StyledSpan("Press e to choose an execution first", .hint)
            return nil
        }
        return selectedExecution(context)
    }
}
