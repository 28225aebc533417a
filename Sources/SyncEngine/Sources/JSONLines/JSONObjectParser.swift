import SyncModel

/// The reason a line is not a JSON object, with the byte offset where parsing stopped.
struct JSONSyntaxError: Error, Equatable {
    var reason: String
    /// The offset in the line, counting from 0.
    var offset: Int
}

/// Parses one line of JSON Lines into the fields of a record, keeping the order of the line.
///
/// Members of the top-level object become fields: strings are text, numbers are integers when
/// written without a fraction or an exponent and within `Int64`, decimals otherwise, and nested
/// arrays and objects keep their JSON text as written. An integer too large for `Int64` stays
/// text, so that no digit is lost. A key that appears twice keeps its first position and its
/// last value, as most JSON readers do.
struct JSONObjectParser {
    static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses `line`, which must hold exactly one JSON object.
    static func parseObject(_ line: [UInt8]) throws -> [(name: String, value: SourceValue)] {
        try line.withUnsafeBufferPointer { buffer in
            var parser = JSONObjectParser(bytes: buffer)
            return try parser.parseLine()
        }
    }

    // MARK: - Object and values

    /// Parses the bytes as exactly one JSON object.
    mutating func parseLine() throws -> [(name: String, value: SourceValue)] {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else {
            throw JSONSyntaxError(reason: "the line is not a JSON object", offset: index)
        }
        index += 1

        var fields: [(name: String, value: SourceValue)] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            try parseMembers(into: &fields)
        }

