import Foundation
import SyncModel

/// One page of an API's response: its body, where its records are, and the next page's address.
///
/// The body is kept as bytes and each record is parsed when it is taken, so a page costs its
/// size once, and only one page is held at a time.
struct HTTPPage {
    /// Why a body is not the page the source expects.
    struct Problem: Error {
        let reason: String
    }

    private let bytes: [UInt8]
    private let elements: [Range<Int>]
    private var position = 0
    /// The address of the next page as the body gives it, or `nil` on the last page.
    let nextAddress: String?

    var recordCount: Int { elements.count }

    /// Reads `body`, finding the array at `recordsPath` and the address at `nextPagePath`.
    ///
    /// - Throws: `Problem` when the body is not JSON, or has no array at `recordsPath`, or a
    ///   next-page value that is neither a string nor null.
    init(body: Data, recordsPath: [String], nextPagePath: [String]?) throws {
        let bytes = [UInt8](body)
        let found = try bytes.withUnsafeBufferPointer { buffer in
            try HTTPPage.locate(in: buffer, recordsPath: recordsPath, nextPagePath: nextPagePath)
        }
        self.bytes = bytes
        self.elements = found.elements
        self.nextAddress = found.next
    }

    /// Returns the next record of the page, or `nil` after the last one.
    ///
    /// - Parameters:
    ///   - number: the record's position among all the records read, for the warning of an
    ///     element that is not an object.
    mutating func nextItem(number: Int, location: String, day: Day?) -> SourceItem? {
        guard position < elements.count else { return nil }
        let range = elements[position]
        position += 1
        return bytes.withUnsafeBufferPointer { buffer in
            do {
                let fields = try JSONObjectParser.parseObject(at: range, in: buffer)
                return .record(SourceRecord(fields: fields, line: number))
            } catch {
                let reason = (error as? JSONSyntaxError)?.reason ?? "\(error)"
                let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[range].prefix(320)), as: UTF8.self)
                let excerpt = ValueExcerpt.escaped(text, limit: 80)
                return .malformed(RecordIssue(kind: .inconsistentRow, day: day, location: location, line: number,
                                              field: nil, message: "record \(number) is not a JSON object (\(reason)): \(excerpt)"))
            }
        }
    }

    private static func locate(in buffer: UnsafeBufferPointer<UInt8>, recordsPath: [String],
                               nextPagePath: [String]?) throws -> (elements: [Range<Int>], next: String?) {
        let document: Range<Int>
        do {
            document = try JSONObjectParser.documentRange(in: buffer)
        } catch let error as JSONSyntaxError {
            throw Problem(reason: "\(error.reason) at byte \(error.offset + 1)")
        }

        let recordsName = recordsPath.isEmpty ? "the body" : "\"\(recordsPath.joined(separator: "."))\""
        guard let records = try JSONObjectParser.range(of: recordsPath, from: document, in: buffer) else {
            throw Problem(reason: "it has no \(recordsName)")
        }
        let elements: [Range<Int>]
        if JSONObjectParser.isNull(at: records, in: buffer) {
            elements = []
        } else if let found = try JSONObjectParser.elementRanges(of: records, in: buffer) {
            elements = found
        } else {
            throw Problem(reason: "\(recordsName) is not an array of records")
        }

        guard let nextPagePath,
              let next = try JSONObjectParser.range(of: nextPagePath, from: document, in: buffer),
              !JSONObjectParser.isNull(at: next, in: buffer) else {
            return (elements, nil)
        }
        guard let address = try JSONObjectParser.string(at: next, in: buffer) else {
            throw Problem(reason: "\"\(nextPagePath.joined(separator: "."))\" is neither an address in a string nor null")
        }
        return (elements, address.isEmpty ? nil : address)
    }
}
