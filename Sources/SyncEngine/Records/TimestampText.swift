import SyncModel

/// ISO 8601 timestamps with a time zone, read from text and written back in UTC.
///
/// Accepted: `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or an offset as `+HH:MM`,
/// `+HHMM` or `+HH`; a space may stand for the `T`. Normalised: `YYYY-MM-DDTHH:MM:SS[.fraction]Z`
/// in UTC, keeping the fraction's digits, so that stored timestamps sort as text.
enum TimestampText {
    /// Returns `text` as a UTC timestamp, or `nil` when it is not a valid timestamp with a time zone.
    static func normalized(_ text: String) -> String? {
        var scanner = ByteScanner(Array(text.utf8))

        guard let dateText = scanner.take(10), let day = Day(String(decoding: dateText, as: UTF8.self)),
              let separator = scanner.next(), separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
                || separator == UInt8(ascii: " "),
              let hour = scanner.number(digits: 2), hour < 24,
              scanner.skip(UInt8(ascii: ":")),
              let minute = scanner.number(digits: 2), minute < 60 else {
            return nil
        }

        var second = 0
        var fraction: [UInt8] = []
        if scanner.skip(UInt8(ascii: ":")) {
            guard let value = scanner.number(digits: 2), value < 60 else { return nil }
            second = value
            if scanner.skip(UInt8(ascii: ".")) || scanner.skip(UInt8(ascii: ",")) {
                fraction = scanner.digits()
                guard (1...9).contains(fraction.count) else { return nil }
            }
        }

        guard let offsetSeconds = parseOffset(&scanner), scanner.isAtEnd else {
            return nil
        }

        let localSeconds = day.ordinal * 86_400 + hour * 3_600 + minute * 60 + second
        return format(utcSeconds: localSeconds - offsetSeconds, fraction: fraction)
    }

    /// Reads `Z` or a `+HH:MM`, `+HHMM` or `+HH` offset; returns its seconds east of UTC.
    private static func parseOffset(_ scanner: inout ByteScanner) -> Int? {
        guard let sign = scanner.next() else { return nil }
        if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
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

    private static func format(utcSeconds: Int, fraction: [UInt8]) -> String {
        let dayOrdinal = utcSeconds >= 0 ? utcSeconds / 86_400 : (utcSeconds - 86_399) / 86_400
        let secondOfDay = utcSeconds - dayOrdinal * 86_400
        let time = twoDigits(secondOfDay / 3_600) + ":" + twoDigits(secondOfDay / 60 % 60) + ":" + twoDigits(secondOfDay % 60)
        let fractionText = fraction.isEmpty ? "" : "." + String(decoding: fraction, as: UTF8.self)
        return "\(Day(ordinal: dayOrdinal))T\(time)\(fractionText)Z"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

/// A cursor over the bytes of a short text.
private struct ByteScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func next() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard index + count <= bytes.count else { return nil }
        defer { index += count }
        return bytes[index..<(index + count)]
    }

    /// Consumes `byte` when it is next; returns whether it was.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Reads exactly `digits` decimal digits as a number.
    mutating func number(digits: Int) -> Int? {
        guard let slice = take(digits) else { return nil }
        var value = 0
        for byte in slice {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Reads the decimal digits that follow, possibly none.
    mutating func digits() -> [UInt8] {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            index += 1
        }
        return Array(bytes[start..<index])
    }
}