        skipWhitespace()
        guard index == bytes.count else {
            throw JSONSyntaxError(reason: "unexpected text after the object", offset: index)
        }
        return fields
    }

    private mutating func parseMembers(into fields: inout [(name: String, value: SourceValue)]) throws {
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw JSONSyntaxError(reason: "expected a member name in double quotes", offset: index)
            }
            let name = try parseString()
            try expect(UInt8(ascii: ":"), "expected ':' after the member name")
            skipWhitespace()
            let value = try parseFieldValue()

            if let existing = fields.firstIndex(where: { $0.name == name }) {
                fields[existing].value = value
            } else {
                fields.append((name, value))
            }

            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default:
                throw JSONSyntaxError(reason: "expected ',' or '}' after a member", offset: index)
            }
        }
    }

    private mutating func parseFieldValue() throws -> SourceValue {
        switch peek() {
        case UInt8(ascii: "\""):
            return .text(try parseString())
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let start = index
            try skipValue(depth: 1)
            return .json(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .boolean(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .boolean(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        default:
            return try parseNumber()
        }
    }

    /// Checks the syntax of a value without building it, for nested arrays and objects.
    mutating func skipValue(depth: Int) throws {
        guard depth <= JSONObjectParser.maximumDepth else {
            throw JSONSyntaxError(reason: "values are nested more than \(JSONObjectParser.maximumDepth) levels deep", offset: index)
        }
        switch peek() {
        case UInt8(ascii: "{"):
            try skipContainer(close: UInt8(ascii: "}"), depth: depth, isObject: true)
        case UInt8(ascii: "["):
            try skipContainer(close: UInt8(ascii: "]"), depth: depth, isObject: false)
        default:
            _ = try parseFieldValue()
        }
    }

    private mutating func skipContainer(close: UInt8, depth: Int, isObject: Bool) throws {
        index += 1
        skipWhitespace()
        if peek() == close {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            if isObject {
                guard peek() == UInt8(ascii: "\"") else {
                    throw JSONSyntaxError(reason: "expected a member name in double quotes", offset: index)
                }
                _ = try parseString()
                try expect(UInt8(ascii: ":"), "expected ':' after the member name")
                skipWhitespace()
            }
            try skipValue(depth: depth + 1)
            skipWhitespace()
            if peek() == UInt8(ascii: ",") {
                index += 1
            } else if peek() == close {
                index += 1
                return
            } else {
                throw JSONSyntaxError(reason: "expected ',' or '\(Character(Unicode.Scalar(close)))'", offset: index)
            }
        }
    }

    // MARK: - Scalars

    private mutating func parseNumber() throws -> SourceValue {
        let start = index
        var isIntegral = true
        if peek() == UInt8(ascii: "-") { index += 1 }

        guard let first = peek(), isDigit(first) else {
            throw JSONSyntaxError(reason: "expected a value", offset: start)
        }
        if first == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        if peek() == UInt8(ascii: ".") {
            isIntegral = false
            index += 1
            guard skipRequiredDigits() else {
                throw JSONSyntaxError(reason: "expected digits after the decimal point", offset: index)
            }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isIntegral = false
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard skipRequiredDigits() else {
                throw JSONSyntaxError(reason: "expected digits in the exponent", offset: index)
            }
        }

        let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isIntegral {
            return Int64(literal).map(SourceValue.integer) ?? .text(literal)
        }
        guard let number = Double(literal), number.isFinite else {
            throw JSONSyntaxError(reason: "the number \(literal) is out of range", offset: start)
        }
        return .decimal(number)
    }

    mutating func parseString() throws -> String {
        let start = index
        index += 1
        var unescaped: [UInt8]?
        var runStart = index

        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                index += 1
                if var collected = unescaped {
                    collected.append(contentsOf: run)
                    return try decodeUTF8(collected, start: start)
                }
                return try decodeUTF8(run, start: start)
            }
            if byte == UInt8(ascii: "\\") {
                var collected = unescaped ?? []
                collected.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                try appendEscape(to: &collected)
                unescaped = collected
                runStart = index
                continue
            }
            guard byte >= 0x20 else {
                throw JSONSyntaxError(reason: "a control character must be escaped inside a string", offset: index)
            }
            index += 1
        }
        throw JSONSyntaxError(reason: "a string is not closed", offset: start)
    }

    /// Decodes the escape at `index` (a backslash) into `output` as UTF-8.
    private mutating func appendEscape(to output: inout [UInt8]) throws {
        let escapeStart = index
        index += 1
        guard let letter = peek() else {
            throw JSONSyntaxError(reason: "a string is not closed", offset: escapeStart)
        }
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(letter)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            let scalar = try parseUnicodeEscape(escapeStart: escapeStart)
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw JSONSyntaxError(reason: "invalid escape sequence in a string", offset: escapeStart)
        }
    }

    /// Parses the hex digits of `\uXXXX`, joining a surrogate pair written as two escapes.
    private mutating func parseUnicodeEscape(escapeStart: Int) throws -> Unicode.Scalar {
        let high = try parseHexQuad(escapeStart: escapeStart)
        if (0xD800...0xDBFF).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw JSONSyntaxError(reason: "a \\u escape is an unpaired surrogate", offset: escapeStart)
            }
            index += 2
            let low = try parseHexQuad(escapeStart: escapeStart)
            guard (0xDC00...0xDFFF).contains(low),
                  let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                throw JSONSyntaxError(reason: "a \\u escape is an unpaired surrogate", offset: escapeStart)
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else {
            throw JSONSyntaxError(reason: "a \\u escape is an unpaired surrogate", offset: escapeStart)
        }
        return scalar
    }

    private mutating func parseHexQuad(escapeStart: Int) throws -> UInt32 {
        guard index + 4 <= bytes.count else {
            throw JSONSyntaxError(reason: "a \\u escape needs four hex digits", offset: escapeStart)
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = hexValue(bytes[index]) else {
                throw JSONSyntaxError(reason: "a \\u escape needs four hex digits", offset: escapeStart)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    // MARK: - Bytes

    private func decodeUTF8<Bytes: Collection>(_ bytes: Bytes, start: Int) throws -> String where Bytes.Element == UInt8 {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw JSONSyntaxError(reason: "a string is not valid UTF-8 text", offset: start)
        }
        return text
    }

    func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    mutating func expect(_ byte: UInt8, _ reason: String) throws {
        skipWhitespace()
        guard peek() == byte else {
            throw JSONSyntaxError(reason: reason, offset: index)
        }
        index += 1
    }

    private mutating func expectLiteral(_ literal: StaticString) throws {
        let start = index
        let length = literal.utf8CodeUnitCount
        guard index + length <= bytes.count else {
            throw JSONSyntaxError(reason: "expected a value", offset: start)
        }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: length)
        for offset in 0..<length where bytes[index + offset] != expected[offset] {
            throw JSONSyntaxError(reason: "expected a value", offset: start)
        }
        index += length
    }

    mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
        }
    }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) {
            index += 1
        }
    }

    /// Skips one or more digits; returns `false` when there is none.
    private mutating func skipRequiredDigits() -> Bool {
        let start = index
        skipDigits()
        return index > start
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
