import Foundation

/// One line of a text file, without its line break.
struct TextLine {
    var bytes: [UInt8]
    /// The line number, counting from 1.
    var number: Int
    /// Whether the line was cut at the byte limit, in which case `bytes` holds only its start.
    var isTruncated: Bool
}

/// Splits the bytes of a `ChunkedFileReader` into lines ending in LF or CRLF.
///
/// A line keeps at most `lineByteLimit` bytes, so a file without line breaks cannot pull all
/// of itself into memory: the rest of a longer line is skipped and the line is marked truncated.
final class LineSplitter {
    static let defaultLineByteLimit = 16 * 1024 * 1024

    private let input: ChunkedFileReader
    private let lineByteLimit: Int
    private var nextLineNumber = 1
    private var buffer: [UInt8] = []

    init(input: ChunkedFileReader, lineByteLimit: Int = LineSplitter.defaultLineByteLimit) {
        self.input = input
        self.lineByteLimit = lineByteLimit
    }

    /// Returns the next line, or `nil` at the end of the file.
    ///
    /// - Throws: `ExecutionFailure` when reading the file fails.
    func nextLine() throws -> TextLine? {
        buffer.removeAll(keepingCapacity: true)
        var isTruncated = false
        var sawBytes = false

        while true {
            if input.position >= input.count, try !input.refill() {
                guard sawBytes else { return nil }
                return takeLine(isTruncated: isTruncated)
            }
            sawBytes = true

            let start = input.bytes + input.position
            let available = input.count - input.position
            let lineFeed = memchr(start, Int32(UInt8(ascii: "\n")), available)
            let length = lineFeed.map { UnsafeRawPointer($0) - UnsafeRawPointer(start) } ?? available
            isTruncated = append(start, count: length) || isTruncated

            if lineFeed != nil {
                input.position += length + 1
                return takeLine(isTruncated: isTruncated)
            }
            input.position = input.count
        }
    }

    /// Appends what fits under the limit; returns whether anything was left out.
    private func append(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        let room = max(lineByteLimit - buffer.count, 0)
        let kept = min(count, room)
        buffer.append(contentsOf: UnsafeBufferPointer(start: start, count: kept))
        return kept < count
    }

    private func takeLine(isTruncated: Bool) -> TextLine {
        if !isTruncated, buffer.last == UInt8(ascii: "\r") {
            buffer.removeLast()
        }
        let line = TextLine(bytes: buffer, number: nextLineNumber, isTruncated: isTruncated)
        nextLineNumber += 1
        return line
    }
}
