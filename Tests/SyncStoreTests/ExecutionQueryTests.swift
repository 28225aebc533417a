import Foundation
import SyncModel
import SyncStore
import Testing

@Suite("SQLiteStateStore execution queries")
struct ExecutionQueryTests {
    /// Stores ten executions; ids 1...10, the even ones run by `ÉCOLE` and `ERROR`.
    private func seed(_ store: SQLiteStateStore) throws {
        let drafts = (1...10).map { index -> ExecutionDraft in
            var draft = draft(status: index.isMultiple(of: 2) ? .error : .finished)
            draft.operatorName = index.isMultiple(of: 2) ? "ÉCOLE" : "maria"
            return draft
        }
        _ = try store.createExecutions(drafts)
    }

    @Test func beforeID_pagesBackInTime() throws {
        try withStore { store, _ in
            try seed(store)
            let page = try store.executions(ExecutionQuery(limit: 3, beforeID: 8))
            #expect(page.map(\.id) == [7, 6, 5])
        }
    }

    @Test func afterID_oldestFirst_pagesForward() throws {
        try withStore { store, _ in
            try seed(store)
            let page = try store.executions(ExecutionQuery(limit: 3, afterID: 8, order: .oldestFirst))
            #expect(page.map(\.id) == [9, 10])
        }
    }

    @Test func oldestFirst_startsAtTheFirst() throws {
        try withStore { store, _ in
            try seed(store)
            let page = try store.executions(ExecutionQuery(limit: 2, order: .oldestFirst))
            #expect(page.map(\.id) == [1, 2])
        }
    }

    @Test func text_ignoresCaseAndAccentsBeyondASCII() throws {
        try withStore { store, _ in
            try seed(store)
            let found = try store.executions(ExecutionQuery(text: "école"))
            #expect(found.map(\.id) == [10, 8, 6, 4, 2])
        }
    }

    @Test func text_findsTheStatusLabel() throws {
        try withStore { store, _ in
            try seed(store)
            let found = try store.executions(ExecutionQuery(limit: 1, text: "error"))
            #expect(found.map(\.id) == [10])
        }
    }

    @Test func text_findsTheId() throws {
        try withStore { store, _ in
            try seed(store)
            let found = try store.executions(ExecutionQuery(text: "#7"))
            #expect(found.map(\.id) == [7])
        }
    }

    @Test func text_withStatusAndCursor_combine() throws {
        try withStore { store, _ in
            try seed(store)
            let found = try store.executions(ExecutionQuery(statuses: [.finished], limit: 2, beforeID: 9, text: "acme/orders"))
            #expect(found.map(\.id) == [7, 5])
        }
    }
}
