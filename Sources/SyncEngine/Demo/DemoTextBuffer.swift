import Foundation
import SyncModel

/// The bytes of one demo data file, built in memory and written in one call.
///
/// Numbers, days and timestamps are written digit by digit instead of through `String`
/// interpolation, because the largest demo file has tens of thousands of rows and must be
/// created in well under a second in debug builds.
struct DemoTextBuffer {
    private(set) var bytes: [UInt8] = []
    // The last day written and its text. Two plain properties rather than an optional tuple,
    // whose generic metadata lookups dominated the time of debug builds.
    private var cachedDayOrdinal = Int.min
    private var cachedDayText: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(bytes more: [UInt8]) {
        bytes.append(contentsOf: more)
    }

    mutating func appendNewline() {
        bytes.append(UInt8(ascii: "\n"))
    }

    mutating func appendComma() {
        bytes.append(UInt8(ascii: ","))
    }

    /// Appends an integer in decimal.
    mutating func append(_ value: Int) {
        append(value, width: 1)
    }

    /// Appends `value` in decimal with at least `width` digits, padded with zeros.
    mutating func append(_ value: Int, width: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
        }
        let magnitude = value.magnitude
        var divisor: UInt = 1
        var digitCount = 1
        while magnitude / divisor >= 10 {
            divisor *= 10
            digitCount += 1
        }

        var padding = width - digitCount
        while padding > 0 {
            bytes.append(UInt8(ascii: "0"))
            padding -= 1
        }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends an amount given in cents as a decimal with two digits after the point.
    mutating func appendAmount(cents: Int) {
        append(cents / 100)
        bytes.append(UInt8(ascii: "."))
        append(cents % 100, width: 2)
    }

    /// Appends the day as `YYYY-MM-DD`.
    mutating func append(_ day: Day) {
        if cachedDayOrdinal != day.ordinal {
            cachedDayOrdinal = day.ordinal
            cachedDayText = Array(day.description.utf8)
        }
        bytes.append(contentsOf: cachedDayText)
    }

    /// Appends an ISO 8601 timestamp with the local time and offset of `instant`, such as
    /// `2026-03-29T03:15:00+02:00`.
    mutating func appendTimestamp(_ instant: Int, offset: Int) {
        let local = instant + offset
        let ordinal = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - ordinal * 86_400

        append(Day(ordinal: ordinal))
        bytes.append(UInt8(ascii: "T"))
        append(secondOfDay / 3600, width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(secondOfDay / 60 % 60, width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(secondOfDay % 60, width: 2)

        bytes.append(UInt8(ascii: offset < 0 ? "-" : "+"))
        append(abs(offset) / 3600, width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(abs(offset) / 60 % 60, width: 2)
    }

    /// Appends `text` as a JSON string with its quotes.
    mutating func appendJSONString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": append("\\\"")
            case "\\": append("\\\\")
            case "\n": append("\\n")
            case _ where scalar.value < 0x20: append(String(format: "\\u%04x", scalar.value))
            default: bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    func write(to url: URL) throws {
        try Data(bytes).write(to: url)
    }
}
