/// A theme that could not be loaded, with the file, the line and what is valid there.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of failure, for callers and tests that branch on them.
    public enum Kind: Hashable, Sendable {
        case missingFile, unreadableFile, malformedLine, unknownRole, duplicateRole, unknownColor, unknownAttribute
    }

    public let kind: Kind
    /// The theme file, or the theme name when no file was found.
    public let file: String
    /// The 1-based line of the file, when the failure is on one line.
    public let line: Int?
    private let message: String

    init(_ kind: Kind, file: String, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        guard let line else { return "\(file): \(message)" }
        return "\(file):\(line): \(message)"
    }
}
