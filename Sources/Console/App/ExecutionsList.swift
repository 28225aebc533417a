import SyncModel
import SyncStore

/// The rows of the executions pane: a window of at most `windowLimit` executions, newest first,
/// paged from the state store as the operator scrolls, filtered by status and text in the store.
///
/// The history may contain hundreds of thousands of executions, so the window never contains
/// them all: scrolling past either end of the window reads the next page through an id cursor, and
/// a filter asks the store again instead of filtering rows in memory. Drawing reads only the
/// rows on screen.
struct ExecutionsList {
    static let pageSize = 200
    static let windowLimit = 1000

    private(set) var rows: [Execution] = []
    private var indexByID: [ExecutionID: Int] = [:]
    /// Whether the store contains newer executions than the window's first row.
    private(set) var hasNewer = false
    /// Whether the store contains older executions than the window's last row.
    private(set) var hasOlder = false
    private(set) var text = ""
    private(set) var status: StatusFilter = .all

    var isFiltered: Bool { !text.isEmpty || status != .all }

    func index(of id: ExecutionID?) -> Int? {
        id.flatMap { indexByID[$0] }
    }

    func execution(id: ExecutionID?) -> Execution? {
        index(of: id).map { rows[$0] }
    }

    // MARK: - Filters

    /// Reads the newest page that matches the filters.
    mutating func reload(context: ConsoleContext) {
        replace(with: fetch(ExecutionQuery(limit: Self.pageSize), context: context))
        hasNewer = false
        hasOlder = rows.count == Self.pageSize
    }

    mutating func setText(_ newText: String, context: ConsoleContext) {
        guard newText != text else { return }
        text = newText
        reload(context: context)
    }

    mutating func setStatus(_ newStatus: StatusFilter, context: ConsoleContext) {
        status = newStatus
        reload(context: context)
    }

    mutating func clearFilters(context: ConsoleContext) {
        guard isFiltered else { return }
        text = ""
        status = .all
        reload(context: context)
    }

    // MARK: - Moving

    /// The id `delta` rows away from `selected`, reading pages from the store when the move
    /// goes past the window. Returns the first row when `selected` is not in the window.
    mutating func move(_ selected: ExecutionID?, by delta: Int, context: ConsoleContext) -> ExecutionID? {
        guard !rows.isEmpty else { return nil }
        guard var target = index(of: selected).map({ $0 + delta }) else { return rows.first?.id }
        while target >= rows.count, hasOlder {
            let (added, dropped) = loadOlder(context: context)
            guard added > 0 else { break }
            target -= dropped
        }
        while target < 0, hasNewer {
            let added = loadNewer(context: context)
            guard added > 0 else { break }
            target += added
        }
        return rows[min(rows.count - 1, max(0, target))].id
    }

    /// Shows the newest page and returns its first id.
    mutating func moveToNewest(context: ConsoleContext) -> ExecutionID? {
        if hasNewer { reload(context: context) }
        return rows.first?.id
    }

    /// Shows the oldest page, without reading what lies between, and returns its last id.
    mutating func moveToOldest(context: ConsoleContext) -> ExecutionID? {
        if hasOlder {
            let page = fetch(ExecutionQuery(limit: Self.pageSize, order: .oldestFirst), context: context)
            replace(with: page.reversed())
            hasOlder = false
            hasNewer = true
        }
        return rows.last?.id
    }

    // MARK: - Live changes

    /// Takes in a changed execution: replaces its row, or adds a new one on top when the window
    /// shows the newest executions and the execution matches the filters.
    ///
    /// A row whose new status no longer matches stays until the next reload, so the row under
    /// the cursor never vanishes while the operator looks at it.
    mutating func update(_ execution: Execution, context: ConsoleContext) {
        if let index = indexByID[execution.id] {
            rows[index] = execution
            return
        }
        guard !hasNewer, execution.id > (rows.first?.id ?? 0), matches(execution, context: context) else { return }
        rows.insert(execution, at: 0)
        trimOldest()
        reindex()
    }

    /// Whether `execution` passes the filters, as the store's query would decide.
    func matches(_ execution: Execution, context: ConsoleContext) -> Bool {
        guard status.matches(execution.status) else { return false }
        return ListFilter.matches(text: text, "#\(execution.id)", execution.syncPath, execution.operatorName,
                                  execution.request.summary, execution.status.label(unicode: context.unicode))
    }

    // MARK: - Paging

    /// Appends the next older page and returns how many rows it added and how many it dropped
    /// from the top to keep the window bounded.
    private mutating func loadOlder(context: ConsoleContext) -> (added: Int, dropped: Int) {
        guard let last = rows.last else { return (0, 0) }
        let page = fetch(ExecutionQuery(limit: Self.pageSize, beforeID: last.id), context: context)
        hasOlder = page.count == Self.pageSize
        rows += page
        let dropped = max(0, rows.count - Self.windowLimit)
        if dropped > 0 {
            rows.removeFirst(dropped)
            hasNewer = true
        }
        reindex()
        return (page.count, dropped)
    }

    /// Prepends the next newer page and returns how many rows it added.
    private mutating func loadNewer(context: ConsoleContext) -> Int {
        guard let first = rows.first else { return 0 }
        let page = fetch(ExecutionQuery(limit: Self.pageSize, afterID: first.id, order: .oldestFirst), context: context)
        hasNewer = page.count == Self.pageSize
        rows.insert(contentsOf: page.reversed(), at: 0)
        trimOldest()
        reindex()
        return page.count
    }

    private mutating func trimOldest() {
        guard rows.count > Self.windowLimit else { return }
        rows.removeLast(rows.count - Self.windowLimit)
        hasOlder = true
    }

    /// Runs `query` with the filters added, or reports the read error and returns an empty page.
    private func fetch(_ query: ExecutionQuery, context: ConsoleContext) -> [Execution] {
        var query = query
        query.statuses = status.statuses
        query.text = text.isEmpty ? nil : text
        do {
            return try context.engine.executions(query)
        } catch {
            context.report(error, doing: "reading the executions")
            return []
        }
    }

    private mutating func replace(with executions: [Execution]) {
        rows = executions
        reindex()
    }

    private mutating func reindex() {
        indexByID = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.id, $0) })
    }
}
