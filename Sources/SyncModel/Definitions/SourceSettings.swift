/// The settings of an HTTP source: a JSON API read page by page.
///
/// `url` and the header values may contain `{date}`, replaced by the day as `YYYY-MM-DD`, and
/// `${NAME}`, replaced by the environment variable `NAME` when a request is made. The settings
/// keep the text as written, so showing them never shows a secret taken from the environment.
public struct HTTPSourceSettings: Hashable, Sendable {
    /// The address of the first page.
    public var url: String
    /// Request headers in the order written, such as `Authorization: Bearer ${ACME_TOKEN}`.
    public var headers: [HTTPHeader]
    /// The member names leading to the array of records, such as `["data", "items"]`; empty
    /// when the whole body is the array.
    public var recordsPath: [String]
    /// The member names leading to the address of the next page; `nil` when the API has one page.
    public var nextPagePath: [String]?
    /// The longest a request may take, from sending it to the end of its body.
    public var timeoutSeconds: Double

    public static let defaultTimeoutSeconds: Double = 30

    public init(url: String, headers: [HTTPHeader] = [], recordsPath: [String] = [], nextPagePath: [String]? = nil,
                timeoutSeconds: Double = HTTPSourceSettings.defaultTimeoutSeconds) {
        self.url = url
        self.headers = headers
        self.recordsPath = recordsPath
        self.nextPagePath = nextPagePath
        self.timeoutSeconds = timeoutSeconds
    }
}

/// One request header of an HTTP source, with its value as written in the workspace file.
public struct HTTPHeader: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The settings of a command source: a program started without a shell.
public struct CommandSourceSettings: Hashable, Sendable {
    /// The program and its arguments; `{date}` in an argument is replaced by the day.
    public var command: [String]
    public var format: CommandOutputFormat
    /// The longest the program may run for one day or snapshot before it is stopped.
    public var timeoutSeconds: Double
    /// For Singer output: the stream whose records are imported; `nil` imports every stream.
    public var stream: String?

    public static let defaultTimeoutSeconds: Double = 3600

    public init(command: [String], format: CommandOutputFormat = .jsonl,
                timeoutSeconds: Double = CommandSourceSettings.defaultTimeoutSeconds, stream: String? = nil) {
        self.command = command
        self.format = format
        self.timeoutSeconds = timeoutSeconds
        self.stream = stream
    }
}

/// What a command source's program writes on its standard output.
public enum CommandOutputFormat: String, Hashable, Sendable, CaseIterable {
    /// One JSON object per line, each a record.
    case jsonl
    /// Singer messages, one per line: RECORD messages carry the records; SCHEMA and STATE are logged.
    case singer
}
