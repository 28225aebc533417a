/// A failed SQLite call: the result code, SQLite's message, and the statement or file involved.
public struct SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The extended result code, such as `SQLITE_BUSY` (5) or `SQLITE_FULL` (13).
    public let code: Int32
    public let message: String
    /// The SQL text or the database path the call worked on.
    public let context: String

    public init(code: Int32, message: String, context: String) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// The primary result code, without the extended bits.
    public var primaryCode: Int32 { code & 0xff }

    public var isBusy: Bool { primaryCode == 5 || primaryCode == 6 }
    public var isDiskFull: Bool { primaryCode == 13 }
    public var isReadOnly: Bool { primaryCode == 8 }
    public var isCannotOpen: Bool { primaryCode == 14 }
    public var isPermissionDenied: Bool { primaryCode == 3 }

    public var description: String {
        "SQLite error \(code): \(message) (\(context))"
    }
}
