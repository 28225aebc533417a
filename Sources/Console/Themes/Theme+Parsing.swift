import Foundation

extension Theme {
    /// Reads a theme file's text: one `role = foreground background [attribute ...]` line per role.
    ///
    /// `#` starts a comment. Colors are `default` (the terminal's own color), a name such as
    /// `red` or `bright-red`, or a palette number from 0 to 255. Roles the text leaves out take
    /// the built-in default theme's style.
    ///
    /// - Parameter file: the path named in errors.
    /// - Throws: `ThemeError` naming the line, the role and what is valid there.
    public static func parse(_ text: String, name: String, file: String) throws -> Theme {
        var styles: [Role: Style] = [:]
        var lineOfRole: [Role: Int] = [:]

        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let content = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard !content.allSatisfy(\.isWhitespace) else { continue }

            let (role, style) = try parseLine(String(content), file: file, line: lineNumber)
            if let firstLine = lineOfRole[role] {
                throw ThemeError(.duplicateRole, file: file, line: lineNumber,
                                 "role \"\(role.rawValue)\" is already set on line \(firstLine); keep one of the two lines")
            }
            lineOfRole[role] = lineNumber
            styles[role] = style
        }
        return Theme(name: name, styles: styles)
    }

    private static func parseLine(_ content: String, file: String, line: Int) throws -> (Role, Style) {
        let sides = content.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let roleName = sides[0].trimmingCharacters(in: .whitespaces)
        let values = sides.count == 2 ? sides[1].split(whereSeparator: \.isWhitespace).map(String.init) : []
        guard sides.count == 2, !roleName.isEmpty, values.count >= 2 else {
            let found = content.trimmingCharacters(in: .whitespaces)
            throw ThemeError(.malformedLine, file: file, line: line,
                             "expected \"role = foreground background [attribute ...]\", found \"\(found)\"")
        }
        guard let role = Role(rawValue: roleName) else {
            let valid = Role.allCases.map(\.rawValue).joined(separator: ", ")
            throw ThemeError(.unknownRole, file: file, line: line, "unknown role \"\(roleName)\"; valid roles: \(valid)")
        }

        let foreground = try parseColor(values[0], side: "foreground", role: role, file: file, line: line)
        let background = try parseColor(values[1], side: "background", role: role, file: file, line: line)
        var attributes: TextAttributes = []
        for value in values.dropFirst(2) {
            guard let attribute = TextAttributes(themeValue: value) else {
                let valid = TextAttributes.namedAttributes.map(\.name).joined(separator: ", ")
                throw ThemeError(.unknownAttribute, file: file, line: line,
                                 "role \"\(role.rawValue)\" has unknown attribute \"\(value)\"; valid attributes: \(valid)")
            }
            attributes.insert(attribute)
        }
        return (role, Style(foreground: foreground, background: background, attributes: attributes))
    }

    private static func parseColor(_ value: String, side: String, role: Role, file: String, line: Int) throws -> TerminalColor {
        guard let color = TerminalColor(themeValue: value) else {
            let names = (["default"] + TerminalColor.names).joined(separator: ", ")
            throw ThemeError(.unknownColor, file: file, line: line,
                             "role \"\(role.rawValue)\" has unknown \(side) color \"\(value)\"; "
                                 + "valid colors: \(names), or a number from 0 to 255")
        }
        return color
    }

    /// The theme as a theme file writes it, one role per line in `Role.allCases` order.
    public var fileText: String {
        Role.allCases.map { role in
            let style = style(for: role)
            let values = [style.foreground.themeValue, style.background.themeValue] + style.attributes.themeValues
            return "\(role.rawValue) = \(values.joined(separator: " "))"
        }.joined(separator: "\n") + "\n"
    }
}
