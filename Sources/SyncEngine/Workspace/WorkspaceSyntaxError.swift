import Foundation

/// A JSON syntax error explained with its line and column, from what `JSONSerialization` reports.
struct WorkspaceSyntaxError {
    let issue: String
    let fix: String

    init(error: Error, data: Data) {
        let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        let reason = WorkspaceSyntaxError.reason(from: detail)

        if detail.localizedCaseInsensitiveContains("end of file") {
            issue = "not valid JSON: the file ends before every object, array or string is closed"
            fix = "close each { with }, each [ with ] and each \" with \""
            return
        }

        let fix = "look for a missing comma, quote or bracket, or an extra comma, at that point or just before it"
        if let line = WorkspaceSyntaxError.number(after: "line ", in: detail),
           let column = WorkspaceSyntaxError.number(after: "column ", in: detail) {
            issue = "not valid JSON at line \(line), column \(column): \(reason)"
            self.fix = fix
            return
        }
        guard let offset = WorkspaceSyntaxError.number(after: "character ", in: detail) else {
            issue = "not valid JSON: \(reason)"
            self.fix = fix
            return
        }
        let position = TextPosition(byteOffset: offset, in: data)
        issue = "not valid JSON at line \(position.line), column \(position.column): \(reason), near \(JSONText.quoted(position.lineText, limit: 50))"
        self.fix = fix
    }

    /// Returns the message without its position, which is given as line and column instead.
    private static func reason(from detail: String) -> String {
        var text = detail
        if let range = text.range(of: " around ") {
            text = String(text[..<range.lowerBound])
        }
        while text.hasSuffix(".") {
            text.removeLast()
        }
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// Reads the number after `label`: Foundation on Linux (Swift 6.3) writes "around
    /// character 15", a byte offset, while other versions write "around line 3, column 5".
    private static func number(after label: String, in detail: String) -> Int? {
        guard let range = detail.range(of: label, options: .backwards) else { return nil }
        let digits = detail[range.upperBound...].prefix { $0.isNumber }
        return Int(digits)
    }
}

/// A position in a text file, counted from 1 as editors show it.
struct TextPosition {
    let line: Int
    /// The column in characters, so that a line with "é" before the error counts it once.
    let column: Int
    /// The line's text without its line break and leading spaces.
    let lineText: String

    init(byteOffset: Int, in data: Data) {
        let bytes = [UInt8](data)
        let offset = min(max(byteOffset, 0), bytes.count)

        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count

        self.line = line
        self.column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        self.lineText = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
