import SyncModel

/// Turns the lines a program writes on its standard output into records, in JSON Lines or
/// as Singer messages.
///
/// In Singer output, RECORD messages carry the records; SCHEMA messages are logged, and the
/// last STATE message is logged when the output ends, since it is what a later run would
/// resume from.
struct CommandOutputDecoder {
    /// The number of characters of a bad line quoted in its issue.
    static let excerptLength = 80

    let format: CommandOutputFormat
    /// For Singer output: the only stream imported, or `nil` for all.
    let stream: String?
    let location: String
    let day: Day?
    let log: (LogLine.Level, String) -> Void

    private var stateCount = 0
    private var lastState: String?
    private var skippedStreams: [String: Int] = [:]
    private var skippedTypes: Set<String> = []

    init(format: CommandOutputFormat, stream: String?, location: String, day: Day?, log: @escaping (LogLine.Level, String) -> Void) {
        self.format = format
        self.stream = stream
        self.location = location
        self.day = day
        self.log = log
    }

    /// Returns the item of `line`, or `nil` for a line that carries no record.
    mutating func item(for line: TextLine) -> SourceItem? {
        if isBlank(line.bytes) {
            return nil
        }
        if line.isTruncated {
            return .malformed(issue("the line is longer than \(line.bytes.count) bytes", line: line))
        }
        let fields: [(name: String, value: SourceValue)]
        do {
            fields = try JSONObjectParser.parseObject(line.bytes)
        } catch let error as JSONSyntaxError {
            return .malformed(issue("invalid JSON object at column \(error.offset + 1), \(error.reason)", line: line))
        } catch {
            return .malformed(issue("invalid JSON object: \(error)", line: line))
        }

        switch format {
        case .jsonl:
            return .record(SourceRecord(fields: fields, line: line.number))
        case .singer:
            return singerItem(fields, line: line)
        }
    }

    /// Logs the skipped streams and the last STATE of Singer output. Call it once the output has ended.
    func logSummary(unit: String) {
        for (name, count) in skippedStreams.sorted(by: { $0.key < $1.key }) {
            log(.info, "\(unit): skipped \(count) Singer records of stream \(ValueExcerpt.quoted(name)), which is not the sync's stream")
        }
        if let lastState {
            log(.info, "\(unit): last Singer STATE of \(stateCount): \(lastState)")
        }
    }

    // MARK: - Singer

    private mutating func singerItem(_ fields: [(name: String, value: SourceValue)], line: TextLine) -> SourceItem? {
        guard case .text(let type)? = value("type", in: fields) else {
            return .malformed(issue("a Singer message needs a \"type\" string", line: line))
        }
        let streamName: String?
        if case .text(let name)? = value("stream", in: fields) {
            streamName = name
        } else {
            streamName = nil
        }

        switch type {
        case "RECORD":
            return singerRecord(fields, stream: streamName, line: line)
        case "SCHEMA":
            let name = streamName.map { ValueExcerpt.quoted($0) } ?? "(no stream)"
            log(.info, "\(unitName): Singer SCHEMA of stream \(name) on line \(line.number)")
            return nil
        case "STATE":
            stateCount += 1
            let state = value("value", in: fields).map(describe) ?? "(no value)"
            lastState = ValueExcerpt.escaped(state, limit: 200)
            return nil
        default:
            if skippedTypes.insert(type).inserted {
                log(.info, "\(unitName): Singer messages of type \(ValueExcerpt.quoted(type)) are skipped (first on line \(line.number))")
            }
            return nil
        }
    }

    private mutating func singerRecord(_ fields: [(name: String, value: SourceValue)], stream streamName: String?,
                                       line: TextLine) -> SourceItem? {
        if let stream, streamName != stream {
            skippedStreams[streamName ?? "", default: 0] += 1
            return nil
        }
        guard case .json(let text)? = value("record", in: fields), text.hasPrefix("{") else {
            return .malformed(issue("a Singer RECORD message needs a \"record\" object", line: line))
        }
        do {
            return .record(SourceRecord(fields: try JSONObjectParser.parseObject(Array(text.utf8)), line: line.number))
        } catch {
            return .malformed(issue("the \"record\" of a Singer RECORD message cannot be read", line: line))
        }
    }

    // MARK: - Helpers

    private func value(_ name: String, in fields: [(name: String, value: SourceValue)]) -> SourceValue? {
        fields.first { $0.name == name }?.value
    }

    private func describe(_ value: SourceValue) -> String {
        switch value {
        case .null: return "null"
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .decimal(let number): return String(number)
        case .boolean(let flag): return flag ? "true" : "false"
        case .json(let text): return text
        }
    }

    private var unitName: String {
        day.map(\.description) ?? "snapshot"
    }

    private func issue(_ reason: String, line: TextLine) -> RecordIssue {
        let text = String(decoding: line.bytes.prefix(CommandOutputDecoder.excerptLength * 4), as: UTF8.self)
        let excerpt = ValueExcerpt.escaped(text, limit: CommandOutputDecoder.excerptLength)
        return RecordIssue(kind: .inconsistentRow, day: day, location: location, line: line.number,
                           field: nil, message: "\(reason): \(excerpt)")
    }

    private func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
