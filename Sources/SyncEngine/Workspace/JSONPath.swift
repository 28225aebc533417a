/// The location of a value in a JSON document, written as `clients[0].syncs[1].source.path`.
struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    private enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    private var components: [Component] = []

    static let root = JSONPath()

    func appending(_ key: String) -> JSONPath {
        var path = self
        path.components.append(.key(key))
        return path
    }

    func appending(_ index: Int) -> JSONPath {
        var path = self
        path.components.append(.index(index))
        return path
    }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key) where JSONPath.isPlain(key):
                text += text.isEmpty ? key : ".\(key)"
            case .key(let key):
                // Keys with dots, brackets or spaces would make the path ambiguous.
                text += "[\(JSONText.quoted(key, limit: 40))]"
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    private static func isPlain(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
        }
    }
}
