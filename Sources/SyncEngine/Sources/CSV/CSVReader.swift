import Foundation
import SyncModel

/// Reads the records of a CSV file whose first row names the fields.
///
/// Every value is text, except an empty unquoted field, which is `.null`; an empty quoted field
/// (`""`) is empty text. A row whose field count differs from the header's, that cannot be
/// decoded as UTF-8 or whose quotes do not close is returned as a malformed item. A file with
/// no bytes at all gives one malformed item saying so, because an export that wrote nothing
/// usually failed; a header without rows is a day with no records.
public final class CSVReader: RecordReader {
    public let location: String
    /// The names of the header row, in file order.
    public let header: [String]

    private let day: Day?
    private let input: ChunkedFileReader
    private let parser: CSVParser
    /// Set for an empty file until its one issue has been returned.
    private var reportEmptyFile: Bool

    /// Opens `url` and reads its header row.
    ///
    /// - Parameters:
    ///   - location: the path shown in messages, relative to the workspace.
    ///   - day: the day being imported, recorded in issues and failures.
    ///   - requiredColumns: the fields the header row must name, usually the sync's schema.
    /// - Throws: `ExecutionFailure` when the file cannot be opened, its header row is unreadable,
    ///   or the header lacks a required column.
    public convenience init(url: URL, location: String, day: Day?, requiredColumns: [String] = []) throws {
        try self.init(url: url, location: location, day: day, requiredColumns: requiredColumns,
                      chunkSize: ChunkedFileReader.defaultChunkSize, rowByteLimit: CSVParser.defaultRowByteLimit)
    }

    /// Opens `url` with a chosen chunk size and row limit; tests use small ones to reach the
    /// chunk boundaries and the limit with small files.
    init(url: URL, location: String, day: Day?, requiredColumns: [String] = [], chunkSize: Int, rowByteLimit: Int) throws {
        let input = try ChunkedFileReader(url: url, location: location, day: day, chunkSize: chunkSize)
        try input.skipByteOrderMark()
        let parser = CSVParser(input: input, rowByteLimit: rowByteLimit)

        self.location = location
        self.day = day
        self.input = input
        self.parser = parser
        let header = try CSVReader.readHeader(parser: parser, location: location, day: day)
        self.header = header
        self.reportEmptyFile = header.isEmpty

        let missing = header.isEmpty ? [] : requiredColumns.filter { !header.contains($0) }
        if !missing.isEmpty {
            input.close()
            throw FileFailure.missingColumns(missing, header: header, location: location, day: day)
        }
    }

    public func next() throws -> SourceItem? {
        if reportEmptyFile {
            reportEmptyFile = false
            let message = "the file is empty: it has no header row and no records; check that the export ran"
            return .malformed(issue(message, line: 1, field: nil))
        }
        guard !header.isEmpty, let row = try parser.nextRow() else {
            return nil
        }
        if let problem = row.problem {
            return .malformed(issue(for: problem, line: row.line))
        }
        guard row.values.count == header.count else {
            let message = "expected \(header.count) fields as in the header, found \(row.values.count)"
            return .malformed(issue(message, line: row.line, field: nil))
        }

        var fields: [(name: String, value: SourceValue)] = []
        fields.reserveCapacity(header.count)
        for index in header.indices {
            fields.append((header[index], row.values[index]))
        }
        return .record(SourceRecord(fields: fields, line: row.line))
    }

    public func close() {
        input.close()
    }

    // MARK: - Header and issues

    private static func readHeader(parser: CSVParser, location: String, day: Day?) throws -> [String] {
        guard let row = try parser.nextRow() else {
            return []
        }
        if let problem = row.problem {
            throw FileFailure.headerUnreadable(location: location, day: day, reason: describe(problem, fieldName: nil))
        }
        return row.values.map { value in
            guard case .text(let name) = value else { return "" }
            return name.trimmingCharacters(in: .whitespaces)
        }
    }

    private func issue(for problem: CSVRowProblem, line: Int) -> RecordIssue {
        issue(CSVReader.describe(problem, fieldName: fieldName(of: problem)), line: line, field: fieldName(of: problem))
    }

    private func issue(_ message: String, line: Int, field: String?) -> RecordIssue {
        RecordIssue(kind: .inconsistentRow, day: day, location: location, line: line, field: field, message: message)
    }

    private func fieldName(of problem: CSVRowProblem) -> String? {
        switch problem {
        case .invalidUTF8(let index), .textAfterClosingQuote(let index):
            return header.indices.contains(index) ? header[index] : nil
        case .unterminatedQuote, .tooLong:
            return nil
        }
    }

    private static func describe(_ problem: CSVRowProblem, fieldName: String?) -> String {
        switch problem {
        case .unterminatedQuote:
            return "a quoted field is not closed before the end of the file"
        case .textAfterClosingQuote(let index):
            return "\(describeField(index, fieldName)) has text after its closing quote; double a quote inside a quoted field"
        case .invalidUTF8(let index):
            return "\(describeField(index, fieldName)) is not valid UTF-8 text"
        case .tooLong(let limit):
            return "the row is longer than \(describeSize(limit)), which usually means a quote is never closed"
        }
    }

    private static func describeSize(_ bytes: Int) -> String {
        let mebibyte = 1024 * 1024
        if bytes >= mebibyte, bytes % mebibyte == 0 {
            return "\(bytes / mebibyte) MiB"
        }
        return "\(bytes) bytes"
    }

    private static func describeField(_ index: Int, _ name: String?) -> String {
        if let name {
            return "field \"\(name)\""
        }
        return "field \(index + 1)"
    }
}
