import Foundation

/// Writes an instant as ISO 8601 text in UTC, such as `2026-12-04T19:46:50.123Z`.
///
/// Foundation's `ISO8601DateFormatter` makes an ICU date format with its locale data, which
/// adds resident memory to the engine's process. An instant in UTC needs only the civil day,
/// which `Day` computes, and the time of day.
public enum UTCTimestamp {
    /// Returns the text of `date` in UTC, with milliseconds when `milliseconds` is set.
    public static func text(_ date: Date, milliseconds: Bool = false) -> String {
        let totalMilliseconds = Int((date.timeIntervalSince1970 * 1000).rounded())
        let millisecondsPerDay = 86_400_000
        let dayOrdinal = totalMilliseconds >= 0
            ? totalMilliseconds / millisecondsPerDay
            : -((-totalMilliseconds + millisecondsPerDay - 1) / millisecondsPerDay)
        let ofDay = totalMilliseconds - dayOrdinal * millisecondsPerDay
        let seconds = ofDay / 1000
        var text = Day(ordinal: dayOrdinal).description
        text += "T" + twoDigits(seconds / 3600) + ":" + twoDigits(seconds / 60 % 60) + ":" + twoDigits(seconds % 60)
        if milliseconds {
            // 1000 + the fraction has four digits; dropping the first pads it to three.
            text += "." + String(1000 + ofDay % 1000).dropFirst()
        }
        return text + "Z"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
