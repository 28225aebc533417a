import Foundation

/// The storage form of a point in time: whole milliseconds since 1970-01-01 UTC.
///
/// Integers keep times exact, sortable and readable by any SQL client. A `Date` finer than a
/// millisecond comes back rounded, so the store rounds the dates it hands out the same way and
/// what a caller gets back always equals what a later read returns.
enum StoredTime {
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func value(_ date: Date?) -> SQLiteValue {
        date.map { .integer(milliseconds($0)) } ?? .null
    }
}

extension Date {
    /// This date rounded to the millisecond, the precision at which the state store keeps times.
    ///
    /// Compare a date with one read back from the store only after rounding it this way.
    public var roundedToStoredPrecision: Date {
        StoredTime.date(milliseconds: StoredTime.milliseconds(self))
    }
}
