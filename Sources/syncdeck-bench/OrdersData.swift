import SyncModel
import Foundation

/// The benchmark's data set: orders spread over the days of one year, one CSV file per day,
/// the same bytes on every run and every machine.
struct OrdersData {
    static let header = "id,placed_at,customer,country,status,quantity,amount"
    static let firstDay = "2025-01-01"
    static let dayCount = 365

    /// The folder that contains `data/{date}.csv` and `workspace.json`.
    let folder: URL
    let rows: Int

    var dataFolder: URL { folder.appendingPathComponent("data") }

    /// The CSV file of day `index` (from 0).
    func file(day index: Int) -> URL {
        dataFolder.appendingPathComponent("\(OrdersData.dayText(index)).csv")
    }

    /// How many rows day `index` holds: the rows are shared out evenly, the first days taking
    /// one more when the count does not divide.
    func rows(day index: Int) -> Int {
        rows / OrdersData.dayCount + (index < rows % OrdersData.dayCount ? 1 : 0)
    }

    /// Writes every day's file, streaming each through a small buffer so that generating a
    /// million rows does not raise the memory the benchmark measures.
    func generate() throws {
        try FileManager.default.createDirectory(at: dataFolder, withIntermediateDirectories: true)
        var random = SplitMix64(seed: 0x5359_4E43_4445_434B)
        var nextID = 1
        for index in 0..<OrdersData.dayCount {
            let writer = try BufferedFileWriter(url: file(day: index))
            writer.write(OrdersData.header + "\n")
            let date = OrdersData.dayText(index)
            for _ in 0..<rows(day: index) {
                writer.write(OrdersData.row(id: nextID, date: date, random: &random))
                nextID += 1
            }
            try writer.close()
        }
    }

    /// Returns the size of all the day files, in bytes.
    func totalBytes() -> Int {
        (0..<OrdersData.dayCount).reduce(0) { sum, index in
            let size = (try? FileManager.default.attributesOfItem(atPath: file(day: index).path)[.size] as? Int) ?? 0
            return sum + size
        }
    }

    // MARK: - Rows

    private static let countries = ["FR", "DE", "US", "GB", "ES", "IT"]
    private static let statuses = ["paid", "paid", "paid", "refunded", "pending"]

    private static func row(id: Int, date: String, random: inout SplitMix64) -> String {
        let second = random.int(below: 86_400)
        let time = twoDigits(second / 3_600) + ":" + twoDigits(second / 60 % 60) + ":" + twoDigits(second % 60)
        let customer = "C" + String(100_000 + random.int(below: 900_000))
        let country = countries[random.int(below: countries.count)]
        let status = statuses[random.int(below: statuses.count)]
        let quantity = 1 + random.int(below: 20)
        let cents = 100 + random.int(below: 99_900)
        let amount = "\(cents / 100)." + twoDigits(cents % 100)
        return "\(id),\(date)T\(time)Z,\(customer),\(country),\(status),\(quantity),\(amount)\n"
    }

    static func dayText(_ index: Int) -> String {
        // 2025 is not a leap year, so the month lengths are fixed.
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var remaining = index
        var month = 0
        while remaining >= lengths[month] {
            remaining -= lengths[month]
            month += 1
        }
        return "2025-" + twoDigits(month + 1) + "-" + twoDigits(remaining + 1)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

/// The benchmark's draws from the seeded generator.
extension SplitMix64 {
    /// Returns a number from 0 to `bound - 1`, with a bias too small to matter here.
    mutating func int(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}

/// Appends text to a new file through a fixed buffer.
final class BufferedFileWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let flushSize = 64 * 1024

    init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw BenchFailure("cannot create \(url.path)")
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(BufferedFileWriter.flushSize * 2)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= BufferedFileWriter.flushSize {
            handle.write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
    }

    func close() throws {
        handle.write(Data(buffer))
        buffer.removeAll()
        try handle.close()
    }
}

/// A benchmark step that could not run, with what went wrong.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
