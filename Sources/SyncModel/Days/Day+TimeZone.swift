import Foundation

extension Day {
    /// Returns the calendar day that `instant` falls on in `timeZone`.
    public static func containing(_ instant: Date, in timeZone: TimeZone) -> Day {
        let parts = calendar(in: timeZone).dateComponents([.year, .month, .day], from: instant)
        // Every instant has a year, month and day in the Gregorian calendar.
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }

    /// Returns the last complete day in `timeZone` at `now`: yesterday there.
    public static func lastComplete(in timeZone: TimeZone, now: Date = Date()) -> Day {
        containing(now, in: timeZone).previous
    }

    /// Returns the first instant of this day in `timeZone`.
    public func start(in timeZone: TimeZone) -> Date {
        // Noon exists on every day, while midnight is skipped in zones that change clocks at 00:00.
        let calendar = Day.calendar(in: timeZone)
        let noon = DateComponents(year: year, month: month, day: day, hour: 12)
        guard let instant = calendar.date(from: noon) else {
            return Date(timeIntervalSince1970: TimeInterval(ordinal) * 86_400)
        }
        return calendar.startOfDay(for: instant)
    }

    /// Returns the length of this day in `timeZone` in whole hours: 23 or 25 on the days a
    /// daylight-saving change happens, 24 otherwise.
    public func hours(in timeZone: TimeZone) -> Int {
        let seconds = next.start(in: timeZone).timeIntervalSince(start(in: timeZone))
        return Int((seconds / 3600).rounded())
    }

    private static func calendar(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
