import Foundation
import SyncModel

/// ISO 8601 timestamps, read from text and written back in UTC.
///
/// Accepted: `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or an offset as `+HH:MM`,
/// `+HHMM` or `+HH`; a space may stand for the `T`. Normalised: `YYYY-MM-DDTHH:MM:SS[.fraction]Z`
/// in UTC, keeping the fraction's digits, so that stored timestamps read the same everywhere.
enum TimestampText {
    /// Returns `text` as a UTC timestamp, or `nil` when it is not a valid timestamp.
    ///
    /// Text already in the normalised form is returned as it is, without a copy: exports
    /// usually write UTC, and this runs for every timestamp of every record.
    ///
    /// - Parameter localZone: the zone of a timestamp written without an offset, such as
    ///   `2026-01-05 10:00:00` in a client's export. Without it such a timestamp is invalid.
    ///   NOTE: in the hour that a daylight-saving change repeats, one of the two instants is
    ///   taken, the first in zones west of UTC and the second east of it; the text cannot tell.
    static func normalized(_ text: String, localZone: TimeZone? = nil) -> String? {
        guard let instant = parse(text, localZone: localZone) else { return nil }
        return instant.isCanonical ? text : instant.text
    }

    /// Returns the instant `text` stands for, or `nil` when it is not a valid timestamp.
    static func instant(_ text: String) -> TimestampInstant? {
        parse(text)?.instant
    }

    // MARK: - Reading

    private struct Parsed {
        var instant: TimestampInstant
        /// The fraction's digits as written, kept in the normalised text; empty when the text
        /// is canonical, since it is then returned as it is.
        var fraction: String
        /// Whether the text is already `YYYY-MM-DDTHH:MM:SS[.fraction]Z`.
        var isCanonical: Bool

        var text: String {
            let utc = instant.seconds
            let dayOrdinal = utc >= 0 ? utc / 86_400 : (utc - 86_399) / 86_400
            let secondOfDay = utc - dayOrdinal * 86_400
            let time = twoDigits(secondOfDay / 3_600) + ":" + twoDigits(secondOfDay / 60 % 60) + ":" + twoDigits(secondOfDay % 60)
            let fractionText = fraction.isEmpty ? "" : "." + fraction
            return "\(Day(ordinal: dayOrdinal))T\(time)\(fractionText)Z"
        }
    }

    private static func parse(_ text: String, localZone: TimeZone? = nil) -> Parsed? {
        if let parsed = text.utf8.withContiguousStorageIfAvailable({ parse(text, bytes: $0, localZone: localZone) }) {
            return parsed
        }
        return Array(text.utf8).withUnsafeBufferPointer { parse(text, bytes: $0, localZone: localZone) }
    }

    private static func parse(_ text: String, bytes: UnsafeBufferPointer<UInt8>, localZone: TimeZone?) -> Parsed? {
        var scanner = TimestampScanner(bytes)
        var isCanonical = true

        guard let year = scanner.number(digits: 4), scanner.skip(UInt8(ascii: "-")),
              let month = scanner.number(digits: 2), scanner.skip(UInt8(ascii: "-")),
              let dayNumber = scanner.number(digits: 2),
              let day = Day(year: year, month: month, day: dayNumber),
              let separator = scanner.next() else {
            return nil
        }
        switch separator {
        case UInt8(ascii: "T"): break
        case UInt8(ascii: "t"), UInt8(ascii: " "): isCanonical = false
        default: return nil
        }
        guard let hour = scanner.number(digits: 2), hour < 24, scanner.skip(UInt8(ascii: ":")),
              let minute = scanner.number(digits: 2), minute < 60 else {
            return nil
        }

        var second = 0
        var fraction = 0..<0
        if scanner.skip(UInt8(ascii: ":")) {
            guard let value = scanner.number(digits: 2), value < 60 else { return nil }
            second = value
            let comma = scanner.peek() == UInt8(ascii: ",")
            if scanner.skip(UInt8(ascii: ".")) || scanner.skip(UInt8(ascii: ",")) {
                fraction = scanner.digits()
                guard (1...9).contains(fraction.count) else { return nil }
                isCanonical = isCanonical && !comma
            }
        } else {
            isCanonical = false
        }

        let local = day.ordinal * 86_400 + hour * 3_600 + minute * 60 + second
        let offset: Int
        if scanner.isAtEnd, let localZone {
            offset = offsetFromUTC(of: local, in: localZone)
            isCanonical = false
        } else {
            guard let written = parseOffset(&scanner, isUTC: &isCanonical), scanner.isAtEnd else {
                return nil
            }
            offset = written
        }
        let digits = UnsafeBufferPointer(rebasing: bytes[fraction])
        let instant = TimestampInstant(seconds: local - offset, nanoseconds: nanoseconds(digits))
        let fractionText = isCanonical || digits.isEmpty ? "" : String(decoding: digits, as: UTF8.self)
        return Parsed(instant: instant, fraction: fractionText, isCanonical: isCanonical)
    }

    /// Returns the offset from UTC of `zone` at the wall-clock time `local` (seconds since
    /// 1970-01-01T00:00 of that clock), asking the zone at a first guess and correcting once.
    private static func offsetFromUTC(of local: Int, in zone: TimeZone) -> Int {
        let guess = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - guess)))
    }

    /// Reads `Z` or a `+HH:MM`, `+HHMM` or `+HH` offset; returns its seconds east of UTC and
    /// clears `isUTC` for anything but `Z`.
    private static func parseOffset(_ scanner: inout TimestampScanner, isUTC: inout Bool) -> Int? {
        guard let sign = scanner.next() else { return nil }
        if sign == UInt8(ascii: "Z") {
            return 0
        }
        isUTC = false
        if sign == UInt8(ascii: "z") {
            return 0
        }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
              let hours = scanner.number(digits: 2), hours < 24 else {
            return nil
        }
        var minutes = 0
        if !scanner.isAtEnd {
            _ = scanner.skip(UInt8(ascii: ":"))
            guard let value = scanner.number(digits: 2), value < 60 else { return nil }
            minutes = value
        }
        let seconds = hours * 3_600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }

    private static func nanoseconds(_ fraction: UnsafeBufferPointer<UInt8>) -> Int {
        var value = 0
        var digits = 0
        for byte in fraction {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        while digits < 9 {
            value *= 10
            digits += 1
        }
        return value
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

/// A moment in UTC, to compare timestamps with the bounds of a schema field.
struct TimestampInstant: Comparable, Hashable, Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    var seconds: Int
    var nanoseconds: Int

    static func < (lhs: TimestampInstant, rhs: TimestampInstant) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}

/// A cursor over the UTF-8 bytes of a short text.
private struct TimestampScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index >= bytes.count }

    func peek() -> UInt8? {
        isAtEnd ? nil : bytes[index]
    }

    mutating func next() -> UInt8? {
        guard index < bytes.count else { return nil }
        index += 1
        return bytes[index - 1]
    }

    /// Consumes `byte` when it is next; returns whether it was.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Reads exactly `digits` decimal digits as a number.
    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for offset in index..<(index + digits) {
            let byte = bytes[offset]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += digits
        return value
    }

    /// Reads the decimal digits that follow, possibly none, and returns their positions.
    mutating func digits() -> Range<Int> {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            index += 1
        }
        return start..<index
    }
}
