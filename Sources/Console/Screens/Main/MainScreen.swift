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
    /// The executions pane's rows, paged from the store; its filters mirror `filters[.executions]`.
    var executionList = ExecutionsList()

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
        executionList.rows
    }

    func selectedExecution(_ context: ConsoleContext) -> Execution? {
        executionList.execution(id: selectedExecutionID) ?? executionList.rows.first
    }

    /// Selects `execution` in the list and focuses the list, clearing the filters that hide it.
    mutating func show(_ execution: Execution, context: ConsoleContext) {
        selectedExecutionID = execution.id
        focus = .executions
        filters[.executions] = nil
        executionList.clearFilters(context: context)
        if executionList.index(of: execution.id) == nil {
            executionList.reload(context: context)
        }
    }

    /// Takes in a changed execution for the executions pane.
    mutating func executionDidChange(_ execution: Execution, context: ConsoleContext) {
        executionList.update(execution, context: context)
    }

    // MARK: - Keys

    mutating func handle(_ key: Key, context: ConsoleContext) -> ConsoleCommand {
        if filters[focus]?.isEditing == true, handleFilterKey(key, context: context) {
            return .none
        }

        switch key {
        case .up, .character("k"): move(by: -1, context: context)
        case .down, .character("j"): move(by: 1, context: context)
        case .pageUp: move(by: -10, context: context)
        case .pageDown: move(by: 10, context: context)
        case .home: moveToEnd(newest: true, context: context)
        case .end: moveToEnd(newest: false, context: context)
        case .left, .character("h"): focus = MainPane(rawValue: max(0, focus.rawValue - 1)) ?? focus
        case .right, .character("l"): focus = MainPane(rawValue: min(2, focus.rawValue + 1)) ?? focus
        case .character("e"): focus = .executions
        case .enter: return activate(context: context)
        case .character("p"): return openPlayDialog(context: context)
        case .character("c"): return cancelSelected(context: context)
        case .character("r"): return retrySelected(context: context)
        case .character("s"): cycleStatusFilter(context: context)
        case .character("/"): filters[focus, default: ListFilter()].isEditing = true
        case .escape: clearFilters(context: context)
        case .character("?"): return .showHelp
        case .character("q"): return .quit
        default: break
        }
        return .none
    }

    private mutating func handleFilterKey(_ key: Key, context: ConsoleContext) -> Bool {
        var filter = filters[focus] ?? ListFilter()
        let handled = filter.handle(key)
        filters[focus] = filter
        if focus == .executions {
            executionList.setText(filter.text, context: context)
        }
        return handled
    }

    private mutating func clearFilters(context: ConsoleContext) {
        filters[focus] = nil
        if focus == .executions {
            executionList.clearFilters(context: context)
        }
    }

    /// Shows the next status filter of the executions list, focusing the list.
    private mutating func cycleStatusFilter(context: ConsoleContext) {
        focus = .executions
        executionList.setStatus(executionList.status.next, context: context)
        selectedExecutionID = executionList.rows.first?.id
    }

    private mutating func move(by delta: Int, context: ConsoleContext) {
        switch focus {
        case .clients:
            selectedClientID = ListCursor.move(selectedClient(context)?.id, by: delta, in: visibleClients(context).map(\.id))
            selectedSyncID = nil
        case .syncs:
            selectedSyncID = ListCursor.move(selectedSync(context)?.id, by: delta, in: visibleSyncs(context).map(\.id))
        case .executions:
            selectedExecutionID = executionList.move(selectedExecution(context)?.id, by: delta, context: context)
        }
    }

    /// Home and End: the first or last row; for executions, the newest or oldest in the store.
    private mutating func moveToEnd(newest: Bool, context: ConsoleContext) {
        guard focus == .executions else {
            move(by: newest ? -Int.max / 2 : Int.max / 2, context: context)
            return
        }
        selectedExecutionID = newest ? executionList.moveToNewest(context: context)
            : executionList.moveToOldest(context: context)
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

    private func retrySelected(context: ConsoleContext) -> ConsoleCommand {
        guard let execution = executionUnderCursor(context) else { return .none }
        return context.retryPrompt(for: execution).map(ConsoleCommand.ask) ?? .none
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
