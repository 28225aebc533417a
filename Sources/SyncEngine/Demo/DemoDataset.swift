import Foundation
import SyncModel

/// One sync's source data in the demo workspace: where its files go, which days get a file,
/// and how the rows of a file are made.
struct DemoDataset {
    let clientID: String
    let syncID: String
    /// The source path as `workspace.json` writes it, with `{date}` for a daily sync.
    let path: String
    /// The days that get a file, or `nil` for a snapshot sync, which has one file.
    let days: DayRange?
    /// Days of `days` left without a file, so that the demo shows a failing execution.
    let missingDays: Set<Day>
    /// Returns the bytes of the file for a day, or of the snapshot for `nil`.
    let render: (Day?) -> DemoTextBuffer

    func fileURL(in folder: URL, day: Day?) -> URL {
        let relative = day.map { path.replacingOccurrences(of: "{date}", with: $0.description) } ?? path
        return folder.appendingPathComponent(relative)
    }

    /// Writes every file of the dataset, leaving out `missingDays`.
    func writeAll(into folder: URL) throws {
        guard let days else {
            try write(day: nil, into: folder)
            return
        }
        for day in days where !missingDays.contains(day) {
            try write(day: day, into: folder)
        }
    }

    /// Writes the files of the days after the newest file present, up to the dataset's last day.
    ///
    /// A demo created some days ago gets files for the days since then, so that its daily
    /// syncs still have recent data. Gaps left on purpose are kept, because only days after
    /// the newest file are written. When no day of `days` has a file, all of them get one.
    func writeNewDays(into folder: URL) throws {
        guard let days else { return }
        let fileManager = FileManager.default
        let newest = days.reversed().first { fileManager.fileExists(atPath: fileURL(in: folder, day: $0).path) }
        let firstNewDay = newest?.next ?? days.first
        guard let newDays = DayRange(firstNewDay, days.last) else {
            return
        }
        for day in newDays {
            try write(day: day, into: folder)
        }
    }

    private func write(day: Day?, into folder: URL) throws {
        let url = fileURL(in: folder, day: day)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try render(day).write(to: url)
    }
}

/// The instants of one calendar day in a time zone, in whole seconds since 1970, for timestamps.
struct DemoDayClock {
    let start: Int
    /// The length of the day in seconds: 23 or 25 hours on the days clocks change.
    let length: Int
    private let timeZone: TimeZone
    private let constantOffset: Int?

    init(day: Day, timeZone: TimeZone) {
        let startDate = day.start(in: timeZone)
        let endDate = day.next.start(in: timeZone)
        self.start = Int(startDate.timeIntervalSince1970)
        self.length = Int(endDate.timeIntervalSince(startDate))
        self.timeZone = timeZone

        let startOffset = timeZone.secondsFromGMT(for: startDate)
        let endOffset = timeZone.secondsFromGMT(for: endDate.addingTimeInterval(-1))
        self.constantOffset = startOffset == endOffset ? startOffset : nil
    }

    /// Returns the instant `second` seconds after the start of the day.
    func instant(at second: Int) -> Int {
        start + second
    }

    /// Returns the offset from UTC at `instant`, in seconds.
    func offset(at instant: Int) -> Int {
        constantOffset ?? timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }
}
