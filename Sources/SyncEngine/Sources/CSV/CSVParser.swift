import SyncModel

/// One row of a CSV file, as parsed before it is matched with the header.
struct CSVRow {
    /// The field values; an empty unquoted field is `.null`, an empty quoted field is empty text.
    var values: [SourceValue]
    /// The line where the row starts, counting from 1.
    var line: Int
    /// The reason the row cannot be used as a record, or `nil` when it can.
    var problem: CSVRowProblem?
}

/// A reason a CSV row cannot be read as a record.
enum CSVRowProblem: Equatable {
    /// A quoted field is still open at the end of the file.
    case unterminatedQuote
    /// A byte other than a comma or a line break follows a closing quote in field `field` (from 0).
    case textAfterClosingQuote(field: Int)
    /// The bytes of field `field` (from 0) are not valid UTF-8.
    case invalidUTF8(field: Int)
    /// The row is longer than the parser keeps in memory.
    case tooLong(limit: Int)
}

/// A streaming RFC 4180 parser that works on the bytes of a `ChunkedFileReader`.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; rows end with LF, CRLF or a
/// lone CR. Blank lines between rows are skipped, which also ignores a final line break.
/// A row keeps at most `rowByteLimit` bytes, so a quote that is never closed cannot pull the
/// rest of a large file into memory: the row is then reported as too long.
final class CSVParser {
    static let defaultRowByteLimit = 16 * 1024 * 1024

    private enum State {
        case fieldStart
        case unquoted
        case quoted
        /// A quote was read inside a quoted field: either a doubled quote or the field's end.
        case quoteInQuoted
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private let input: ChunkedFileReader
    private let rowByteLimit: Int

    /// The line of the next byte to scan.
    private var line = 1
    /// Set after a CR that ended a row, so that the LF of a CRLF pair is not a blank line.
    private var skipLineFeed = false

    private var state = State.fieldStart
    private var rowStarted = false
    private var rowLine = 1
    private var values: [SourceValue] = []
    private var fieldBytes: [UInt8] = []
    private var fieldQuoted = false
    private var rowBytes = 0
    private var problem: CSVRowProblem?

    init(input: ChunkedFileReader, rowByteLimit: Int = CSVParser.defaultRowByteLimit) {
        self.input = input
        self.rowByteLimit = rowByteLimit
        fieldBytes.reserveCapacity(256)
    }

    /// Returns the next row, or `nil` at the end of the file.
    ///
    /// - Throws: `ExecutionFailure` when reading the file fails.
    func nextRow() throws -> CSVRow? {
        startRow()
        while true {
            if input.position >= input.count, try !input.refill() {
                return finishAtEndOfFile()
            }
            if scanChunk() {
                return takeRow()
            }
        }
    }

    // MARK: - Scanning

    /// Scans the current chunk until a row ends or the chunk is used up.
    ///
    /// - Returns: `true` when a row ended.
    private func scanChunk() -> Bool {
        let bytes = input.bytes
        let end = input.count
        var index = input.position
        defer { input.position = index }

        while index < end {
            switch state {
            case .fieldStart:
                let byte = bytes[index]
                if !rowStarted {
                    if skipBlankLineByte(byte) {
                        index += 1
                        continue
                    }
                    rowStarted = true
                    rowLine = line
                }
                if byte == CSVParser.quote {
                    state = .quoted
                    fieldQuoted = true
                    index += 1
                } else if byte == CSVParser.comma {
                    finishField()
                    index += 1
                } else if byte == CSVParser.lineFeed || byte == CSVParser.carriageReturn {
                    finishField()
                    endLine(with: byte)
                    index += 1
                    return true
                } else {
                    state = .unquoted
                }

            case .unquoted:
                let runStart = index
                while index < end {
                    let byte = bytes[index]
                    if byte == CSVParser.comma || byte == CSVParser.lineFeed || byte == CSVParser.carriageReturn {
                        break
                    }
                    index += 1
                }
                guard index < end else {
                    appendField(bytes + runStart, count: index - runStart)
                    break
                }
                finishField(bytes + runStart, count: index - runStart)
                let byte = bytes[index]
                index += 1
                state = .fieldStart
                if byte != CSVParser.comma {
                    endLine(with: byte)
                    return true
                }

            case .quoted:
                let runStart = index
                while index < end {
                    let byte = bytes[index]
                    if byte == CSVParser.quote { break }
                    if byte == CSVParser.lineFeed { line += 1 }
                    index += 1
                }
                appendField(bytes + runStart, count: index - runStart)
                guard index < end else { break }
                index += 1
                state = .quoteInQuoted

            case .quoteInQuoted:
                let byte = bytes[index]
                if byte == CSVParser.quote {
                    var quote = CSVParser.quote
                    appendField(&quote, count: 1)
                    state = .quoted
                    index += 1
                } else if byte == CSVParser.comma {
                    finishField()
                    state = .fieldStart
                    index += 1
                } else if byte == CSVParser.lineFeed || byte == CSVParser.carriageReturn {
                    finishField()
                    state = .fieldStart
                    endLine(with: byte)
                    index += 1
                    return true
                } else {
                    // Lenient like most readers: the rest of the field is kept as text, but the
                    // row is rejected because the file does not say what the value was meant to be.
                    setProblem(.textAfterClosingQuote(field: values.count))
                    state = .unquoted
                }
            }
        }
        return false
    }

