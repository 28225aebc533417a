import Foundation
import Testing
import SyncModel
@testable import SyncEngine

@Suite struct CSVReaderTests {
    let folder: TemporaryFolder
    let day = Day(year: 2026, month: 1, day: 5)

    init() throws {
        folder = try TemporaryFolder()
    }

    private func read(_ text: String, chunkSize: Int = 64 * 1024, rowByteLimit: Int = 1 << 20) throws -> [SourceItem] {
        try read(Array(text.utf8), chunkSize: chunkSize, rowByteLimit: rowByteLimit)
    }

    private func read(_ bytes: [UInt8], chunkSize: Int = 64 * 1024, rowByteLimit: Int = 1 << 20) throws -> [SourceItem] {
        let url = try folder.write(bytes, to: "data/orders.csv")
        let reader = try CSVReader(url: url, location: "data/orders.csv", day: day,
                                   chunkSize: chunkSize, rowByteLimit: rowByteLimit)
        return try readAll(reader)
    }

    // MARK: - Records

    @Test func plainRows() throws {
        let items = try read("id,amount\n1,12.50\n2,7\n")
        #expect(items.count == 2)
        #expect(items[0].record?.names == ["id", "amount"])
        #expect(items[0].record?.values == [.text("1"), .text("12.50")])
        #expect(items[1].record?.values == [.text("2"), .text("7")])
    }

    @Test func quotedFields() throws {
        let items = try read("id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n")
        #expect(items.map(\.record?.values) == [
            [.text("1"), .text("a, b")],
            [.text("2"), .text("say \"hi\"")],
            [.text("3"), .text("two\nlines")],
        ])
    }

    @Test func lineNumbers() throws {
        let items = try read("id,note\n1,\"two\nlines\"\n\n2,x\n")
        #expect(items.map(\.record?.line) == [2, 5])
    }

    @Test func crlfLineEnds() throws {
        let items = try read("id,note\r\n1,\"a\r\nb\"\r\n2,c\r\n")
        #expect(items.map(\.record?.values) == [[.text("1"), .text("a\r\nb")], [.text("2"), .text("c")]])
        #expect(items.map(\.record?.line) == [2, 4])
    }

    @Test func byteOrderMark() throws {
        let items = try read([0xEF, 0xBB, 0xBF] + Array("id,name\n1,Zoë\n".utf8))
        #expect(items.first?.record?.names == ["id", "name"])
        #expect(items.first?.record?.values == [.text("1"), .text("Zoë")])
    }

    @Test func emptyFields() throws {
        let items = try read("a,b,c\n,\"\",x\n")
        #expect(items.first?.record?.values == [.null, .text(""), .text("x")])
    }

    @Test func trailingEmptyField() throws {
        let items = try read("a,b\n1,\n")
        #expect(items.first?.record?.values == [.text("1"), .null])
    }

    @Test func noFinalLineBreak() throws {
        let items = try read("a,b\n1,2")
        #expect(items.first?.record?.values == [.text("1"), .text("2")])
    }

    @Test func emptyFile() throws {
        let items = try read("")
        #expect(items.count == 1)
        #expect(items.first?.issue?.message.hasPrefix("the file is empty") == true)
    }

    @Test func headerMissingRequiredColumn() throws {
        let url = try folder.write(Array("id,amout\n1,2\n".utf8), to: "data/orders.csv")
        #expect(throws: ExecutionFailure.self) {
            try CSVReader(url: url, location: "data/orders.csv", day: day, requiredColumns: ["id", "amount"])
        }
    }

    @Test func headerOnly() throws {
        #expect(try read("id,amount\n").isEmpty)
    }

    @Test func tinyChunks() throws {
        let text = "id,note\r\n1,\"a \"\"q\"\", b\"\r\n2,Zoë\r\n"
        let items = try read(text, chunkSize: 1)
        #expect(items.map(\.record?.values) == [[.text("1"), .text("a \"q\", b")], [.text("2"), .text("Zoë")]])
    }

    // MARK: - Issues

    @Test func raggedRows() throws {
        let items = try read("id,amount,note\n1,2,3\n4,5\n6,7,8,9\n")
        #expect(items[0].record != nil)
        #expect(items[1].issue?.line == 3)
        #expect(items[1].issue?.message == "expected 3 fields as in the header, found 2")
        #expect(items[2].issue?.line == 4)
        #expect(items[2].issue?.message == "expected 3 fields as in the header, found 4")
        #expect(items[1].issue?.kind == .inconsistentRow)
        #expect(items[1].issue?.location == "data/orders.csv")
        #expect(items[1].issue?.day == day)
    }

    @Test func unterminatedQuote() throws {
        let items = try read("id,note\n1,ok\n2,\"never closed\n3,x\n")
        #expect(items.count == 2)
        #expect(items[1].issue?.line == 3)
        #expect(items[1].issue?.message.contains("not closed") == true)
    }

    @Test func invalidUTF8() throws {
        let bytes = Array("id,name\n1,".utf8) + [0xC3, 0x28] + Array("\n2,ok\n".utf8)
        let items = try read(bytes)
        #expect(items[0].issue?.line == 2)
        #expect(items[0].issue?.field == "name")
        #expect(items[0].issue?.message == "field \"name\" is not valid UTF-8 text")
        #expect(items[1].record?.values == [.text("2"), .text("ok")])
    }

    @Test func textAfterClosingQuote() throws {
        let items = try read("id,note\n1,\"a\"b\n2,c\n")
        #expect(items[0].issue?.field == "note")
        #expect(items[1].record?.line == 3)
    }

    @Test func rowLongerThanLimit() throws {
        let long = String(repeating: "x", count: 100)
        let items = try read("id,note\n1,\"\(long)\"\n2,ok\n", chunkSize: 16, rowByteLimit: 50)
        #expect(items[0].issue?.message.contains("longer than 50 bytes") == true)
        #expect(items[1].record?.values == [.text("2"), .text("ok")])
    }

    @Test func unreadableHeader() throws {
        let url = try folder.write([0xFF, 0xFE] + Array(",b\n1,2\n".utf8), to: "bad.csv")
        #expect(throws: ExecutionFailure.self) {
            try CSVReader(url: url, location: "bad.csv", day: day)
        }
    }

    // MARK: - Speed

    @Test func manyRows() throws {
        var text = "id,amount,placed_at,note\n"
        text.reserveCapacity(10_000_000)
        for index in 0..<200_000 {
            text += "\(index),\(index % 1000).25,2026-01-05T10:00:00Z,\"note, \(index)\"\n"
        }
        let url = try folder.write(text, to: "big.csv")

        let start = Date()
        let reader = try CSVReader(url: url, location: "big.csv", day: day)
        var count = 0
        while let item = try reader.next() {
            if item.record != nil { count += 1 }
        }
        reader.close()
        let seconds = Date().timeIntervalSince(start)

        #expect(count == 200_000)
        print("CSVReader read 200,000 rows in \(String(format: "%.2f", seconds)) s")
    }
}
