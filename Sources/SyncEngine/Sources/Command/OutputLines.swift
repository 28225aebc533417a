/// Splits bytes that arrive in chunks from a program into lines ending in LF or CRLF.
///
/// A line keeps at most `lineByteLimit` bytes and the rest of a longer line is dropped, so a
/// program that writes without line breaks cannot pull all of its output into memory.
struct OutputLines {
    private let lineByteLimit: Int
    private var current: [UInt8] = []
    private var currentIsTruncated = false
    private var complete: [TextLine] = []
    private var taken = 0
    private var nextLineNumber = 1

    init(lineByteLimit: Int) {
        self.lineByteLimit = lineByteLimit
    }

    /// Adds the bytes of one read.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while start < bytes.count {
            // Slices of a buffer keep the buffer's indices, so `newline` counts from its start.
            if let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                keep(UnsafeBufferPointer(rebasing: bytes[start..<newline]))
                endLine()
                start = newline + 1
            } else {
                keep(UnsafeBufferPointer(rebasing: bytes[start...]))
                start = bytes.count
            }
        }
    }

    /// Ends the last line when the output ends without a line break.
    mutating func finish() {
        if !current.isEmpty || currentIsTruncated {
            endLine()
        }
    }

    /// Returns the next complete line, or `nil` until more bytes arrive.
    mutating func next() -> TextLine? {
        guard taken < complete.count else {
            complete.removeAll(keepingCapacity: true)
            taken = 0
            return nil
        }
        defer { taken += 1 }
        return complete[taken]
    }

    private mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>) {
        let room = max(lineByteLimit - current.count, 0)
        if bytes.count > room {
            currentIsTruncated = true
        }
        current.append(contentsOf: bytes.prefix(room))
    }

    private mutating func endLine() {
        if !currentIsTruncated, current.last == UInt8(ascii: "\r") {
            current.removeLast()
        }
        complete.append(TextLine(bytes: current, number: nextLineNumber, isTruncated: currentIsTruncated))
        nextLineNumber += 1
        current.removeAll(keepingCapacity: true)
        currentIsTruncated = false
    }
}
