import Foundation
import SyncModel

/// Reads the records a running program writes on its standard output, as they arrive.
///
/// Standard output and standard error are read together on the execution's thread, so a
/// program that writes much on one cannot stall on the other; each stderr line goes to the
/// log. The timeout and the execution's cancel stop the program with its children.
final class CommandReader: RecordReader {
    /// The maximum wait for output, in milliseconds, between two checks of the cancel request and the timeout.
    static let pollInterval: Int32 = 50
    static let readSize = 64 * 1024
    static let lineByteLimit = 16 * 1024 * 1024
    static let errorLineByteLimit = 4 * 1024
    /// How many stderr lines a failure quotes.
    static let quotedErrorLines = 5
    /// How many stderr lines go to the log per day, so a chatty program cannot flood it.
    static let loggedErrorLineLimit = 1000

    let location: String

    private let process: ChildProcess
    private let settings: CommandSourceSettings
    private let program: String
    private let day: Day?
    private let context: SourceContext
    private let stopGrace: TimeInterval
    private let deadline: Date

    private var decoder: CommandOutputDecoder
    private var outputLines = OutputLines(lineByteLimit: CommandReader.lineByteLimit)
    private var errorLines = OutputLines(lineByteLimit: CommandReader.errorLineByteLimit)
    private var lastErrors: [String] = []
    private var loggedErrorLines = 0
    private var buffer = [UInt8](repeating: 0, count: CommandReader.readSize)

    init(process: ChildProcess, settings: CommandSourceSettings, program: String, day: Day?,
         context: SourceContext, stopGrace: TimeInterval) {
        let location = "stdout of \(ValueExcerpt.escaped(program, limit: 120))"
        self.location = location
        self.process = process
        self.settings = settings
        self.program = ValueExcerpt.escaped(program, limit: 120)
        self.day = day
        self.context = context
        self.stopGrace = stopGrace
        self.deadline = Date().addingTimeInterval(settings.timeoutSeconds)
        self.decoder = CommandOutputDecoder(format: settings.format, stream: settings.stream, location: location,
                                            day: day, log: context.log)
    }

    func next() throws -> SourceItem? {
        while true {
            if let line = outputLines.next() {
                if let item = decoder.item(for: line) {
                    return item
                }
                continue
            }
            // NOTE: the end of the output is its end of file, so a background child that keeps
            // standard output open after the program exits holds the import until the timeout.
            if process.output < 0 {
                return try finish()
            }
            guard try readAvailable() else { return nil }
        }
    }

    func close() {
        // An execution that stopped early, on a failure of the destination for example, must
        // not leave the program running.
        process.stop(grace: stopGrace)
        process.closeOutput()
        process.closeErrors()
    }

    // MARK: - Reading

    /// Waits for output and reads what is there; returns `false` when the execution was canceled.
    private func readAvailable() throws -> Bool {
        try checkStop()
        var descriptors = [process.output, process.errors].filter { $0 >= 0 }.map {
            pollfd(fd: $0, events: Int16(POLLIN), revents: 0)
        }
        let ready = poll(&descriptors, nfds_t(descriptors.count), CommandReader.pollInterval)
        if ready < 0 {
            guard errno == EINTR else { throw CommandFailure.readFailed(program: program, code: errno, day: day) }
            return true
        }
        for descriptor in descriptors where descriptor.revents != 0 {
            try read(from: descriptor.fd)
        }
        return !context.isCanceled() || stopForCancel()
    }

    /// Reads once from `descriptor`, which poll reported ready, closing it at its end.
    private func read(from descriptor: Int32) throws {
        let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            guard errno == EINTR || errno == EAGAIN else {
                throw CommandFailure.readFailed(program: program, code: errno, day: day)
            }
            return
        }
        let isOutput = descriptor == process.output
        if count == 0 {
            if isOutput {
                outputLines.finish()
                process.closeOutput()
            } else {
                errorLines.finish()
                logErrorLines()
                process.closeErrors()
            }
            return
        }
        buffer.withUnsafeBufferPointer { bytes in
            let chunk = UnsafeBufferPointer(rebasing: bytes[0..<count])
            if isOutput {
                outputLines.append(chunk)
            } else {
                errorLines.append(chunk)
            }
        }
        if !isOutput {
            logErrorLines()
        }
    }

    private func logErrorLines() {
        while let line = errorLines.next() {
            let text = String(decoding: line.bytes, as: UTF8.self).escapingControlCharacters
            lastErrors.append(text)
            if lastErrors.count > CommandReader.quotedErrorLines {
                lastErrors.removeFirst()
            }
            loggedErrorLines += 1
            if loggedErrorLines <= CommandReader.loggedErrorLineLimit {
                context.log(.info, "\(unitName): stderr: \(text)")
            } else if loggedErrorLines == CommandReader.loggedErrorLineLimit + 1 {
                context.log(.info, "\(unitName): further stderr lines are not logged")
            }
        }
    }

    // MARK: - Ending

    /// Waits for the program to end once its output has ended, and turns its exit into the
    /// end of the records or a failure. Returns `nil` in both the normal and the canceled case.
    private func finish() throws -> SourceItem? {
        // Standard error is read until the program ends, not until its end of file, which a
        // child left running in the background could hold open for ever.
        while !process.hasEnded {
            guard try readErrorsOnly() else { return nil }
        }
        drainErrors()
        errorLines.finish()
        logErrorLines()

        let termination = process.wait()
        decoder.logSummary(unit: unitName)
        switch termination {
        case .exited(0):
            context.log(.info, "\(unitName): \(program) exited with code 0")
            return nil
        case .exited(let code):
            throw CommandFailure.exited(code, program: program, lastErrors: lastErrors, day: day)
        case .signaled(let signal):
            throw CommandFailure.signaled(signal, program: program, lastErrors: lastErrors, day: day)
        }
    }

    private func readErrorsOnly() throws -> Bool {
        try checkStop()
        guard process.errors >= 0 else {
            usleep(UInt32(CommandReader.pollInterval) * 1000)
            return !context.isCanceled() || stopForCancel()
        }
        var descriptor = pollfd(fd: process.errors, events: Int16(POLLIN), revents: 0)
        if poll(&descriptor, 1, CommandReader.pollInterval) > 0 {
            try read(from: descriptor.fd)
        }
        return !context.isCanceled() || stopForCancel()
    }

    /// Reads what remains on standard error after the program ended, without waiting.
    private func drainErrors() {
        while process.errors >= 0 {
            var descriptor = pollfd(fd: process.errors, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0, (try? read(from: descriptor.fd)) != nil else { return }
        }
    }

    /// Stops the program when the timeout has passed.
    private func checkStop() throws {
        guard Date() >= deadline else { return }
        process.stop(grace: stopGrace)
        context.log(.warning, "\(unitName): \(program) ran longer than \(HTTPFailure.formatSeconds(settings.timeoutSeconds)) s; stopped it and its children")
        throw CommandFailure.timedOut(program: program, seconds: settings.timeoutSeconds, day: day)
    }

    /// Stops the program for a cancel; always returns `false`.
    private func stopForCancel() -> Bool {
        process.stop(grace: stopGrace)
        context.log(.info, "\(unitName): canceled; stopped \(program) (process \(process.pid)) and its children")
        return false
    }

    private var unitName: String {
        day.map(\.description) ?? "snapshot"
    }
}
