import Foundation
import SyncModel
@testable import SyncEngine

/// A folder under the system's temporary folder, removed when the test releases it.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("syncdeck-engine-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `bytes` to `path` inside the folder, creating its folders, and returns its URL.
    @discardableResult
    func write(_ bytes: [UInt8], to path: String) throws -> URL {
        let fileURL = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: fileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: fileURL)
        return fileURL
    }

    @discardableResult
    func write(_ text: String, to path: String) throws -> URL {
        try write(Array(text.utf8), to: path)
    }
}

/// Reads every item of `reader`, then closes it.
func readAll(_ reader: any RecordReader) throws -> [SourceItem] {
    defer { reader.close() }
    var items: [SourceItem] = []
    while let item = try reader.next() {
        items.append(item)
    }
    return items
}

extension SourceItem {
    var record: SourceRecord? {
        if case .record(let record) = self { return record }
        return nil
    }

    var issue: RecordIssue? {
        if case .malformed(let issue) = self { return issue }
        return nil
    }
}

extension SourceRecord {
    var names: [String] { fields.map(\.name) }
    var values: [SourceValue] { fields.map(\.value) }
}