    /// Consumes a line break before a row starts; returns `false` for any other byte.
    private func skipBlankLineByte(_ byte: UInt8) -> Bool {
        if skipLineFeed {
            skipLineFeed = false
            if byte == CSVParser.lineFeed { return true }
        }
        if byte == CSVParser.lineFeed || byte == CSVParser.carriageReturn {
            endLine(with: byte)
            return true
        }
        return false
    }

    private func endLine(with byte: UInt8) {
        line += 1
        skipLineFeed = byte == CSVParser.carriageReturn
    }

    // MARK: - Fields and rows

    private func appendField(_ start: UnsafePointer<UInt8>, count: Int) {
        guard count > 0 else { return }
        rowBytes += count
        guard rowBytes <= rowByteLimit else {
            setProblem(.tooLong(limit: rowByteLimit))
            fieldBytes.removeAll()
            return
        }
        fieldBytes.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
    }

    private func finishField() {
        fieldBytes.withUnsafeBufferPointer { emitField($0) }
        fieldBytes.removeAll(keepingCapacity: true)
        fieldQuoted = false
    }

    /// Ends a field whose last bytes are `count` bytes at `start`. When the field lies whole in
    /// the current chunk, which is nearly always, its text is made from the chunk directly
    /// rather than copied into `fieldBytes` first.
    private func finishField(_ start: UnsafePointer<UInt8>, count: Int) {
        guard fieldBytes.isEmpty else {
            appendField(start, count: count)
            finishField()
            return
        }
        rowBytes += count
        if rowBytes > rowByteLimit {
            setProblem(.tooLong(limit: rowByteLimit))
            emitField(UnsafeBufferPointer(start: start, count: 0))
        } else {
            emitField(UnsafeBufferPointer(start: start, count: count))
        }
        fieldQuoted = false
    }

    private func emitField(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.isEmpty {
            values.append(fieldQuoted ? .text("") : .null)
            return
        }
        guard let text = CSVParser.text(of: bytes) else {
            setProblem(.invalidUTF8(field: values.count))
            values.append(.null)
            return
        }
        values.append(.text(text))
    }

    /// Returns the bytes as text, or `nil` when they are not valid UTF-8.
    ///
    /// ASCII, the common case, takes a quick scan and the unchecked decoder; anything else goes
    /// through the full validation, which is several times slower per field.
    private static func text(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var combined: UInt8 = 0
        for byte in bytes {
            combined |= byte
        }
        if combined < 0x80 {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private func finishAtEndOfFile() -> CSVRow? {
        guard rowStarted else { return nil }
        if state == .quoted {
            setProblem(.unterminatedQuote)
        }
        finishField()
        state = .fieldStart
        return takeRow()
    }

    /// Keeps the first problem of a row, which is the one nearest its start.
    private func setProblem(_ newProblem: CSVRowProblem) {
        if problem == nil {
            problem = newProblem
        }
    }

    private func startRow() {
        state = .fieldStart
        rowStarted = false
        rowLine = line
        values = []
        values.reserveCapacity(16)
        rowBytes = 0
        problem = nil
    }

    private func takeRow() -> CSVRow {
        CSVRow(values: values, line: rowLine, problem: problem)
    }
}
