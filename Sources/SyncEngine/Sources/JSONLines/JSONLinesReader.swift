import Foundation
import SyncModel

/// Reads the records of a JSON Lines file: one JSON object per line, blank lines skipped.
///
/// A line that is not a JSON object, or whose strings are not valid UTF-8, is returned as a
/// malformed item quoting the start of the line.
public final class JSONLinesReader: RecordReader {
    /// The number of characters of a bad line quoted in its issue.
    static let excerptLength = 80

    public let location: String

    private let day: Day?
    private let input: ChunkedFileReader
    private let lines: LineSplitter

    /// Opens `url` for reading.
    ///
    /// - Parameters:
    ///   - location: the path shown in messages, relative to the workspace.
    ///   - day: the day being imported, recorded in issues and failures.
    /// - Throws: `ExecutionFailure` when the file cannot be opened.
    public convenience init(url: URL, location: String, day: Day?) throws {
        try self.init(url: url, location: location, day: day,
                      chunkSize: ChunkedFileReader.defaultChunkSize, lineByteLimit: LineSplitter.defaultLineByteLimit)
    }

    /// Opens `url` with a chosen chunk size and line limit; tests use small ones to reach the
    /// chunk boundaries and the limit with small files.
    init(url: URL, location: String, day: Day?, chunkSize: Int, lineByteLimit: Int) throws {
        let input = try ChunkedFileReader(url: url, location: location, day: day, chunkSize: chunkSize)
        try input.skipByteOrderMark()

        self.location = location
        self.day = day
        self.input = input
        self.lines = LineSplitter(input: input, lineByteLimit: lineByteLimit)
    }

    public func next() throws -> SourceItem? {
        while let line = try lines.nextLine() {
            if isBlank(line.bytes) {
                continue
            }
            return item(for: line)
        }
        return nil
    }

    public func close() {
        input.close()
    }

    // MARK: - Lines

    private func item(for line: TextLine) -> SourceItem {
        if line.isTruncated {
            return .malformed(issue("the line is longer than \(line.bytes.count) bytes", line: line))
        }
        do {
            let fields = try JSONObjectParser.parseObject(line.bytes)
            return .record(SourceRecord(fields: fields, line: line.number))
        } catch let error as JSONSyntaxError {
            let message = "invalid JSON object at column \(error.offset + 1), \(error.reason)"
            return .malformed(issue(message, line: line))
        } catch {
            return .malformed(issue("invalid JSON object: \(error)", line: line))
        }
    }

    private func issue(_ reason: String, line: TextLine) -> RecordIssue {
        let text = String(decoding: line.bytes.prefix(JSONLinesReader.excerptLength * 4), as: UTF8.self)
        let excerpt = ValueExcerpt.escaped(text, limit: JSONLinesReader.excerptLength)
        return RecordIssue(kind: .inconsistentRow, day: day, location: location, line: line.number,
                           field: nil, message: "\(reason): \(excerpt)")
    }

    private func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
