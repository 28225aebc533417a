import Foundation
import Testing
import SyncModel
@testable import SyncEngine

@Suite struct JSONLinesReaderTests {
    let folder: TemporaryFolder
    let day = Day(year: 2026, month: 1, day: 5)

    init() throws {
        folder = try TemporaryFolder()
    }

    private func read(_ text: String, chunkSize: Int = 64 * 1024, lineByteLimit: Int = 1 << 20) throws -> [SourceItem] {
        try read(Array(text.utf8), chunkSize: chunkSize, lineByteLimit: lineByteLimit)
    }

    private func read(_ bytes: [UInt8], chunkSize: Int = 64 * 1024, lineByteLimit: Int = 1 << 20) throws -> [SourceItem] {
        let url = try folder.write(bytes, to: "data/customers.jsonl")
        let reader = try JSONLinesReader(url: url, location: "data/customers.jsonl", day: day,
                                         chunkSize: chunkSize, lineByteLimit: lineByteLimit)
        return try readAll(reader)
    }

    // MARK: - Records

    @Test func objectsKeepFieldOrder() throws {
        let items = try read(#"{"z": 1, "a": "x", "m": true}"# + "\n")
        #expect(items.first?.record?.names == ["z", "a", "m"])
    }

    @Test func scalarValues() throws {
        let items = try read(#"{"i": -42, "d": 12.5, "e": 1e3, "f": 4.0, "t": true, "n": null, "s": "hé"}"# + "\n")
        #expect(items.first?.record?.values == [
            .integer(-42), .decimal(12.5), .decimal(1000), .decimal(4), .boolean(true), .null, .text("hé"),
        ])
    }

    @Test func hugeIntegerStaysText() throws {
        let items = try read(#"{"id": 123456789012345678901234}"# + "\n")
        #expect(items.first?.record?.values == [.text("123456789012345678901234")])
    }

    @Test func nestedValuesAsJSON() throws {
        let items = try read(#"{"tags": ["a", {"b": 2}], "address": {"city": "Paris"}}"# + "\n")
        #expect(items.first?.record?.values == [.json(#"["a", {"b": 2}]"#), .json(#"{"city": "Paris"}"#)])
    }

    @Test func stringEscapes() throws {
        let items = try read(#"{"s": "a\"b\\c\nd\u00e9\ud83d\ude00"}"# + "\n")
        #expect(items.first?.record?.values == [.text("a\"b\\c\ndé😀")])
    }

    @Test func blankLinesSkipped() throws {
        let items = try read("{\"a\": 1}\n\n   \n{\"a\": 2}\r\n")
        #expect(items.map(\.record?.line) == [1, 4])
        #expect(items.map(\.record?.values) == [[.integer(1)], [.integer(2)]])
    }

    @Test func emptyObject() throws {
        let items = try read("{}\n")
        #expect(items.first?.record?.fields.isEmpty == true)
    }

    @Test func emptyFile() throws {
        #expect(try read("").isEmpty)
    }

    @Test func byteOrderMark() throws {
        let items = try read([0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
        #expect(items.first?.record?.names == ["a"])
    }

    @Test func tinyChunks() throws {
        let items = try read("{\"a\": \"xyz\"}\n{\"a\": \"é\"}\n", chunkSize: 1)
        #expect(items.map(\.record?.values) == [[.text("xyz")], [.text("é")]])
    }

    // MARK: - Issues

    @Test func invalidLine() throws {
        let items = try read("{\"a\": 1}\n{\"a\" 2}\n{\"a\": 3}\n")
        #expect(items[1].issue?.line == 2)
        #expect(items[1].issue?.kind == .inconsistentRow)
        #expect(items[1].issue?.message == "invalid JSON object at column 6, expected ':' after the member name: {\"a\" 2}")
        #expect(items[2].record?.values == [.integer(3)])
    }

    @Test func arrayLine() throws {
        let items = try read("[1, 2]\n")
        #expect(items.first?.issue?.message.hasPrefix("invalid JSON object at column 1, the line is not a JSON object") == true)
    }

    @Test func longLineQuotedShort() throws {
        let line = "{\"a\": " + String(repeating: "x", count: 200) + "}\n"
        let message = try #require(try read(line).first?.issue?.message)
        #expect(message.hasSuffix(String(repeating: "x", count: 74) + "…"))
    }

    @Test func textAfterObject() throws {
        let items = try read("{\"a\": 1} x\n")
        #expect(items.first?.issue?.message.contains("unexpected text after the object") == true)
    }

    @Test func invalidUTF8() throws {
        let items = try read(Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}\n".utf8))
        #expect(items.first?.issue?.message.contains("not valid UTF-8") == true)
    }

    @Test func lineLongerThanLimit() throws {
        let long = "{\"a\": \"" + String(repeating: "x", count: 100) + "\"}\n{\"a\": 1}\n"
        let items = try read(long, chunkSize: 16, lineByteLimit: 40)
        #expect(items[0].issue?.message.hasPrefix("the line is longer than 40 bytes") == true)
        #expect(items[1].record?.values == [.integer(1)])
    }
}
