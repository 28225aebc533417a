import Foundation

/// One line of an execution's log.
public struct LogLine: Hashable, Sendable, Codable {
    public enum Level: String, Hashable, Sendable, Codable {
        case info, warning, error
    }

    public var executionID: ExecutionID
    /// Position of the line within its execution's log, counting from 1.
    public var sequence: Int
    public var time: Date
    public var level: Level
    public var message: String

    public init(executionID: ExecutionID, sequence: Int, time: Date = Date(), level: Level, message: String) {
        self.executionID = executionID
        self.sequence = sequence
        self.time = time
        self.level = level
        self.message = message
    }
}
