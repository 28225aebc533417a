import Foundation
import SyncModel
import SyncStore
import Testing

@Suite("SQLiteStateStore logs")
struct LogStoreTests {
    @Test
    func appendLog_sequences() throws {
        try withStore { store, _ in
            let first = try store.createExecution(draft())
            let second = try store.createExecution(draft())
            try store.appendLog(executionID: first.id, level: .info, message: "started", time: referenceTime)
            try store.appendLog(executionID: first.id, level: .info, message: "day 2026-01-02", time: referenceTime)
            let other = try store.appendLog(executionID: second.id, level: .info, message: "started", time: referenceTime)

            #expect(try store.logs(executionID: first.id, after: 0, limit: 10).map(\.sequence) == [1, 2])
            #expect(other.sequence == 1)
        }
    }

    @Test
    func appendLog_returnsStoredLine() throws {
        try withStore { store, _ in
            let execution = try store.createExecution(draft())
            let line = try store.appendLog(executionID: execution.id, level: .warning, message: "2 records rejected",
                                           time: Date(timeIntervalSince1970: 1_780_000_000.123_9))
            #expect(try store.logs(executionID: execution.id, after: 0, limit: 10) == [line])
        }
    }

    @Test
    func logs_afterAndLimit() throws {
        try withStore { store, _ in
            let execution = try store.createExecution(draft())
            for index in 1...5 {
                try store.appendLog(executionID: execution.id, level: .info, message: "line \(index)", time: referenceTime)
            }
            #expect(try store.logs(executionID: execution.id, after: 2, limit: 2).map(\.message) == ["line 3", "line 4"])
        }
    }

    @Test
    func appendLog_twoConnections() throws {
        try withStore { store, _ in
            let execution = try store.createExecution(draft())
            let other = try store.connect()
            for index in 0..<10 {
                let writer: any StateStore = index % 2 == 0 ? store : other
                try writer.appendLog(executionID: execution.id, level: .info, message: "line \(index)", time: referenceTime)
            }
            #expect(try store.logs(executionID: execution.id, after: 0, limit: 100).map(\.sequence) == Array(1...10))
        }
    }

    @Test
    func appendLog_concurrentThreads() throws {
        try withStore { store, _ in
            let execution = try store.createExecution(draft())
            let stores: [any StateStore] = [store, try store.connect()]

            DispatchQueue.concurrentPerform(iterations: 40) { index in
                _ = try? stores[index % 2].appendLog(executionID: execution.id, level: .info,
                                                     message: "line \(index)", time: referenceTime)
            }

            #expect(try store.logs(executionID: execution.id, after: 0, limit: 100).map(\.sequence) == Array(1...40))
        }
    }

    @Test
    func appendLog_unknownExecution() throws {
        try withStore { store, _ in
            let error = try #require(throws: StateStoreError.self) {
                try store.appendLog(executionID: 3, level: .info, message: "started", time: referenceTime)
            }
            #expect(error.code == .unknownExecution)
        }
    }
}
