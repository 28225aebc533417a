import SyncModel

/// Navigation in a whole JSON document, for sources whose records sit deeper than the top
/// level, such as the pages of an API.
///
/// Values are found as byte ranges of the document and parsed only when needed, so a page
/// of records is held once, as its bytes.
extension JSONObjectParser {
    /// Checks that `document` holds exactly one JSON value, and returns its range.
    ///
    /// - Throws: `JSONSyntaxError` at the first byte that breaks the syntax.
    static func documentRange(in document: UnsafeBufferPointer<UInt8>) throws -> Range<Int> {
        var parser = JSONObjectParser(bytes: document)
        parser.skipWhitespace()
        guard parser.peek() != nil else {
            throw JSONSyntaxError(reason: "the document is empty", offset: 0)
        }
        let start = parser.index
        try parser.skipValue(depth: 1)
        let end = parser.index
        parser.skipWhitespace()
        guard parser.index == document.count else {
            throw JSONSyntaxError(reason: "unexpected text after the document", offset: parser.index)
        }
        return start..<end
    }

    /// Returns the range of the value reached by following the member names of `path` from
    /// the value at `range`, or `nil` when a member is missing or a step is not an object.
    ///
    /// When a name appears twice in an object, the last value counts, as for records.
    static func range(of path: [String], from range: Range<Int>, in document: UnsafeBufferPointer<UInt8>) throws -> Range<Int>? {
        var current = range
        for name in path {
            var parser = JSONObjectParser(bytes: document)
            parser.index = current.lowerBound
            guard parser.peek() == UInt8(ascii: "{"), let member = try parser.lastMember(named: name) else {
                return nil
            }
            current = member
        }
        return current
    }

    /// Returns the ranges of the elements of the array at `range`, or `nil` when the value
    /// there is not an array.
    static func elementRanges(of range: Range<Int>, in document: UnsafeBufferPointer<UInt8>) throws -> [Range<Int>]? {
        var parser = JSONObjectParser(bytes: document)
        parser.index = range.lowerBound
        guard parser.peek() == UInt8(ascii: "[") else { return nil }
        parser.index += 1

        var elements: [Range<Int>] = []
        parser.skipWhitespace()
        if parser.peek() == UInt8(ascii: "]") {
            return elements
        }
        while true {
            parser.skipWhitespace()
            let start = parser.index
            try parser.skipValue(depth: 2)
            elements.append(start..<parser.index)
            parser.skipWhitespace()
            switch parser.peek() {
            case UInt8(ascii: ","):
                parser.index += 1
            case UInt8(ascii: "]"):
                return elements
            default:
                throw JSONSyntaxError(reason: "expected ',' or ']' after an element", offset: parser.index)
            }
        }
    }

    /// Returns the string at `range`, or `nil` when the value there is not a string.
    static func string(at range: Range<Int>, in document: UnsafeBufferPointer<UInt8>) throws -> String? {
        var parser = JSONObjectParser(bytes: document)
        parser.index = range.lowerBound
        guard parser.peek() == UInt8(ascii: "\"") else { return nil }
        return try parser.parseString()
    }

    /// Whether the value at `range` is `null`.
    static func isNull(at range: Range<Int>, in document: UnsafeBufferPointer<UInt8>) -> Bool {
        range.count == 4 && document[range.lowerBound] == UInt8(ascii: "n")
    }

    /// Parses the object at `range` into the fields of a record, as a line of JSON Lines is.
    ///
    /// - Throws: `JSONSyntaxError` when the value is not an object; offsets count from `range`.
    static func parseObject(at range: Range<Int>, in document: UnsafeBufferPointer<UInt8>) throws -> [(name: String, value: SourceValue)] {
        var parser = JSONObjectParser(bytes: UnsafeBufferPointer(rebasing: document[range]))
        return try parser.parseLine()
    }

    /// Scans the object at `index` to its end and returns the range of the last value of the
    /// member `name`, or `nil` when the object has no such member.
    private mutating func lastMember(named name: String) throws -> Range<Int>? {
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            return nil
        }
        var found: Range<Int>?
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw JSONSyntaxError(reason: "expected a member name in double quotes", offset: index)
            }
            let member = try parseString()
            try expect(UInt8(ascii: ":"), "expected ':' after the member name")
            skipWhitespace()
            let start = index
            try skipValue(depth: 2)
            if member == name {
                found = start..<index
            }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                return found
            default:
                throw JSONSyntaxError(reason: "expected ',' or '}' after a member", offset: index)
            }
        }
    }
}
