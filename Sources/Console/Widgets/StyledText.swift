/// A piece of text with the role it is drawn in.
public struct StyledSpan: Hashable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role = .body) {
        self.text = text
        self.role = role
    }
}

/// One line of spans, drawn left to right; scrolling views are made of these.
public struct StyledLine: Hashable, Sendable {
    public var spans: [StyledSpan]

    public init(_ spans: [StyledSpan]) {
        self.spans = spans
    }

    public init(_ text: String, _ role: Role = .body) {
        self.spans = [StyledSpan(text, role)]
    }

    public static let empty = StyledLine([])

    /// Splits a long text into several lines of `width` columns, all in `role`, the first
    /// after `lead` and the next ones indented by its width.
    public static func wrapped(_ text: String, role: Role, width: Int, lead: StyledSpan? = nil) -> [StyledLine] {
        let indent = lead.map { DisplayWidth.of($0.text) } ?? 0
        let lines = TextLayout.wrap(text, toWidth: max(1, width - indent))
        return lines.enumerated().map { index, line in
            let first = index == 0 ? lead : StyledSpan(String(repeating: " ", count: indent))
            return StyledLine((first.map { [$0] } ?? []) + [StyledSpan(line, role)])
        }
    }
}

extension ScreenBuffer {
    /// Draws `line` from (`column`, `row`) within `maxWidth` columns.
    public mutating func put(_ line: StyledLine, column: Int, row: Int, maxWidth: Int) {
        var used = 0
        for span in line.spans where used < maxWidth {
            used += put(span.text, column: column + used, row: row, role: span.role, maxWidth: maxWidth - used)
        }
    }
}
