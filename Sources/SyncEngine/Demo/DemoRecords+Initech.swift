import Foundation
import SyncModel

extension DemoRecords {
    /// Event kinds as bytes, weighted by repetition, so that the hot loop appends no `String`.
    static let eventKinds: [[UInt8]] = ["view", "view", "view", "click", "click", "search", "cart", "buy"].map { Array($0.utf8) }

    /// Returns a large day of events, sized so that an execution runs long enough to cancel.
    ///
    /// Event ids are unique across days, so that upserting a day again replaces only that day's rows.
    static func events(day: Day, count: Int) -> DemoTextBuffer {
        var random = SplitMix64(name: "initech/events", day: day)
        // Tokyo has kept UTC+09:00 all year since 1952, so one offset serves every event.
        let offset = 9 * 3600
        let start = day.ordinal * 86_400 - offset
        var text = DemoTextBuffer(capacity: count * 50 + 48)
        let idBase = (day.ordinal % 10_000) * 100_000

        text.append("event_id,user_id,kind,occurred_at\n")
        for index in 0..<count {
            text.append(idBase + index)
            text.appendComma()
            text.append(random.int(in: 10_000...99_999))
            text.appendComma()
            text.append(bytes: random.pick(eventKinds))
            text.appendComma()
            text.appendTimestamp(start + spread(index, of: count, over: 86_400, random: &random), offset: offset)
            text.appendNewline()
        }
        return text
    }

    /// Returns a day of sessions of the ended contract, as JSON lines.
    static func sessions(day: Day) -> DemoTextBuffer {
        var random = SplitMix64(name: "initech/sessions", day: day)
        let offset = 9 * 3600
        let start = day.ordinal * 86_400 - offset
        let count = random.int(in: 10...30)
        var text = DemoTextBuffer(capacity: count * 100)

        for index in 0..<count {
            text.append("{\"session_id\": ")
            text.append(day.ordinal * 100 + index)
            text.append(", \"user_id\": ")
            text.append(random.int(in: 10_000...99_999))
            text.append(", \"started_at\": \"")
            text.appendTimestamp(start + spread(index, of: count, over: 86_400, random: &random), offset: offset)
            text.append("\", \"seconds\": ")
            text.append(random.int(in: 5...3_600))
            text.append("}\n")
        }
        return text
    }
}
