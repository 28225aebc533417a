import Foundation
import SyncModel
@testable import SyncEngine

/// A source context that keeps what a source logs and can be canceled from another thread.
final class SourceContextRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [(level: LogLine.Level, message: String)] = []
    private var canceled = false

    var context: SourceContext {
        SourceContext(log: { [self] level, message in
            lock.lock()
            lines.append((level, message))
            lock.unlock()
        }, isCanceled: { [self] in
            lock.lock()
            defer { lock.unlock() }
            return canceled
        })
    }

    var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines.map(\.message)
    }

    func cancel() {
        lock.lock()
        canceled = true
        lock.unlock()
    }

    /// Cancels after `seconds`, from another thread.
    func cancel(after seconds: TimeInterval) {
        let thread = Thread { [self] in
            Thread.sleep(forTimeInterval: seconds)
            cancel()
        }
        thread.start()
    }
}

/// Reads every item with `context`, then closes the reader.
func readAll(_ source: any RecordSource, day: Day?, context: SourceContext) throws -> [SourceItem] {
    try readAll(try source.open(day: day, context: context))
}
