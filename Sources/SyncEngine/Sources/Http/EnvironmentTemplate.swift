import Foundation
import SyncModel

/// Text of the workspace file in which `${NAME}` stands for the environment variable `NAME`
/// and `{date}` for the day being imported.
///
/// Secrets such as API tokens stay out of the workspace file this way. The text as written
/// is what messages show; only requests carry the filled-in value.
struct EnvironmentTemplate {
    enum Part: Equatable {
        case literal(String)
        case variable(String)
    }

    /// The text as written in the workspace file.
    let text: String
    let parts: [Part]

    /// The names of the variables the text uses, in order, without repeats.
    var variableNames: [String] {
        var names: [String] = []
        for case .variable(let name) in parts where !names.contains(name) {
            names.append(name)
        }
        return names
    }

    /// Parses `text`.
    ///
    /// - Throws: `TemplateProblem` for a `${` that is not closed or a name that is not made of
    ///   letters, digits and `_` starting with a letter or `_`.
    init(_ text: String) throws {
        self.text = text
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            literal += rest[rest.startIndex..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                throw TemplateProblem(text: text, reason: "\"${\" is not closed by \"}\"")
            }
            let name = String(afterOpen[afterOpen.startIndex..<close])
            guard EnvironmentTemplate.isVariableName(name) else {
                throw TemplateProblem(text: text, reason: "\"${\(name)}\" is not a valid environment variable name")
            }
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            }
            parts.append(.variable(name))
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty {
            parts.append(.literal(literal))
        }
        self.parts = parts
    }

    /// Returns the text with `{date}` replaced by `day` and the variables by their values,
    /// adding every value to `secrets`.
    ///
    /// - Throws: `MissingVariable` for the first variable that is unset or empty.
    func expand(day: Day?, environment: [String: String], secrets: inout SecretValues) throws -> String {
        var result = ""
        for part in parts {
            switch part {
            case .literal(let text):
                result += EnvironmentTemplate.fillingDate(text, day: day)
            case .variable(let name):
                guard let value = environment[name], !value.isEmpty else {
                    throw MissingVariable(name: name)
                }
                secrets.insert(value)
                result += value
            }
        }
        return result
    }

    /// Returns the text as written with `{date}` replaced, which is safe to show.
    func display(day: Day?) -> String {
        EnvironmentTemplate.fillingDate(text, day: day)
    }

    static func fillingDate(_ text: String, day: Day?) -> String {
        guard let day else { return text }
        return text.replacingOccurrences(of: FileSource.dayPlaceholder, with: day.description)
    }

    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII,
              first.properties.isAlphabetic || first == "_" else {
            return false
        }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
        }
    }
}

/// A `${...}` in the workspace file that cannot be read.
struct TemplateProblem: Error, Equatable {
    let text: String
    let reason: String
}

/// An environment variable that a template needs and the environment lacks.
struct MissingVariable: Error, Equatable {
    let name: String
}
