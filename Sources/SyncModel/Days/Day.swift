import Foundation

/// A calendar day, with no time zone of its own.
///
/// A sync's data is organised by the calendar days of its client's time zone; `Day` is such a
/// day, stored as the number of days since 1970-01-01 so that arithmetic and ordering are exact.
/// Its text form is `YYYY-MM-DD`.
public struct Day: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 in the proleptic Gregorian calendar.
    public let ordinal: Int

    public init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// Creates the day, or returns `nil` when the date does not exist (2023-02-29, 2026-04-31).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= Day.numberOfDays(inMonth: month, year: year) else {
            return nil
        }
        self.ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// The ISO weekday: 1 for Monday through 7 for Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday.
        let offset = ((ordinal % 7) + 7 + 3) % 7
        return offset + 1
    }

    public func adding(days count: Int) -> Day {
        Day(ordinal: ordinal + count)
    }

    public var next: Day { adding(days: 1) }
    public var previous: Day { adding(days: -1) }

    /// The first day of this day's month.
    public var firstOfMonth: Day {
        Day(ordinal: ordinal - (day - 1))
    }

    /// The same day number `count` months later, clamped to the end of a shorter month.
    public func adding(months count: Int) -> Day {
        let parts = components
        let monthIndex = parts.year * 12 + (parts.month - 1) + count
        let year = monthIndex / 12
        let month = monthIndex % 12 + 1
        let day = min(parts.day, Day.numberOfDays(inMonth: month, year: year))
        return Day(ordinal: Day.ordinal(year: year, month: month, day: day))
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: - Civil calendar conversion (Howard Hinnant's days_from_civil and civil_from_days)

    private static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private var components: (year: Int, month: Int, day: Int) {
        let shifted = ordinal + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

// MARK: - Text form

extension Day: CustomStringConvertible, LosslessStringConvertible {
    /// Parses `YYYY-MM-DD`; returns `nil` for any other form or a date that does not exist.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        let parts = components
        guard (0...9999).contains(parts.year) else {
            return String(format: "%04d-%02d-%02d", parts.year, parts.month, parts.day)
        }
        // Written byte by byte because `String(format:)` costs microseconds, and the engine
        // writes a day's text with every record it imports.
        return String(unsafeUninitializedCapacity: 10) { buffer in
            Day.writeDigits(parts.year, count: 4, into: buffer, at: 0)
            buffer[4] = UInt8(ascii: "-")
            Day.writeDigits(parts.month, count: 2, into: buffer, at: 5)
            buffer[7] = UInt8(ascii: "-")
            Day.writeDigits(parts.day, count: 2, into: buffer, at: 8)
            return 10
        }
    }

    private static func writeDigits(_ value: Int, count: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var remaining = value
        for offset in stride(from: count - 1, through: 0, by: -1) {
            buffer[start + offset] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
    }
}

extension Day: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "invalid day \"\(text)\": expected an existing date as YYYY-MM-DD")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
