import Foundation
import SyncModel

/// Reads and checks the records of an execution's days on a thread of its own and hands them
/// to the execution's thread in chunks. Reading and checking the next records then runs on one
/// core while the destination writes the previous ones on another.
///
/// The reading thread only reads: every change to the execution (counts, warnings, day states,
/// log lines) is made by the execution's thread from the messages, in their order. At most
/// `capacity` chunks wait at a time, so memory stays flat however large a day is.
final class RecordPipeline: @unchecked Sendable {
    /// A report of the reading thread; reports arrive in the order of the events.
    enum Message {
        /// The reading of day `index` of the plan starts; `day` is `nil` for a snapshot.
        case dayStarted(index: Int, day: Day?)
        /// Records of the current day, checked.
        case records([CheckedItem])
        /// Every record of the current day has been read.
        case dayEnded
        /// Opening or reading the current day failed; nothing more follows.
        case failed(Error)
        /// A line that the source logged while it read.
        case logged(LogLine.Level, String)
    }

    /// One record of a source after the schema's checks.
    enum CheckedItem {
        case valid(ValidRecord)
        case rejected(RecordIssue)
    }

    /// How many records a chunk holds: the execution checks its cancel flag once per chunk.
    static let chunkSize = 256
    /// How many chunks may wait for the execution's thread.
    static let capacity = 4

    private let units: [Day?]
    private let source: any RecordSource
    private let schema: [FieldSpec]?
    private let timeZone: TimeZone?
    private let cancellation: CancellationFlag

    private let condition = NSCondition()
    private var waiting: [Message] = []
    private var chunksWaiting = 0
    /// Set by the execution's thread when it stops taking messages.
    private var stopped = false
    /// Set by the reading thread when it has sent its last message and closed its reader.
    private var finished = false

    init(units: [Day?], source: any RecordSource, schema: [FieldSpec]?, timeZone: TimeZone?,
         cancellation: CancellationFlag) {
        self.units = units
        self.source = source
        self.schema = schema
        self.timeZone = timeZone
        self.cancellation = cancellation
    }

    /// Starts the reading thread.
    func start() {
        let thread = Thread { [self] in
            readUnits()
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "syncdeck-reader"
        thread.start()
    }

    /// Returns the next message, waiting for it, or `nil` once the reading thread has finished.
    func next() -> Message? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !finished {
            condition.wait()
        }
        guard !waiting.isEmpty else { return nil }
        let message = waiting.removeFirst()
        if case .records = message {
            chunksWaiting -= 1
            condition.broadcast()
        }
        return message
    }

    /// Stops the reading thread and waits until it has closed its reader. Messages not taken
    /// are dropped. Safe to call more than once.
    func stop() {
        condition.lock()
        stopped = true
        waiting.removeAll()
        chunksWaiting = 0
        condition.broadcast()
        while !finished {
            condition.wait()
        }
        condition.unlock()
    }

    // MARK: - The reading thread

    private var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    /// Queues `message`, waiting while `capacity` chunks are queued; returns `false` when the
    /// execution's thread has stopped taking messages.
    @discardableResult
    private func send(_ message: Message) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let isChunk: Bool
        if case .records = message { isChunk = true } else { isChunk = false }
        while isChunk && chunksWaiting >= RecordPipeline.capacity && !stopped {
            condition.wait()
        }
        guard !stopped else { return false }
        waiting.append(message)
        if isChunk { chunksWaiting += 1 }
        condition.broadcast()
        return true
    }

    private func readUnits() {
        let context = SourceContext(
            log: { [weak self] level, message in self?.send(.logged(level, message)) },
            isCanceled: { [weak self] in self.map { $0.cancellation.isCanceled || $0.isStopping } ?? true })

        for (index, day) in units.enumerated() {
            if cancellation.isCanceled || !send(.dayStarted(index: index, day: day)) {
                return
            }
            let reader: any RecordReader
            do {
                reader = try source.open(day: day, context: context)
            } catch {
                send(.failed(error))
                return
            }
            let completed = readDay(day, from: reader)
            reader.close()
            guard completed else { return }
        }
    }

    /// Sends the checked records of one day; returns `false` when the reading must stop.
    private func readDay(_ day: Day?, from reader: any RecordReader) -> Bool {
        let validator = RecordValidator(schema: schema, day: day, location: reader.location, timeZone: timeZone)
        var chunk: [CheckedItem] = []
        chunk.reserveCapacity(RecordPipeline.chunkSize)
        do {
            while let item = try reader.next() {
                switch item {
                case .record(let record):
                    switch validator.validate(record) {
                    case .valid(let valid): chunk.append(.valid(valid))
                    case .invalid(let issue): chunk.append(.rejected(issue))
                    }
                case .malformed(let issue):
                    chunk.append(.rejected(issue))
                }
                if chunk.count == RecordPipeline.chunkSize {
                    guard send(.records(chunk)), !cancellation.isCanceled else { return false }
                    chunk.removeAll(keepingCapacity: true)
                }
            }
        } catch {
            // The records read before the failure are counted, then the day fails.
            if !chunk.isEmpty { send(.records(chunk)) }
            send(.failed(error))
            return false
        }
        if !chunk.isEmpty, !send(.records(chunk)) {
            return false
        }
        return send(.dayEnded)
    }
}
